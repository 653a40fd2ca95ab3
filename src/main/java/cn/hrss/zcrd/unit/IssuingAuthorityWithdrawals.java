package cn.hrss.zcrd.unit;

import cn.hrss.zcrd.account.BackOfficeAction;
import cn.hrss.zcrd.account.BackOfficeGuard;
import cn.hrss.zcrd.account.BackOfficeUser;
import cn.hrss.zcrd.approval.ApprovalHandler;
import cn.hrss.zcrd.approval.ApprovalKind;
import cn.hrss.zcrd.approval.ApprovalRequest;
import org.springframework.stereotype.Component;

/**
 * Carries out an approved {@link ApprovalKind#WITHDRAW_ISSUING_AUTHORITY} request (requested through
 * {@link IssuingAuthorities#withdraw}): the second bureau reviewer withdraws the authority, within their region,
 * with the requester's reason.
 */
@Component
class IssuingAuthorityWithdrawals implements ApprovalHandler {

    private final IssuingAuthorities authorities;
    private final BackOfficeGuard guard;

    IssuingAuthorityWithdrawals(IssuingAuthorities authorities, BackOfficeGuard guard) {
        this.authorities = authorities;
        this.guard = guard;
    }

    @Override
    public ApprovalKind kind() {
        return ApprovalKind.WITHDRAW_ISSUING_AUTHORITY;
    }

    @Override
    public String execute(ApprovalRequest request) {
        BackOfficeUser approver = guard.require(BackOfficeAction.APPROVE_ISSUING_AUTHORITY);
        authorities.withdrawNow(request.targetId(), approver, request.reason(), request.auditNote());
        return null;
    }
}

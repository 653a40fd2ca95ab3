package cn.hrss.zcrd.backoffice;

import cn.hrss.zcrd.account.BackOfficeAction;
import cn.hrss.zcrd.account.BackOfficeGuard;
import cn.hrss.zcrd.approval.ApprovalHandler;
import cn.hrss.zcrd.approval.ApprovalKind;
import cn.hrss.zcrd.approval.ApprovalRequest;
import org.springframework.stereotype.Component;

/**
 * Carries out an approved {@link ApprovalKind#ELEVATE_ADMIN} request (asked through
 * {@link BackOfficeAdministration#update(long, cn.hrss.zcrd.account.NewBackOfficeAccount, String)}): the second
 * system admin raises the account to system admin, in their scope.
 */
@Component
class AdminElevations implements ApprovalHandler {

    private final BackOfficeAdministration administration;
    private final BackOfficeGuard guard;

    AdminElevations(BackOfficeAdministration administration, BackOfficeGuard guard) {
        this.administration = administration;
        this.guard = guard;
    }

    @Override
    public ApprovalKind kind() {
        return ApprovalKind.ELEVATE_ADMIN;
    }

    @Override
    public String execute(ApprovalRequest request) {
        guard.require(BackOfficeAction.MANAGE_ACCOUNTS);
        administration.elevate(request);
        return null;
    }
}

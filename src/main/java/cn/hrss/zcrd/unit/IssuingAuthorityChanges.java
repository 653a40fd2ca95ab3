package cn.hrss.zcrd.unit;

import cn.hrss.zcrd.account.BackOfficeAction;
import cn.hrss.zcrd.account.BackOfficeGuard;
import cn.hrss.zcrd.account.BackOfficeUser;
import cn.hrss.zcrd.approval.ApprovalHandler;
import cn.hrss.zcrd.approval.ApprovalKind;
import cn.hrss.zcrd.approval.ApprovalRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Carries out approved {@link ApprovalKind#WITHDRAW_ISSUING_AUTHORITY}, {@link ApprovalKind#SUSPEND_ISSUING_AUTHORITY}
 * and {@link ApprovalKind#RESUME_ISSUING_AUTHORITY} requests (requested through {@link IssuingAuthorities#withdraw},
 * {@link IssuingAuthorities#suspend}, {@link IssuingAuthorities#resume}): the second bureau reviewer makes the change,
 * within their region, with the requester's reason.
 */
@Configuration(proxyBeanMethods = false)
class IssuingAuthorityChanges {

    @Bean
    ApprovalHandler issuingAuthorityWithdrawals(IssuingAuthorities authorities, BackOfficeGuard guard) {
        return new Handler(AuthorityChange.WITHDRAW, authorities, guard);
    }

    @Bean
    ApprovalHandler issuingAuthoritySuspensions(IssuingAuthorities authorities, BackOfficeGuard guard) {
        return new Handler(AuthorityChange.SUSPEND, authorities, guard);
    }

    @Bean
    ApprovalHandler issuingAuthorityResumptions(IssuingAuthorities authorities, BackOfficeGuard guard) {
        return new Handler(AuthorityChange.RESUME, authorities, guard);
    }

    private record Handler(AuthorityChange change, IssuingAuthorities authorities, BackOfficeGuard guard)
            implements ApprovalHandler {

        @Override
        public ApprovalKind kind() {
            return change.kind;
        }

        @Override
        public String execute(ApprovalRequest request) {
            BackOfficeUser approver = guard.require(BackOfficeAction.APPROVE_ISSUING_AUTHORITY);
            authorities.changeNow(change, request.targetId(), approver, request.reason(), request.auditNote());
            return null;
        }
    }
}

package cn.hrss.zcrd.certificate.internal;

import cn.hrss.zcrd.approval.ApprovalHandler;
import cn.hrss.zcrd.approval.ApprovalKind;
import cn.hrss.zcrd.approval.ApprovalRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Carries out approved {@link ApprovalKind#REISSUE_CERTIFICATE} and {@link ApprovalKind#CORRECT_CERTIFICATE}
 * requests: the second operator of the unit starts the one-item batch, every check made again as them, with the
 * requester's reason (and the corrected values the request carries).
 */
@Configuration(proxyBeanMethods = false)
class SuccessionApprovals {

    @Bean
    ApprovalHandler reissueApprovals(IssuanceService issuance) {
        return new ApprovalHandler() {
            @Override
            public ApprovalKind kind() {
                return ApprovalKind.REISSUE_CERTIFICATE;
            }

            @Override
            public String execute(ApprovalRequest request) {
                issuance.reissue(request.targetId(), request.reason(), request.auditNote());
                return null;
            }
        };
    }

    @Bean
    ApprovalHandler correctionApprovals(IssuanceService issuance) {
        return new ApprovalHandler() {
            @Override
            public ApprovalKind kind() {
                return ApprovalKind.CORRECT_CERTIFICATE;
            }

            @Override
            public String execute(ApprovalRequest request) {
                issuance.correct(request.targetId(), IssuanceService.correctionOf(request), request.auditNote());
                return null;
            }
        };
    }
}

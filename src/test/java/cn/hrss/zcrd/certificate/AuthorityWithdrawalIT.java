package cn.hrss.zcrd.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.zcrd.approval.ApprovalKind;
import cn.hrss.zcrd.approval.ApprovalRequest;
import cn.hrss.zcrd.review.ReviewFixtures;
import cn.hrss.zcrd.support.IntegrationTest;
import cn.hrss.zcrd.support.RegionalStaff;
import cn.hrss.zcrd.unit.IssuingAuthorityInfo;
import cn.hrss.zcrd.unit.IssuingAuthorityStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 撤销职称认定证书发放权限 (issue 16 item 5): the bureau's withdrawal is a four-eyes request — the unit stays authorised
 * while it waits, the requester cannot approve it, a second reviewer of the region can; from then on a batch started
 * is refused with the bureau's reason, a batch queued before but not yet run stops without issuing, and a
 * certificate issued before still verifies as valid. The authority page and the unit show 已撤销 with the reason. A
 * unit that keeps another level may not go on issuing the withdrawn one.
 */
@IntegrationTest
class AuthorityWithdrawalIT extends StoppedAuthorityBase {

    @Autowired
    ReviewFixtures review;

    @Test
    void aWithdrawnAuthorityStopsIssuingAtOnceWhileCertificatesIssuedBeforeStillVerify() throws Exception {
        StoppedAuthorityFixtures.Issuer issuer = stopping.issuer("撤销");
        CertificateFixtures.IssuingUnit unit = issuer.unit();

        long application = authorities.latest(unit.portal()).orElseThrow().id();
        RegionalStaff requester = jinanReviewer("济南撤销申请");
        RegionalStaff second = jinanReviewer("济南撤销复核");
        requester.signIn();
        refusedWithoutReason(() -> authorities.withdraw(application, "  "));
        ApprovalRequest request = authorities.withdraw(application, "违规发放证书").orElseThrow();
        assertThat(request.kind()).isEqualTo(ApprovalKind.WITHDRAW_ISSUING_AUTHORITY);
        assertThat(authorities.find(application).orElseThrow().status())
                .as("still authorised while the request waits")
                .isEqualTo(IssuingAuthorityStatus.GRANTED);
        assertThat(authorities.heldLevels(unit.id())).isNotEmpty();

        fourEyes.ownApprovalRefused(requester.ukeyUser(), request);
        assertThat(authorities.find(application).orElseThrow().status()).isEqualTo(IssuingAuthorityStatus.GRANTED);

        fourEyes.approveAs(second.ukeyUser(), request);
        IssuingAuthorityInfo withdrawn = authorities.find(application).orElseThrow();
        assertThat(withdrawn.status()).isEqualTo(IssuingAuthorityStatus.WITHDRAWN);
        assertThat(withdrawn.withdrawnReason()).isEqualTo("违规发放证书");
        assertThat(withdrawn.withdrawnByName()).isEqualTo("济南撤销复核");
        assertThat(authorities.heldLevels(unit.id())).isEmpty();
        assertThat(stopping.auditActors("ISSUING_AUTHORITY_WITHDRAWN", application))
                .containsExactly(second.account().getUsername());
        // the unit sees it
        assertThat(authorities.latest(unit.portal()).orElseThrow()).satisfies(a -> {
            assertThat(a.status()).isEqualTo(IssuingAuthorityStatus.WITHDRAWN);
            assertThat(a.withdrawnReason()).isEqualTo("违规发放证书");
        });
        // and the authority page shows 已撤销 with the reason
        String shown = authorityPage(requester, "WITHDRAWN", application);
        assertThat(shown).contains("已撤销").contains("违规发放证书").doesNotContain("id=\"withdraw:withdraw-button\"");

        // a batch started afterwards is refused, with the bureau's reason
        batchRefused(issuer, CertificateRefusedException.AUTHORITY_WITHDRAWN, "违规发放证书");
        assertThat(stopping.certificateOf(issuer.laterEntry())).isNull();

        stopping.queuedBatchStopsWithoutIssuing(issuer);
        stopping.issuedBeforeStillVerifies(issuer);
    }

    @Test
    void aBatchOfAWithdrawnLevelStopsAlthoughTheUnitStillHoldsAnotherLevel() throws Exception {
        StoppedAuthorityFixtures.Issuer issuer = stopping.issuer("撤级");
        CertificateFixtures.IssuingUnit unit = issuer.unit();
        long first = authorities.latest(unit.portal()).orElseThrow().id();
        review.grantIssuingAuthority(unit.unit(), "ZHONGJI");
        assertThat(authorities.heldLevels(unit.id())).containsExactlyInAnyOrder(ReviewFixtures.LEVEL, "ZHONGJI");

        RegionalStaff requester = jinanReviewer("济南撤级申请");
        RegionalStaff second = jinanReviewer("济南撤级复核");
        requester.signIn();
        ApprovalRequest request = authorities.withdraw(first, "助理级发证违规").orElseThrow();
        fourEyes.approveAs(second.ukeyUser(), request);
        assertThat(authorities.heldLevels(unit.id()))
                .as("the other level is still held")
                .containsExactly("ZHONGJI");

        // the queued batch holds a person of the withdrawn level: it stops, though the unit may issue another level
        stopping.queuedBatchStopsWithoutIssuing(issuer);
        batchRefused(issuer, CertificateRefusedException.AUTHORITY_WITHDRAWN);
        stopping.issuedBeforeStillVerifies(issuer);
    }
}

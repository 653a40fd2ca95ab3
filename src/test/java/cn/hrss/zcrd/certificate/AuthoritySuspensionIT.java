package cn.hrss.zcrd.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.hrss.zcrd.account.BackOfficeRole;
import cn.hrss.zcrd.approval.ApprovalKind;
import cn.hrss.zcrd.approval.ApprovalRequest;
import cn.hrss.zcrd.review.ReviewFixtures;
import cn.hrss.zcrd.seal.SealFixtures;
import cn.hrss.zcrd.support.IntegrationTest;
import cn.hrss.zcrd.support.RegionalStaff;
import cn.hrss.zcrd.unit.IssuingAuthorityInfo;
import cn.hrss.zcrd.unit.IssuingAuthorityStatus;
import cn.hrss.zcrd.unit.UnitRuleException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 暂停 / 恢复职称认定证书发放权限 (issue 16 item 5): the bureau's suspension is a four-eyes request — the unit stays
 * authorised while it waits, the requester cannot approve it, a second reviewer of the region can; from then on a
 * batch start (and a 补发) is refused with the bureau's reason, a batch queued before stops without issuing, a
 * certificate issued before still verifies as valid, and the 证书库 still lists the unit's people read-only with the
 * reason. Resuming (four eyes too) lets the unit issue again. The authority page shows 已暂停 with the reason.
 */
@IntegrationTest
class AuthoritySuspensionIT extends StoppedAuthorityBase {

    @Autowired
    CertificateFixtures certificateFixtures;

    @Autowired
    CertificateSuccession succession;

    @Test
    void aSuspendedAuthorityStopsIssuingUntilResumedWhileCertificatesIssuedBeforeStillVerify() throws Exception {
        StoppedAuthorityFixtures.Issuer issuer = stopping.issuer("暂停");
        CertificateFixtures.IssuingUnit unit = issuer.unit();
        LocalDate today = time.today();

        long application = authorities.latest(unit.portal()).orElseThrow().id();
        RegionalStaff requester = jinanReviewer("济南暂停申请");
        RegionalStaff second = jinanReviewer("济南暂停复核");
        RegionalStaff qingdao = staff.regional(BackOfficeRole.BUREAU_REVIEWER, "370200", "青岛暂停复核");
        requester.signIn();
        refusedWithoutReason(() -> authorities.suspend(application, " "));
        assertThatThrownBy(() -> authorities.resume(application, "未暂停"))
                .isInstanceOfSatisfying(
                        UnitRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("unit.authority.error.not-suspended"));
        ApprovalRequest request = authorities.suspend(application, "年度检查发现问题").orElseThrow();
        assertThat(request.kind()).isEqualTo(ApprovalKind.SUSPEND_ISSUING_AUTHORITY);
        assertThat(authorities.find(application).orElseThrow().status())
                .as("still authorised while the request waits")
                .isEqualTo(IssuingAuthorityStatus.GRANTED);

        fourEyes.ownApprovalRefused(requester.ukeyUser(), request);
        assertThatThrownBy(() -> fourEyes.approveAs(qingdao.ukeyUser(), request))
                .as("another city's reviewer cannot approve it")
                .isInstanceOf(RuntimeException.class);
        assertThat(authorities.find(application).orElseThrow().status()).isEqualTo(IssuingAuthorityStatus.GRANTED);

        fourEyes.approveAs(second.ukeyUser(), request);
        IssuingAuthorityInfo suspended = authorities.find(application).orElseThrow();
        assertThat(suspended.status()).isEqualTo(IssuingAuthorityStatus.SUSPENDED);
        assertThat(suspended.suspendedReason()).isEqualTo("年度检查发现问题");
        assertThat(suspended.suspendedByName()).isEqualTo("济南暂停复核");
        assertThat(authorities.heldLevels(unit.id())).isEmpty();
        assertThat(authorities.levelsToApplyFor(unit.portal()))
                .as("a suspended level cannot be applied for anew")
                .extracting(cn.hrss.zcrd.catalog.Level::code)
                .doesNotContain(ReviewFixtures.LEVEL);
        assertThatThrownBy(() -> authorities.apply(unit.portal(), List.of(ReviewFixtures.LEVEL), "HRSS370100"))
                .isInstanceOfSatisfying(
                        UnitRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("unit.authority.error.granted"));
        assertThat(stopping.auditActors("ISSUING_AUTHORITY_SUSPENDED", application))
                .containsExactly(second.account().getUsername());
        String shown = authorityPage(requester, "SUSPENDED", application);
        assertThat(shown)
                .contains("已暂停")
                .contains("年度检查发现问题")
                .contains("id=\"resume:resume-button\"")
                .doesNotContain("id=\"suspend:suspend-button\"");

        // a batch started now is refused with the bureau's reason, so is a 补发
        batchRefused(issuer, CertificateRefusedException.AUTHORITY_SUSPENDED, "年度检查发现问题");
        assertThatThrownBy(() -> succession.reissue(issuer.issuedCertificate(), "遗失"))
                .isInstanceOfSatisfying(
                        CertificateRefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo(CertificateRefusedException.AUTHORITY_SUSPENDED));
        assertThat(stopping.certificateOf(issuer.laterEntry())).isNull();
        // the 证书库 still lists the unit's people, read-only, and says why
        assertThat(library.stoppedAuthority()).hasValueSatisfying(a -> {
            assertThat(a.status()).isEqualTo(IssuingAuthorityStatus.SUSPENDED);
            assertThat(a.stopReason()).isEqualTo("年度检查发现问题");
        });
        assertThat(library.find(LibraryQuery.all(), 0, 50, null, true))
                .extracting(LibraryEntry::holderName)
                .contains("王暂停", "赵暂停");

        stopping.queuedBatchStopsWithoutIssuing(issuer);
        stopping.issuedBeforeStillVerifies(issuer);
        SealFixtures.signOut();

        // resumed under four eyes: issuing works again
        requester.signIn();
        ApprovalRequest resume = authorities.resume(application, "整改完成").orElseThrow();
        assertThat(resume.kind()).isEqualTo(ApprovalKind.RESUME_ISSUING_AUTHORITY);
        assertThat(authorities.find(application).orElseThrow().status()).isEqualTo(IssuingAuthorityStatus.SUSPENDED);
        fourEyes.ownApprovalRefused(requester.ukeyUser(), resume);
        fourEyes.approveAs(second.ukeyUser(), resume);
        IssuingAuthorityInfo resumed = authorities.find(application).orElseThrow();
        assertThat(resumed.status()).isEqualTo(IssuingAuthorityStatus.GRANTED);
        assertThat(resumed.resumedReason()).isEqualTo("整改完成");
        assertThat(resumed.suspendedReason())
                .as("the last suspension stays on record")
                .isEqualTo("年度检查发现问题");
        assertThat(stopping.auditActors("ISSUING_AUTHORITY_RESUMED", application))
                .containsExactly(second.account().getUsername());
        SealFixtures.signOut();
        assertThat(certificateFixtures
                        .issued(unit.ukeyOperator(), List.of(issuer.laterEntry()), today)
                        .issued())
                .isEqualTo(1);
        assertThat(stopping.certificateOf(issuer.laterEntry())).isNotNull();
        assertThat(library.stoppedAuthority()).isEmpty();
    }
}

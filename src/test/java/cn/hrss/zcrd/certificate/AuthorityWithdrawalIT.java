package cn.hrss.zcrd.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.hrss.zcrd.account.BackOfficeAccounts;
import cn.hrss.zcrd.account.BackOfficeRole;
import cn.hrss.zcrd.approval.ApprovalFixtures;
import cn.hrss.zcrd.approval.ApprovalKind;
import cn.hrss.zcrd.approval.ApprovalRequest;
import cn.hrss.zcrd.approval.Approvals;
import cn.hrss.zcrd.certificate.internal.BatchStore;
import cn.hrss.zcrd.certificate.internal.IssuanceJob;
import cn.hrss.zcrd.seal.SealFixtures;
import cn.hrss.zcrd.shared.BusinessTime;
import cn.hrss.zcrd.shared.InvalidInputException;
import cn.hrss.zcrd.support.Faces;
import cn.hrss.zcrd.support.IntegrationTest;
import cn.hrss.zcrd.support.RegionalStaff;
import cn.hrss.zcrd.unit.IssuingAuthorities;
import cn.hrss.zcrd.unit.IssuingAuthorityInfo;
import cn.hrss.zcrd.unit.IssuingAuthorityStatus;
import cn.hrss.zcrd.verification.internal.Verdict;
import cn.hrss.zcrd.verification.internal.VerificationService;
import cn.hrss.zcrd.web.ConnectorPorts;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 撤销职称认定证书发放权限 (issue 16 item 5): the bureau's withdrawal is a four-eyes request — the unit stays authorised
 * while it waits, the requester cannot approve it, a second reviewer of the region can; from then on a batch started
 * is refused with the bureau's reason, a batch queued before but not yet run stops without issuing, and a
 * certificate issued before still verifies as valid. The authority page and the unit show 已撤销 with the reason.
 */
@IntegrationTest
class AuthorityWithdrawalIT {

    static final String PAGE = "/sdmanager/authority/review.xhtml";

    @Autowired
    CertificateIssuance issuance;

    @Autowired
    TitleCertificates certificates;

    @Autowired
    IssuingAuthorities authorities;

    @Autowired
    Approvals approvals;

    @Autowired
    BackOfficeAccounts accounts;

    @Autowired
    BatchStore batches;

    @Autowired
    IssuanceJob job;

    @Autowired
    VerificationService verification;

    @Autowired
    BusinessTime time;

    @Autowired
    Clock clock;

    @Autowired
    ConnectorPorts ports;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CertificateFixtures fixtures;

    @AfterEach
    void signOut() {
        SealFixtures.signOut();
    }

    @Test
    void aWithdrawnAuthorityStopsIssuingAtOnceWhileCertificatesIssuedBeforeStillVerify() throws Exception {
        CertificateFixtures.IssuingUnit unit = fixtures.issuingUnit("撤销权限发证单位");
        long wang = fixtures.entryOf(fixtures.finallyApproved(unit, "王撤销").declarationId());
        long li = fixtures.entryOf(fixtures.finallyApproved(unit, "李撤销").declarationId());
        long zhao = fixtures.entryOf(fixtures.finallyApproved(unit, "赵撤销").declarationId());
        LocalDate today = time.today();
        CertificateFixtures.issued(unit.ukeyOperator(), issuance, List.of(wang), today);
        long issuedBefore = jdbc.queryForObject(
                "select certificate_id from certificate_library_entry where id = ?", Long.class, wang);
        byte[] pdf = certificates.download(issuedBefore).content();
        // a batch queued before the withdrawal and not run yet (its node went away; another node takes it up later)
        long queued = batches.create(
                unit.id(),
                List.of(li),
                today,
                new BatchStore.Starter(unit.ukeyOperator().getAccountId(), "queued", "排队", true),
                "node-gone",
                clock.instant().plus(Duration.ofHours(1)),
                clock.instant());
        SealFixtures.signOut();

        long application = authorities.latest(unit.portal()).orElseThrow().id();
        RegionalStaff requester = RegionalStaff.of(accounts, BackOfficeRole.BUREAU_REVIEWER, "370100", "济南撤销申请");
        RegionalStaff second = RegionalStaff.of(accounts, BackOfficeRole.BUREAU_REVIEWER, "370100", "济南撤销复核");
        requester.signIn();
        assertThatThrownBy(() -> authorities.withdraw(application, "  "))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .singleElement()
                                .satisfies(p -> assertThat(p.field()).isEqualTo("reason")));
        ApprovalRequest request = authorities.withdraw(application, "违规发放证书").orElseThrow();
        assertThat(request.kind()).isEqualTo(ApprovalKind.WITHDRAW_ISSUING_AUTHORITY);
        assertThat(authorities.find(application).orElseThrow().status())
                .as("still authorised while the request waits")
                .isEqualTo(IssuingAuthorityStatus.GRANTED);
        assertThat(authorities.heldLevels(unit.id())).isNotEmpty();

        ApprovalFixtures.ownApprovalRefused(approvals, requester.ukeyUser(), request);
        assertThat(authorities.find(application).orElseThrow().status()).isEqualTo(IssuingAuthorityStatus.GRANTED);

        ApprovalFixtures.approveAs(approvals, second.ukeyUser(), request);
        IssuingAuthorityInfo withdrawn = authorities.find(application).orElseThrow();
        assertThat(withdrawn.status()).isEqualTo(IssuingAuthorityStatus.WITHDRAWN);
        assertThat(withdrawn.withdrawnReason()).isEqualTo("违规发放证书");
        assertThat(withdrawn.withdrawnByName()).isEqualTo("济南撤销复核");
        assertThat(authorities.heldLevels(unit.id())).isEmpty();
        assertThat(jdbc.queryForList(
                        "select actor_login from audit_record where action_code = 'ISSUING_AUTHORITY_WITHDRAWN' "
                                + "and target_id = ? and outcome = 'SUCCESS'",
                        String.class,
                        String.valueOf(application)))
                .containsExactly(second.account().getUsername());
        // the unit sees it
        assertThat(authorities.latest(unit.portal()).orElseThrow()).satisfies(a -> {
            assertThat(a.status()).isEqualTo(IssuingAuthorityStatus.WITHDRAWN);
            assertThat(a.withdrawnReason()).isEqualTo("违规发放证书");
        });
        // and the authority page shows 已撤销 with the reason
        String shown = requester
                .session(Faces.ukeyBase(ports))
                .get(PAGE + "?status=WITHDRAWN&application=" + application)
                .body();
        assertThat(shown).contains("已撤销").contains("违规发放证书").doesNotContain("id=\"withdraw:withdraw-button\"");

        // a batch started afterwards is refused, with the bureau's reason
        SealFixtures.signIn(unit.ukeyOperator());
        assertThatThrownBy(() -> issuance.start(List.of(zhao), today))
                .isInstanceOfSatisfying(CertificateRefusedException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo(CertificateRefusedException.AUTHORITY_WITHDRAWN);
                    assertThat(e.arguments()).containsExactly("违规发放证书");
                });
        assertThat(entryCertificate(zhao)).isNull();

        // the queued batch, taken up now, stops without issuing
        jdbc.update(
                "update certificate_batch set lease_until = ? where id = ?",
                java.sql.Timestamp.from(clock.instant().minusSeconds(1)),
                queued);
        job.dispatch(queued);
        BatchProgress stopped = CertificateFixtures.await("batch " + queued + " stopped", Duration.ofMinutes(2), () -> {
            BatchProgress p = issuance.progress(queued);
            return "certificate.batch.problem.no-authority".equals(p.problemKey()) ? p : null;
        });
        assertThat(stopped.issued()).isZero();
        assertThat(entryCertificate(li)).isNull();

        // the certificate issued before still verifies as valid
        var verified = verification.verify(pdf);
        assertThat(verified.verdict()).isEqualTo(Verdict.GENUINE);
        assertThat(verified.certificate().status()).isEqualTo(CertificateStatus.VALID);
        assertThat(certificates.get(issuedBefore).status()).isEqualTo(CertificateStatus.VALID);
    }

    private Long entryCertificate(long entryId) {
        return jdbc.queryForObject(
                "select certificate_id from certificate_library_entry where id = ?", Long.class, entryId);
    }
}

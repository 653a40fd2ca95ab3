package cn.hrss.zcrd.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.hrss.zcrd.account.BackOfficeAccessDeniedException;
import cn.hrss.zcrd.account.BackOfficeRole;
import cn.hrss.zcrd.seal.ElectronicSeal;
import cn.hrss.zcrd.seal.ElectronicSeals;
import cn.hrss.zcrd.seal.SealFixtures;
import cn.hrss.zcrd.seal.SealImages;
import cn.hrss.zcrd.seal.internal.ElectronicSealDesk;
import cn.hrss.zcrd.seal.internal.SealImpressionException;
import cn.hrss.zcrd.seal.internal.SealRevocationReason;
import cn.hrss.zcrd.shared.InvalidInputException;
import cn.hrss.zcrd.shared.RefusedException;
import cn.hrss.zcrd.signing.CertificateAuthority;
import cn.hrss.zcrd.support.BackOfficeStaff;
import cn.hrss.zcrd.support.IntegrationTest;
import cn.hrss.zcrd.support.RegionalStaff;
import cn.hrss.zcrd.support.SignsOut;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Four eyes on revoking an electronic seal: the request changes nothing; its requester cannot approve it; a second
 * reviewer in a password session cannot either; a second reviewer in a UKEY session can, and only then is the seal
 * revoked (on the CRL). A rejected or expired request has no effect and cannot be approved afterwards. All audited.
 */
@IntegrationTest
@ExtendWith(SignsOut.class)
class FourEyesApprovalIT {

    @Autowired
    SealFixtures sealFixtures;

    @Autowired
    BackOfficeStaff staff;

    @Autowired
    Approvals approvals;

    @Autowired
    ElectronicSealDesk desk;

    @Autowired
    ElectronicSeals electronicSeals;

    @Autowired
    CertificateAuthority authority;

    @Autowired
    JdbcTemplate jdbc;

    SealFixtures.SealUnit unit;
    SealFixtures.Reviewer requester;
    SealFixtures.Reviewer second;

    @BeforeEach
    void setUp() throws Exception {
        unit = sealFixtures.aUnit("双人复核测试单位");
        requester = sealFixtures.aReviewer(BackOfficeRole.BUREAU_REVIEWER);
        second = sealFixtures.aReviewer(BackOfficeRole.BUREAU_REVIEWER);
    }

    @Test
    void aRevocationTakesEffectOnlyWhenASecondUkeyReviewerApproves() throws Exception {
        ElectronicSeal seal = sealInForce();
        assertThat(desk.needsApproval()).as("four eyes on by default").isTrue();

        SealFixtures.signIn(requester.ukeyUser());
        assertThatThrownBy(() -> desk.revoke(seal.id(), SealRevocationReason.KEY_COMPROMISE, "直接吊销"))
                .isInstanceOfSatisfying(
                        SealImpressionException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("eseal.revoke.needs-approval"));
        ApprovalRequest request =
                desk.requestRevocation(seal.id(), SealRevocationReason.KEY_COMPROMISE, "保管人员离职，密钥疑似外泄");
        assertThat(request.state()).isEqualTo(ApprovalState.PENDING);
        assertThat(request.requestedByName()).isEqualTo(requester.ukeyUser().getDisplayName());
        assertThat(request.reason()).isEqualTo("保管人员离职，密钥疑似外泄");
        assertThat(electronicSeals.inForce(unit.id()))
                .as("a request changes nothing")
                .isPresent();
        assertThatThrownBy(() -> desk.requestRevocation(seal.id(), SealRevocationReason.SUPERSEDED, "再申请一次"))
                .isInstanceOfSatisfying(
                        RefusedException.class, e -> assertThat(e.messageKey()).isEqualTo("approval.already-pending"));

        // the requester: not listed for them to decide, and refused when they try
        assertThat(approvals.pending()).extracting(ApprovalRequest::id).doesNotContain(request.id());
        assertThat(approvals.ownPending()).extracting(ApprovalRequest::id).contains(request.id());
        assertThatThrownBy(() -> approvals.approve(request.id()))
                .isInstanceOfSatisfying(
                        RefusedException.class, e -> assertThat(e.messageKey()).isEqualTo("approval.own"));
        assertThat(electronicSeals.inForce(unit.id())).isPresent();

        // the second reviewer by password: sees it, may not decide
        SealFixtures.signIn(second.passwordUser());
        assertThat(approvals.pending()).extracting(ApprovalRequest::id).contains(request.id());
        assertThatThrownBy(() -> approvals.approve(request.id()))
                .isInstanceOfSatisfying(
                        BackOfficeAccessDeniedException.class,
                        e -> assertThat(e.needsUkey()).isTrue());
        assertThat(electronicSeals.inForce(unit.id())).isPresent();
        assertThat(crlHas(seal.certificate().getSerialNumber())).isFalse();

        // a unit operator (wrong role) may not decide it either
        SealFixtures.Reviewer operator = sealFixtures.aReviewer(BackOfficeRole.UNIT_OPERATOR);
        SealFixtures.signIn(operator.ukeyUser());
        assertThat(approvals.pending()).extracting(ApprovalRequest::id).doesNotContain(request.id());
        assertThatThrownBy(() -> approvals.approve(request.id())).isInstanceOf(BackOfficeAccessDeniedException.class);

        // the second reviewer by UKEY approves: now the seal is revoked
        SealFixtures.signIn(second.ukeyUser());
        ApprovalRequest approved = approvals.approve(request.id());
        assertThat(approved.state()).isEqualTo(ApprovalState.APPROVED);
        assertThat(approved.decidedByName()).isEqualTo(second.ukeyUser().getDisplayName());
        assertThat(electronicSeals.inForce(unit.id())).isEmpty();
        assertThat(crlHas(seal.certificate().getSerialNumber())).isTrue();
        assertThatThrownBy(() -> approvals.approve(request.id()))
                .isInstanceOfSatisfying(
                        RefusedException.class, e -> assertThat(e.messageKey()).isEqualTo("approval.not-pending"));
        assertThat(actions(request.id()))
                .contains("APPROVAL_REQUESTED", "APPROVAL_APPROVED")
                .doesNotContain("APPROVAL_REJECTED");
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_record where action_code = 'APPROVAL_APPROVED'"
                                + " and target_id = ? and outcome <> 'SUCCESS'",
                        Integer.class,
                        String.valueOf(request.id())))
                .as("the self-approval is recorded as refused")
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "select detail from audit_record where action_code = 'ELECTRONIC_SEAL_REVOKED' and target_id = ?",
                        String.class,
                        String.valueOf(seal.id())))
                .contains("approval #" + request.id())
                .contains(requester.ukeyUser().getDisplayName());
    }

    @Test
    void aRejectedRequestHasNoEffectAndCannotBeApprovedAfterwards() throws Exception {
        ElectronicSeal seal = sealInForce();
        SealFixtures.signIn(requester.ukeyUser());
        ApprovalRequest request = desk.requestRevocation(seal.id(), SealRevocationReason.SUPERSEDED, "印章更换");

        SealFixtures.signIn(second.ukeyUser());
        assertThatThrownBy(() -> approvals.reject(request.id(), "  ")).isInstanceOf(InvalidInputException.class);
        ApprovalRequest rejected = approvals.reject(request.id(), "未见单位更换印章的申请材料");
        assertThat(rejected.state()).isEqualTo(ApprovalState.REJECTED);
        assertThat(rejected.decisionReason()).isEqualTo("未见单位更换印章的申请材料");
        assertThatThrownBy(() -> approvals.approve(request.id()))
                .isInstanceOfSatisfying(
                        RefusedException.class, e -> assertThat(e.messageKey()).isEqualTo("approval.not-pending"));

        assertThat(electronicSeals.inForce(unit.id())).map(ElectronicSeal::id).hasValue(seal.id());
        assertThat(crlHas(seal.certificate().getSerialNumber())).isFalse();
        assertThat(approvals.pending()).extracting(ApprovalRequest::id).doesNotContain(request.id());
        assertThat(actions(request.id())).contains("APPROVAL_REQUESTED", "APPROVAL_REJECTED");
    }

    @Test
    void anExpiredRequestHasNoEffectAndCannotBeApproved() throws Exception {
        ElectronicSeal seal = sealInForce();
        SealFixtures.signIn(requester.ukeyUser());
        ApprovalRequest request = desk.requestRevocation(seal.id(), SealRevocationReason.KEY_COMPROMISE, "疑似泄露");
        assertThat(request.expiresAt()).isAfter(request.requestedAt().plusSeconds(71 * 3600));
        // 72 hours later (the clock of the test context is the system's: the deadline moves instead)
        jdbc.update(
                "update approval_request set expires_at = ? where id = ?",
                java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(1)),
                request.id());

        SealFixtures.signIn(second.ukeyUser());
        assertThat(approvals.pending()).extracting(ApprovalRequest::id).doesNotContain(request.id());
        assertThatThrownBy(() -> approvals.approve(request.id()))
                .isInstanceOfSatisfying(
                        RefusedException.class, e -> assertThat(e.messageKey()).isEqualTo("approval.not-pending"));
        assertThat(approvals.about("ELECTRONIC_SEAL", seal.id()))
                .extracting(ApprovalRequest::state)
                .containsExactly(ApprovalState.EXPIRED);
        assertThat(electronicSeals.inForce(unit.id())).isPresent();
        assertThat(crlHas(seal.certificate().getSerialNumber())).isFalse();
        assertThat(actions(request.id())).contains("APPROVAL_EXPIRED").doesNotContain("APPROVAL_APPROVED");

        // a new request may be made once the old one expired
        SealFixtures.signIn(requester.ukeyUser());
        assertThat(desk.requestRevocation(seal.id(), SealRevocationReason.KEY_COMPROMISE, "再次申请")
                        .state())
                .isEqualTo(ApprovalState.PENDING);
    }

    @Test
    void aReviewerOfAnotherCityNeitherSeesNorDecides() throws Exception {
        ElectronicSeal seal = sealInForce(); // the unit is in 济南 (UnitFixtures)
        SealFixtures.signIn(requester.ukeyUser());
        ApprovalRequest request = desk.requestRevocation(seal.id(), SealRevocationReason.KEY_COMPROMISE, "疑似泄露");
        RegionalStaff qingdao = staff.regional(BackOfficeRole.BUREAU_REVIEWER, "370200", "青岛复核");

        qingdao.signIn();
        assertThat(approvals.pending()).extracting(ApprovalRequest::id).doesNotContain(request.id());
        assertThatThrownBy(() -> approvals.approve(request.id()))
                .isInstanceOfSatisfying(
                        BackOfficeAccessDeniedException.class,
                        e -> assertThat(e.reasonKey()).isEqualTo("backoffice.refused.scope"));
        assertThat(electronicSeals.inForce(unit.id())).isPresent();
    }

    private ElectronicSeal sealInForce() {
        sealFixtures.approved(unit, second, SealImages.transparentSeal(300));
        return electronicSeals.inForce(unit.id()).orElseThrow();
    }

    private List<String> actions(long requestId) {
        return jdbc.queryForList(
                "select action_code from audit_record where target_type = 'APPROVAL_REQUEST' and target_id = ?",
                String.class,
                String.valueOf(requestId));
    }

    private boolean crlHas(BigInteger serial) throws Exception {
        X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509")
                .generateCRL(new ByteArrayInputStream(authority.revocationList()));
        return crl.getRevokedCertificate(serial) != null;
    }
}

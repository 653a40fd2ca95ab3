package cn.hrss.zcrd.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.hrss.zcrd.account.BackOfficeAccessDeniedException;
import cn.hrss.zcrd.account.BackOfficeRole;
import cn.hrss.zcrd.approval.ApprovalRequest;
import cn.hrss.zcrd.approval.Approvals;
import cn.hrss.zcrd.seal.internal.ElectronicSealDesk;
import cn.hrss.zcrd.seal.internal.SealImpressionException;
import cn.hrss.zcrd.seal.internal.SealRevocationReason;
import cn.hrss.zcrd.shared.InvalidInputException;
import cn.hrss.zcrd.signing.CertificateAuthority;
import cn.hrss.zcrd.support.BackOfficeStaff;
import cn.hrss.zcrd.support.BrowserlessSession;
import cn.hrss.zcrd.support.Faces;
import cn.hrss.zcrd.support.IntegrationTest;
import cn.hrss.zcrd.support.RegionalStaff;
import cn.hrss.zcrd.web.ConnectorPorts;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 吊销 an electronic seal (bureau, UKEY session): its certificate goes on the seal CA's CRL with the reason, the
 * unit has no seal in force until a new impression is approved, and nothing is changed by a refused or incomplete
 * request.
 */
@IntegrationTest
class ElectronicSealRevocationIT extends SealUnitBase {

    static final String PAGE = "/sdmanager/seal/electronic.xhtml";

    ElectronicSealRevocationIT() {
        super("吊销印章测试单位");
    }

    @Autowired
    BackOfficeStaff staff;

    @Autowired
    ElectronicSealDesk desk;

    @Autowired
    Approvals approvals;

    @Autowired
    ElectronicSeals electronicSeals;

    @Autowired
    CertificateAuthority authority;

    @Autowired
    ConnectorPorts ports;

    @Test
    void aRevokedSealIsOnTheCrlAndSignsNothingUntilANewImpressionIsApproved() throws Exception {
        sealFixtures.approved(unit, reviewer, SealImages.transparentSeal(300));
        ElectronicSeal seal = electronicSeals.inForce(unit.id()).orElseThrow();

        SealFixtures.signIn(reviewer.ukeyUser());
        ApprovalRequest request =
                desk.requestRevocation(seal.id(), SealRevocationReason.KEY_COMPROMISE, "UKEY 保管人员离职，密钥疑似外泄");
        SealFixtures.Reviewer second = sealFixtures.aReviewer(BackOfficeRole.BUREAU_REVIEWER);
        SealFixtures.signIn(second.ukeyUser());
        approvals.approve(request.id()); // four eyes (FourEyesApprovalIT checks the refusals)

        ElectronicSealDesk.Listing revoked = desk.withinScope().stream()
                .filter(s -> s.id() == seal.id())
                .findFirst()
                .orElseThrow();
        assertThat(revoked.revoked()).isTrue();
        assertThat(revoked.revokedByName()).isEqualTo(second.ukeyUser().getDisplayName());
        X509CRLEntry entry = crlEntry(seal.certificate().getSerialNumber());
        assertThat(entry).as("the seal certificate is on the seal CA's CRL").isNotNull();
        assertThat(entry.getRevocationReason()).isEqualTo(java.security.cert.CRLReason.KEY_COMPROMISE);
        assertThat(electronicSeals.inForce(unit.id())).isEmpty();
        assertThat(electronicSeals.find(seal.id())).isEmpty();
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_record where action_code = 'ELECTRONIC_SEAL_REVOKED'"
                                + " and target_id = ? and outcome = 'SUCCESS'",
                        Integer.class,
                        String.valueOf(seal.id())))
                .isEqualTo(1);
        assertThatThrownBy(() -> desk.revoke(seal.id(), SealRevocationReason.SUPERSEDED, "再次吊销"))
                .isInstanceOf(SealImpressionException.class);
        SealFixtures.signOut();

        sealFixtures.approved(unit, reviewer, SealImages.paletteSealWithTrns(320));
        ElectronicSeal replacement = electronicSeals.inForce(unit.id()).orElseThrow();
        assertThat(replacement.sealVersion()).isEqualTo(2);
        assertThat(replacement.keyAlias()).isNotEqualTo(seal.keyAlias());
    }

    @Test
    void aPasswordSessionMayLookButNotRevokeAndAnIncompleteRequestChangesNothing() throws Exception {
        sealFixtures.approved(unit, reviewer, SealImages.transparentSeal(300));
        ElectronicSeal seal = electronicSeals.inForce(unit.id()).orElseThrow();

        SealFixtures.signIn(reviewer.passwordUser());
        assertThat(desk.withinScope())
                .extracting(ElectronicSealDesk.Listing::id)
                .contains(seal.id());
        assertThatThrownBy(() -> desk.revoke(seal.id(), SealRevocationReason.KEY_COMPROMISE, "说明"))
                .isInstanceOfSatisfying(
                        BackOfficeAccessDeniedException.class,
                        e -> assertThat(e.needsUkey()).isTrue());
        assertThatThrownBy(() -> desk.requestRevocation(seal.id(), SealRevocationReason.KEY_COMPROMISE, "说明"))
                .isInstanceOfSatisfying(
                        BackOfficeAccessDeniedException.class,
                        e -> assertThat(e.needsUkey()).isTrue());

        SealFixtures.signIn(reviewer.ukeyUser());
        assertThatThrownBy(() -> desk.revoke(seal.id(), null, "说明")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> desk.revoke(seal.id(), SealRevocationReason.SUPERSEDED, "   "))
                .isInstanceOf(InvalidInputException.class);

        assertThat(electronicSeals.inForce(unit.id())).map(ElectronicSeal::id).hasValue(seal.id());
        assertThat(crlEntry(seal.certificate().getSerialNumber())).isNull();
    }

    @Test
    void aUnitOperatorCannotSeeOrRevoke() throws Exception {
        sealFixtures.approved(unit, reviewer, SealImages.transparentSeal(300));
        ElectronicSeal seal = electronicSeals.inForce(unit.id()).orElseThrow();
        SealFixtures.Reviewer operator = sealFixtures.aReviewer(BackOfficeRole.UNIT_OPERATOR);

        SealFixtures.signIn(operator.ukeyUser());
        assertThatThrownBy(() -> desk.withinScope()).isInstanceOf(BackOfficeAccessDeniedException.class);
        assertThatThrownBy(() -> desk.revoke(seal.id(), SealRevocationReason.KEY_COMPROMISE, "说明"))
                .isInstanceOf(BackOfficeAccessDeniedException.class);
        assertThat(electronicSeals.inForce(unit.id())).isPresent();
    }

    @Test
    void aCityBureauSeesAndRevokesOnlyItsOwnCitysSeals() throws Exception {
        sealFixtures.approved(unit, reviewer, SealImages.transparentSeal(300));
        ElectronicSeal jinanSeal = electronicSeals.inForce(unit.id()).orElseThrow();
        SealFixtures.SealUnit qingdaoUnit = sealFixtures.aQingdaoUnit("青岛电子印章单位");
        SealFixtures.SealUnit jinanUnit = unit;
        unit = qingdaoUnit;
        sealFixtures.approved(unit, reviewer, SealImages.transparentSeal(310));
        ElectronicSeal qingdaoSeal = electronicSeals.inForce(qingdaoUnit.id()).orElseThrow();
        RegionalStaff jinanBureau = staff.regional(BackOfficeRole.BUREAU_REVIEWER, "370100", "济南印章");

        jinanBureau.signIn();
        assertThat(desk.withinScope())
                .extracting(ElectronicSealDesk.Listing::id)
                .contains(jinanSeal.id())
                .doesNotContain(qingdaoSeal.id());
        assertThatThrownBy(() -> desk.revoke(qingdaoSeal.id(), SealRevocationReason.KEY_COMPROMISE, "越权吊销"))
                .isInstanceOfSatisfying(
                        BackOfficeAccessDeniedException.class,
                        e -> assertThat(e.reasonKey()).isEqualTo("backoffice.refused.scope"));
        SealFixtures.signOut();

        assertThat(electronicSeals.inForce(qingdaoUnit.id())).isPresent();
        assertThat(crlEntry(qingdaoSeal.certificate().getSerialNumber())).isNull();
        assertThat(jinanBureau.session(Faces.ukeyBase(ports)).get(PAGE).body())
                .contains(jinanUnit.name())
                .doesNotContain(qingdaoUnit.name());
    }

    @Test
    void theBureauRevokesOnThePageWithAReason() throws Exception {
        sealFixtures.approved(unit, reviewer, SealImages.transparentSeal(300));
        ElectronicSeal seal = electronicSeals.inForce(unit.id()).orElseThrow();
        BrowserlessSession bureau = new BrowserlessSession(Faces.ukeyBase(ports), reviewer.tls());

        HttpResponse<String> list = bureau.get(PAGE);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body())
                .contains(unit.name())
                .contains(seal.certificate().getSerialNumber().toString(16));
        String button = buttonOfRow(list.body(), unit.name());
        HttpResponse<String> form = bureau.submitOn(list.body(), PAGE, Map.of(button, ""));
        assertThat(form.body()).contains("吊销 " + unit.name() + " 的电子印章（第1版）");

        HttpResponse<String> withoutWords = bureau.submitOn(
                form.body(),
                PAGE,
                Map.of(
                        "revoke-form:reason",
                        "CESSATION_OF_OPERATION",
                        "revoke-form:words",
                        " ",
                        "revoke-form:revoke",
                        ""));
        assertThat(withoutWords.body()).contains("请填写情况说明。");
        assertThat(electronicSeals.inForce(unit.id())).isPresent();

        HttpResponse<String> done = bureau.submitOn(
                withoutWords.body(),
                PAGE,
                Map.of(
                        "revoke-form:reason",
                        "CESSATION_OF_OPERATION",
                        "revoke-form:words",
                        "单位已注销",
                        "revoke-form:revoke",
                        ""));
        assertThat(done.body()).contains("吊销申请已提交");
        assertThat(electronicSeals.inForce(unit.id()))
                .as("not before a second reviewer approves")
                .isPresent();

        // a second reviewer (UKEY) finds the request under 双人复核 with who asked and why, and approves it
        SealFixtures.Reviewer second = sealFixtures.aReviewer(BackOfficeRole.BUREAU_REVIEWER);
        BrowserlessSession secondBureau = new BrowserlessSession(Faces.ukeyBase(ports), second.tls());
        String approvalsPage = "/sdmanager/approvals.xhtml";
        String pending = secondBureau.get(approvalsPage).body();
        int row = pending.indexOf(unit.name());
        assertThat(row).as("the request is listed").isPositive();
        assertThat(pending.substring(row))
                .contains(reviewer.ukeyUser().getDisplayName())
                .contains("单位已注销");
        Matcher approve = Pattern.compile("name=\"(pending:[^\"]*:approve)\"").matcher(pending);
        assertThat(approve.find(row)).isTrue();
        HttpResponse<String> approved = secondBureau.submitOn(pending, approvalsPage, Map.of(approve.group(1), ""));
        assertThat(approved.body()).contains("已批准并执行");
        assertThat(electronicSeals.inForce(unit.id())).isEmpty();
        assertThat(bureau.get(PAGE).body()).contains("已吊销").contains("单位注销或停用印章：单位已注销");
    }

    private static String buttonOfRow(String body, String unitName) {
        int row = body.indexOf(unitName);
        Matcher button =
                Pattern.compile("name=\"(seals:table:\\d+:open-revoke)\"").matcher(body);
        assertThat(button.find(row)).as("revoke button after %s", unitName).isTrue();
        return button.group(1);
    }

    private X509CRLEntry crlEntry(BigInteger serial) throws Exception {
        X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509")
                .generateCRL(new ByteArrayInputStream(authority.revocationList()));
        return crl.getRevokedCertificate(serial);
    }
}

package cn.hrss.zcrd.certificate;

import static cn.hrss.zcrd.certificate.CertificatePageFixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.hrss.zcrd.approval.ApprovalFixtures;
import cn.hrss.zcrd.approval.ApprovalKind;
import cn.hrss.zcrd.approval.ApprovalRequest;
import cn.hrss.zcrd.approval.Approvals;
import cn.hrss.zcrd.review.ReviewFixtures;
import cn.hrss.zcrd.support.BrowserlessSession;
import cn.hrss.zcrd.support.Faces;
import cn.hrss.zcrd.support.IntegrationTest;
import cn.hrss.zcrd.support.PageButtons;
import cn.hrss.zcrd.unit.Unit;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Who may do what on the certificate pages, over HTTP as a browser would: a fallback (password + TOTP) session of
 * the unit's own operator may look but is refused issuing and revoking with the reason, and nothing changes; an
 * operator of another unit can neither open, download nor revoke the unit's certificate; an applicant gets their
 * own certificate's PDF and never another's; portal sessions never reach {@code /sdmanager/certificates/**}.
 */
@IntegrationTest
class CertificatePagesAccessIT extends CertificateServicesBase {

    static final String UKEY_REQUIRED = "该操作需要使用UKEY登录后办理";

    @Autowired
    CertificatePageFixtures fixtures;

    @Autowired
    Approvals approvals;

    @Autowired
    ApprovalFixtures fourEyes;

    @Test
    void aFallbackSessionMayLookButIsRefusedIssuingAndRevokingWithTheReason() throws Exception {
        Unit unit = fixtures.issuingUnit("证书页回退测试单位");
        CertificatePageFixtures.Operator operator = fixtures.operator(unit);
        CertificatePageFixtures.Approved waiting = fixtures.finallyApproved(unit, "钱待发");
        CertificatePageFixtures.Approved issued = fixtures.finallyApproved(unit, "孙已发");
        TitleCertificate certificate = fixtures.issue(operator, issued).get(0);

        BrowserlessSession fallback = http();
        assertThat(operator.fallback().login(fallback).uri().getPath()).isEqualTo("/sdmanager/index.xhtml");
        String page = "/sdmanager/certificates/library.xhtml";
        HttpResponse<String> library = fallback.get(page);
        assertThat(library.statusCode()).isEqualTo(200);
        assertThat(library.body()).contains(waiting.name()).contains("当前为非UKEY登录，只能查询");
        // not asked to confirm what it would be refused: 开始入库 is there but disabled (the note gives the address)
        assertThat(PageButtons.all(library.body())).contains("library:issue");
        assertThat(PageButtons.enabled(library.body())).doesNotContain("library:issue");
        long entry = as(operator.ukeyUser(), () -> this.library.find(LibraryQuery.all(), 0, 10, null, false))
                .get(0)
                .id();

        HttpResponse<String> refused = fallback.submitOn(
                library.body(),
                page,
                Map.of("library:entries:0:pick", "on", "library:publishDate", "2026-07-01", "library:issue", ""));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains(UKEY_REQUIRED).doesNotContain("已开始入库");
        assertThat(as(operator.ukeyUser(), () -> this.library.count(LibraryQuery.all())))
                .isEqualTo(1);
        assertThat(as(operator.ukeyUser(), () -> this.library.find(LibraryQuery.all(), 0, 10, null, false)))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.id()).isEqualTo(entry);
                    assertThat(e.inBatch()).isFalse();
                });

        String manage = "/sdmanager/certificates/manage.xhtml?certificate=" + certificate.id();
        HttpResponse<String> opened = fallback.get(manage);
        assertThat(opened.body()).contains(certificate.number()).contains("当前为非UKEY登录，只能查询");
        assertThat(PageButtons.all(opened.body()))
                .contains("revoke:confirm", "reissue:confirm-reissue", "correct:confirm-correct");
        assertThat(PageButtons.enabled(opened.body()))
                .as("注销, 补发, 更正 disabled in a password session")
                .doesNotContain("revoke:confirm", "reissue:confirm-reissue", "correct:confirm-correct");
        HttpResponse<String> notRevoked =
                fallback.submitOn(opened.body(), manage, Map.of("revoke:reason", "误发", "revoke:confirm", ""));
        assertThat(notRevoked.body()).contains(UKEY_REQUIRED).doesNotContain("证书" + certificate.number() + "已注销。");
        assertThat(as(operator.ukeyUser(), () -> certificates.get(certificate.id()))
                        .status())
                .isEqualTo(CertificateStatus.VALID);

        // looking and downloading are allowed to a fallback session of the unit's operator
        HttpResponse<byte[]> pdf = fallback.getBytes("/sdmanager/certificates/files/" + certificate.id());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    }

    @Test
    void onTheManagePageReissueAndCorrectionAskForTheirReasonAtTheFieldAndTheReplacedCertificateNamesItsSuccessor()
            throws Exception {
        Unit unit = fixtures.issuingUnit("证书页补发单位");
        CertificatePageFixtures.Operator operator = fixtures.operator(unit);
        CertificatePageFixtures.Approved person = fixtures.finallyApproved(unit, "孙补发");
        TitleCertificate certificate = fixtures.issue(operator, person).get(0);
        String manage = "/sdmanager/certificates/manage.xhtml?certificate=" + certificate.id();

        BrowserlessSession fallback = http();
        operator.fallback().login(fallback);
        HttpResponse<String> looked = fallback.get(manage);
        assertThat(fallback.submitOn(
                                looked.body(),
                                manage,
                                Map.of("reissue:reissueReason", "证书遗失", "reissue:confirm-reissue", ""))
                        .body())
                .contains(UKEY_REQUIRED);

        BrowserlessSession session = ukey(operator);
        HttpResponse<String> opened = session.get(manage);
        assertThat(opened.body()).contains("证书遗失或损毁时补发", "证书内容有误时更正");
        HttpResponse<String> noReason = session.submitOn(
                opened.body(), manage, Map.of("reissue:reissueReason", " ", "reissue:confirm-reissue", ""));
        assertThat(noReason.body()).contains("id=\"reissue:reissueReason-message\"", "请填写补发或更正原因");
        HttpResponse<String> unchanged = session.submitOn(
                noReason.body(),
                manage,
                Map.of(
                        "correct:correctedTitle", certificate.titleName(),
                        "correct:correctedSpecialty", certificate.specialtyName(),
                        "correct:correctedPublishDate",
                                certificate.publishDate().toString(),
                        "correct:correctionReason", "核对",
                        "correct:confirm-correct", ""));
        assertThat(unchanged.body()).contains("更正后的内容与原证书相同");
        HttpResponse<String> started = session.submitOn(
                unchanged.body(), manage, Map.of("reissue:reissueReason", "证书遗失", "reissue:confirm-reissue", ""));
        // four eyes: requested only; a second operator of the unit approves it, then the successor is signed
        assertThat(started.body()).contains("的补发/更正申请已提交").doesNotContain("的新证书正在签发");
        assertThat(as(operator.ukeyUser(), () -> certificates.get(certificate.id()))
                        .status())
                .isEqualTo(CertificateStatus.VALID);
        ApprovalRequest request = approvals.about("CERTIFICATE", certificate.id()).stream()
                .filter(r -> r.kind() == ApprovalKind.REISSUE_CERTIFICATE)
                .findFirst()
                .orElseThrow();
        assertThat(request.reason()).isEqualTo("证书遗失");
        fourEyes.approveAs(fixtures.operator(unit).ukeyUser(), request);

        TitleCertificate replaced = CertificateFixtures.await("certificate re-issued", Duration.ofMinutes(5), () -> {
            TitleCertificate c = as(operator.ukeyUser(), () -> certificates.get(certificate.id()));
            return c.status() == CertificateStatus.REISSUED ? c : null;
        });
        assertThat(session.get(manage).body())
                .contains("<td id=\"selected-status\">已补发</td>")
                .contains(replaced.successorNumber(), "证书遗失")
                .doesNotContain("reissue:confirm-reissue", "revoke:confirm");
    }

    @Test
    void aMissingPublishDateABadOneAndAUnitWithoutElectronicSealAreToldWhyAndNothingStarts() throws Exception {
        Unit unit = fixtures.unitWithoutSeal("证书页无印章单位");
        CertificatePageFixtures.Operator operator = fixtures.operator(unit);
        CertificatePageFixtures.Approved person = fixtures.finallyApproved(unit, "王无章");
        BrowserlessSession session = ukey(operator);
        String page = "/sdmanager/certificates/library.xhtml";
        HttpResponse<String> library = session.get(page);
        assertThat(library.body()).contains(person.name()).doesNotContain("当前为非UKEY登录");

        HttpResponse<String> noDate =
                session.submitOn(library.body(), page, Map.of("library:entries:0:pick", "on", "library:issue", ""));
        assertThat(noDate.body()).contains("请填写公布时间。").contains("本单位还没有入库批次。");
        HttpResponse<String> badDate = session.submitOn(
                noDate.body(),
                page,
                Map.of("library:entries:0:pick", "on", "library:publishDate", "2026-13-45", "library:issue", ""));
        assertThat(badDate.body()).contains("请按“年-月-日”格式填写公布时间").contains("本单位还没有入库批次。");
        HttpResponse<String> noSeal = session.submitOn(
                badDate.body(),
                page,
                Map.of("library:entries:0:pick", "on", "library:publishDate", "2026-07-01", "library:issue", ""));
        assertThat(noSeal.body())
                .contains("本单位尚无生效的电子印章")
                .contains("本单位还没有入库批次。")
                .doesNotContain("已开始入库");
        assertThat(as(operator.ukeyUser(), () -> issuance.recent(10))).isEmpty();
    }

    @Test
    void anOperatorOfAnotherUnitCannotOpenDownloadOrRevokeTheUnitsCertificate() throws Exception {
        Unit unit = fixtures.issuingUnit("证书页本单位");
        Unit other = fixtures.issuingUnit("证书页他单位");
        CertificatePageFixtures.Operator own = fixtures.operator(unit);
        CertificatePageFixtures.Operator stranger = fixtures.operator(other);
        CertificatePageFixtures.Approved person = fixtures.finallyApproved(unit, "周本单位");
        TitleCertificate certificate = fixtures.issue(own, person).get(0);

        BrowserlessSession foreign = ukey(stranger);
        HttpResponse<byte[]> download = foreign.getBytes("/sdmanager/certificates/files/" + certificate.id());
        assertThat(download.statusCode()).isEqualTo(404);
        assertThat(new String(download.body(), StandardCharsets.UTF_8)).doesNotStartWith("%PDF");
        HttpResponse<String> opened =
                foreign.get("/sdmanager/certificates/manage.xhtml?certificate=" + certificate.id());
        assertThat(opened.statusCode()).isEqualTo(404);
        assertThat(opened.body())
                .contains("页面不存在")
                .doesNotContain(certificate.number())
                .doesNotContain("revoke:reason");
        assertThat(foreign.get("/sdmanager/certificates/library.xhtml").body()).doesNotContain(person.name());
        assertThat(foreign.get("/sdmanager/certificates/manage.xhtml").body()).doesNotContain(certificate.number());
        // the service itself refuses, whatever a crafted request would reach
        assertThatThrownBy(() -> as(stranger.ukeyUser(), () -> {
                    certificates.revoke(certificate.id(), "越权注销");
                    return null;
                }))
                .isInstanceOfSatisfying(
                        CertificateRefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo(CertificateRefusedException.NOT_FOUND));
        assertThat(as(own.ukeyUser(), () -> certificates.get(certificate.id())).status())
                .isEqualTo(CertificateStatus.VALID);

        // the unit's own operator, by UKEY, gets the PDF
        HttpResponse<byte[]> mine = ukey(own).getBytes("/sdmanager/certificates/files/" + certificate.id());
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(new String(mine.body(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    }

    @Test
    void anApplicantGetsTheirOwnCertificateAndNeverAnothersAndPortalSessionsStayOutOfTheBackOffice() throws Exception {
        Unit unit = fixtures.issuingUnit("证书页申请人测试单位");
        CertificatePageFixtures.Operator operator = fixtures.operator(unit);
        CertificatePageFixtures.Approved a = fixtures.finallyApproved(unit, "吴甲");
        CertificatePageFixtures.Approved b = fixtures.finallyApproved(unit, "郑乙");
        List<TitleCertificate> issued = fixtures.issue(operator, a, b);
        TitleCertificate ofA = issued.stream()
                .filter(c -> c.declarationId() == a.declarationId())
                .findFirst()
                .orElseThrow();
        TitleCertificate ofB = issued.stream()
                .filter(c -> c.declarationId() == b.declarationId())
                .findFirst()
                .orElseThrow();

        BrowserlessSession personA = http();
        personA.portalLogin("person", a.idNumber(), CertificatePageFixtures.PERSON_PASSWORD);
        String list = personA.get("/rsrc/person/certificates.xhtml").body();
        assertThat(list).contains(ofA.number()).doesNotContain(ofB.number());
        HttpResponse<byte[]> own = personA.getBytes("/rsrc/person/certificate-files/" + ofA.id());
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(new String(own.body(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");

        HttpResponse<byte[]> others = personA.getBytes("/rsrc/person/certificate-files/" + ofB.id());
        assertThat(others.statusCode()).isIn(403, 404);
        assertThat(new String(others.body(), StandardCharsets.UTF_8))
                .doesNotStartWith("%PDF")
                .contains("拒绝访问");
        HttpResponse<byte[]> missing = personA.getBytes("/rsrc/person/certificate-files/" + Long.MAX_VALUE);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(new String(missing.body(), StandardCharsets.UTF_8)).contains("页面不存在");

        BrowserlessSession unitSession = ReviewFixtures.unitSession(ports, unit);
        assertThat(unitSession
                        .getBytes("/rsrc/person/certificate-files/" + ofA.id())
                        .statusCode())
                .isEqualTo(403);
        for (BrowserlessSession portal : List.of(personA, unitSession)) {
            for (String path : List.of(
                    "/sdmanager/certificates/library.xhtml",
                    "/sdmanager/certificates/manage.xhtml",
                    "/sdmanager/certificates/manage.xhtml?certificate=" + ofA.id(),
                    "/sdmanager/certificates/files/" + ofA.id())) {
                HttpResponse<byte[]> page = portal.getBytes(path);
                // the portal's session is not the back office's (a cookie of its own): the login page, as for nobody
                assertThat(page.uri().getPath()).as(path).isEqualTo("/sdmanager/login.xhtml");
                assertThat(new String(page.body(), StandardCharsets.UTF_8))
                        .as(path)
                        .doesNotStartWith("%PDF");
            }
        }
        // the declaration says 已发证 and leads to 我的证书
        String declarationsPage = personA.get("/rsrc/person/declarations.xhtml").body();
        assertThat(declarationsPage).contains("已发证").contains("/rsrc/person/certificates.xhtml");
    }

    private BrowserlessSession http() {
        return Faces.publicSession(ports);
    }

    private BrowserlessSession ukey(CertificatePageFixtures.Operator operator) {
        return new BrowserlessSession(Faces.ukeyBase(ports), operator.ukey());
    }
}

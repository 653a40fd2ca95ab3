package cn.hrss.zcrd.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.hrss.zcrd.account.BackOfficeAccessDeniedException;
import cn.hrss.zcrd.account.BackOfficeUser;
import cn.hrss.zcrd.approval.ApprovalFixtures;
import cn.hrss.zcrd.approval.ApprovalKind;
import cn.hrss.zcrd.approval.ApprovalRequest;
import cn.hrss.zcrd.approval.Approvals;
import cn.hrss.zcrd.declaration.DeclarationAction;
import cn.hrss.zcrd.declaration.DeclarationDetails;
import cn.hrss.zcrd.declaration.RecognitionForms;
import cn.hrss.zcrd.seal.SealFixtures;
import cn.hrss.zcrd.shared.BusinessTime;
import cn.hrss.zcrd.support.BrowserlessSession;
import cn.hrss.zcrd.support.Faces;
import cn.hrss.zcrd.support.IntegrationTest;
import cn.hrss.zcrd.verification.VerifyClient;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.canvas.parser.PdfTextExtractor;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 补发 and 更正 (SPEC §7) on MariaDB with signatures through SunPKCS11 + SoftHSM2: the successor comes out of the
 * issuance pipeline with the next number, the old certificate verifies as 已补发 / 已更正 naming its successor (the
 * register, the public API, the page and an uploaded PDF), the declaration's history and status follow; two 补发 at
 * once share the unit's numbers without gap or duplicate; after 注销 the declaration page, its list, its 认定表 and
 * 我的证书 show it. 补发 and 更正 are four-eyes requests (reason, and the corrected values): nothing happens until a
 * second operator of the unit approves; the requester cannot approve their own.
 */
@IntegrationTest
class CertificateSuccessionIT extends CertificateServicesBase {

    @Autowired
    CertificateSuccession succession;

    @Autowired
    CertificateRegister register;

    @Autowired
    RecognitionForms forms;

    @Autowired
    BusinessTime time;

    @Autowired
    CertificateFixtures fixtures;

    @Autowired
    Approvals approvals;

    @Autowired
    ApprovalFixtures fourEyes;

    @Test
    void reissueAndCorrectionReplaceTheCertificateWhichThenVerifiesAsReplacedNamingItsSuccessor() throws Exception {
        CertificateFixtures.IssuingUnit unit = fixtures.issuingUnit("补发更正发证单位");
        CertificateFixtures.Approved wang = fixtures.finallyApproved(unit, "王补发");
        LocalDate published = time.today();
        fixtures.issued(unit.ukeyOperator(), List.of(fixtures.entryOf(wang.declarationId())), published);
        TitleCertificate first = only(null);
        byte[] firstPdf = certificates.download(first.id()).content();

        // refused: a fallback session, no reason, a correction that changes nothing
        SealFixtures.signIn(unit.passwordOperator());
        assertThatThrownBy(() -> succession.reissue(first.id(), "证书遗失"))
                .isInstanceOfSatisfying(
                        BackOfficeAccessDeniedException.class,
                        e -> assertThat(e.needsUkey()).isTrue());
        SealFixtures.signIn(unit.ukeyOperator());
        assertRefused(
                () -> succession.reissue(first.id(), "  "), CertificateRefusedException.SUCCESSION_REASON_REQUIRED);
        assertRefused(
                () -> succession.correct(
                        first.id(),
                        new CertificateSuccession.Correction(
                                first.titleName(), first.specialtyName(), published, "核对无误")),
                CertificateRefusedException.NOTHING_CORRECTED);
        assertRefused(
                () -> succession.correct(
                        first.id(), new CertificateSuccession.Correction("", "电气工程", published, "专业有误")),
                CertificateRefusedException.CORRECTION_INVALID);
        assertRefused(
                () -> succession.correct(
                        first.id(), new CertificateSuccession.Correction("助理\u0000工程师", "电气工程", published, "专业有误")),
                CertificateRefusedException.CORRECTION_INVALID);
        // U+30041 (CJK Extension G): none of the certificate fonts (main and fallbacks) can draw it
        assertRefused(
                () -> succession.correct(
                        first.id(),
                        new CertificateSuccession.Correction(first.titleName(), "\uD880\uDC41电气工程", published, "专业有误")),
                CertificateRefusedException.UNPRINTABLE);

        // 补发 under four eyes: the request changes nothing, a second 补发/更正 waits, the requester cannot approve
        CertificateSuccession.Started asked = succession.reissue(first.id(), "证书遗失");
        assertThat(asked.requested()).isTrue();
        assertThat(asked.request().kind()).isEqualTo(ApprovalKind.REISSUE_CERTIFICATE);
        assertThat(asked.request().reason()).isEqualTo("证书遗失");
        assertThat(certificates.get(first.id()).status()).isEqualTo(CertificateStatus.VALID);
        assertThat(batchOf(first.id())).as("nothing issued before the approval").isEmpty();
        assertRefused(
                () -> succession.correct(
                        first.id(), new CertificateSuccession.Correction(first.titleName(), "电气工程", published, "专业有误")),
                CertificateRefusedException.SUCCESSION_PENDING);
        fourEyes.ownApprovalRefused(unit.ukeyOperator(), asked.request());
        assertThat(batchOf(first.id())).isEmpty();
        BackOfficeUser second = fixtures.ukeyOperator(unit.id());

        // 补发: same data, the next number; the old one is 已补发 and names it
        fixtures.completed(fixtures.approvedSuccession(second, asked, first.id()));
        TitleCertificate old = certificates.get(first.id());
        assertThat(old.status()).isEqualTo(CertificateStatus.REISSUED);
        assertThat(old.successionReason()).isEqualTo("证书遗失");
        TitleCertificate reissued = only(old.successorNumber());
        assertThat(reissued.status()).isEqualTo(CertificateStatus.VALID);
        assertThat(reissued.predecessorNumber()).isEqualTo(first.number());
        assertThat(reissued.number()).isNotEqualTo(first.number());
        assertThat(CertificateNumber.parse(reissued.number()).sequence())
                .isEqualTo(CertificateNumber.parse(first.number()).sequence() + 1);
        assertThat(List.of(reissued.titleName(), reissued.specialtyName(), reissued.holderName()))
                .containsExactly(first.titleName(), first.specialtyName(), first.holderName());
        assertThat(reissued.publishDate()).isEqualTo(first.publishDate());
        assertThat(CertificateFixtures.verifiedByItext(
                        certificates.download(reissued.id()).content()))
                .contains(reissued.number());
        assertRefused(() -> succession.reissue(first.id(), "再次补发"), CertificateRefusedException.NOT_REPLACEABLE);
        assertRefused(() -> certificates.revoke(first.id(), "注销旧证"), CertificateRefusedException.NOT_REPLACEABLE);

        // 更正: the corrected specialty on a new certificate; the re-issued one is 已更正
        CertificateSuccession.Started correctionAsked = succession.correct(
                reissued.id(), new CertificateSuccession.Correction(reissued.titleName(), "电气工程", published, "专业填写错误"));
        assertThat(correctionAsked.request().kind()).isEqualTo(ApprovalKind.CORRECT_CERTIFICATE);
        assertThat(correctionAsked.request().parameter("specialty"))
                .as("the request records the new data")
                .isEqualTo("电气工程");
        assertThat(certificates.get(reissued.id()).specialtyName()).isEqualTo(reissued.specialtyName());
        fourEyes.ownApprovalRefused(unit.ukeyOperator(), correctionAsked.request());
        long correction = fixtures.approvedSuccession(second, correctionAsked, reissued.id());
        assertRefused(
                () -> succession.reissue(reissued.id(), "又遗失"),
                CertificateRefusedException.SUCCESSION_PENDING,
                CertificateRefusedException.NOT_REPLACEABLE);
        fixtures.completed(correction);
        TitleCertificate replaced = certificates.get(reissued.id());
        assertThat(replaced.status()).isEqualTo(CertificateStatus.CORRECTED);
        TitleCertificate corrected = only(replaced.successorNumber());
        assertThat(corrected.specialtyName()).isEqualTo("电气工程");
        assertThat(corrected.predecessorNumber()).isEqualTo(reissued.number());
        byte[] correctedPdf = certificates.download(corrected.id()).content();
        assertThat(CertificateFixtures.verifiedByItext(correctedPdf)).contains("电气工程", corrected.number());
        // a 补发 of the corrected certificate keeps the correction (the library entry still has the old specialty)
        fixtures.completed(
                fixtures.approvedSuccession(second, succession.reissue(corrected.id(), "证书损毁"), corrected.id()));
        TitleCertificate current = only(certificates.get(corrected.id()).successorNumber());
        assertThat(current.specialtyName()).isEqualTo("电气工程");
        assertThat(current.predecessorNumber()).isEqualTo(corrected.number());

        // the public register, the API, the page and an uploaded file
        assertThat(register.byNumberAndHolder(first.number(), "王补发")).hasValueSatisfying(c -> {
            assertThat(c.status()).isEqualTo(CertificateStatus.REISSUED);
            assertThat(c.successorNumber()).isEqualTo(reissued.number());
        });
        VerifyClient client = new VerifyClient(Faces.publicBase(ports));
        assertThat(lookUp(client, first.number()))
                .contains("\"status\":\"REISSUED\"", "\"statusLabel\":\"已补发\"")
                .contains("\"successorNumber\":\"" + reissued.number() + "\"");
        assertThat(lookUp(client, reissued.number()))
                .contains("\"status\":\"CORRECTED\"", "\"statusLabel\":\"已更正\"")
                .contains("\"predecessorNumber\":\"" + first.number() + "\"")
                .contains("\"successorNumber\":\"" + corrected.number() + "\"");
        assertThat(lookUp(client, corrected.number()))
                .contains("\"status\":\"REISSUED\"", "\"predecessorNumber\":\"" + reissued.number() + "\"");
        assertThat(lookUp(client, current.number()))
                .contains("\"status\":\"VALID\"", "\"predecessorNumber\":\"" + corrected.number() + "\"");
        assertThat(client.lookUp(first.number(), "王补发").body())
                .contains("<strong id=\"status\">已补发</strong>")
                .contains("id=\"field-successor-number\">" + reissued.number() + "<");
        assertThat(client.uploadToApi(firstPdf).body())
                .contains("\"verdict\":\"REISSUED\"", "\"verdictLabel\":\"已补发\"")
                .doesNotContain("GENUINE");
        assertThat(client.uploadOnPage(firstPdf, client.csrfToken()).body())
                .contains("<strong id=\"verdict\">已补发</strong>", reissued.number());
        assertThat(client.uploadToApi(certificates.download(current.id()).content())
                        .body())
                .contains("\"verdict\":\"GENUINE\"");

        // the declaration: still 已发证, its status and history name the steps and numbers
        SealFixtures.signOut();
        DeclarationDetails d = declarations.details(wang.declarationId(), wang.person());
        assertThat(d.statusKey()).isEqualTo("declaration.status.reissue-certificate");
        assertThat(d.certificateNumber()).isEqualTo(current.number());
        assertThat(d.history())
                .filteredOn(h -> h.certificateNumber() != null)
                .extracting(DeclarationDetails.HistoryItem::action, DeclarationDetails.HistoryItem::certificateNumber)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(DeclarationAction.CERTIFY, first.number()),
                        org.assertj.core.groups.Tuple.tuple(DeclarationAction.REISSUE_CERTIFICATE, reissued.number()),
                        org.assertj.core.groups.Tuple.tuple(DeclarationAction.CORRECT_CERTIFICATE, corrected.number()),
                        org.assertj.core.groups.Tuple.tuple(DeclarationAction.REISSUE_CERTIFICATE, current.number()));
        assertThat(recognitionForm(wang))
                .contains("已发证（已补发）", "证书补发", "证书更正", "证书遗失", "专业填写错误", "证书损毁", current.number());

        // 我的证书 lists the whole chain with the statuses
        BrowserlessSession person = new BrowserlessSession(Faces.publicBase(ports));
        person.portalLogin("person", wang.person().loginName(), CertificatePageFixtures.PERSON_PASSWORD);
        assertThat(person.get("/rsrc/person/certificates.xhtml").body())
                .contains(first.number(), reissued.number(), corrected.number(), current.number(), "已补发", "已更正");

        assertThat(jdbc.queryForList(
                        "SELECT action_code FROM audit_record WHERE target_id IN (?, ?, ?) AND outcome = 'SUCCESS'",
                        String.class,
                        first.number(),
                        reissued.number(),
                        corrected.number()))
                .contains("CERTIFICATE_REISSUED", "CERTIFICATE_CORRECTED");
        // carried out by the second operator, naming the request
        assertThat(jdbc.queryForList(
                        "SELECT actor_login FROM audit_record WHERE action_code = 'CERTIFICATE_REISSUED' "
                                + "AND target_id = ? AND outcome = 'SUCCESS'",
                        String.class,
                        first.number()))
                .containsExactly(second.getUsername());
        assertThat(jdbc.queryForObject(
                        "SELECT detail FROM audit_record WHERE action_code = 'CERTIFICATE_REISSUED' "
                                + "AND target_id = ? AND outcome = 'SUCCESS'",
                        String.class,
                        first.number()))
                .contains("证书遗失", "approval #" + asked.request().id());
    }

    private List<Long> batchOf(long certificateId) {
        return jdbc.queryForList(
                "SELECT batch_id FROM certificate_batch_item WHERE predecessor_key = ?", Long.class, certificateId);
    }

    @Test
    void twoReissuesAtOnceTakeTheUnitsNextNumbersWithoutGapOrDuplicate() throws Exception {
        CertificateFixtures.IssuingUnit unit = fixtures.issuingUnit("并发补发发证单位");
        List<Long> entries = fixtures.seedEntries(unit, 2);
        fixtures.issued(unit.ukeyOperator(), entries, time.today());
        List<Long> ids = jdbc.queryForList(
                "SELECT id FROM title_certificate WHERE unit_id = ? ORDER BY number_sequence", Long.class, unit.id());
        BackOfficeUser one = unit.ukeyOperator();
        BackOfficeUser two = fixtures.ukeyOperator(unit.id());
        // each asks for one 补发; the other approves it, both approvals at once
        SealFixtures.signIn(one);
        CertificateSuccession.Started askedByOne = succession.reissue(ids.get(0), "证书损毁");
        SealFixtures.signIn(two);
        CertificateSuccession.Started askedByTwo = succession.reissue(ids.get(1), "证书损毁");
        SealFixtures.signOut();
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Long> a = pool.submit(approveAs(two, askedByOne, ids.get(0), together));
            Future<Long> b = pool.submit(approveAs(one, askedByTwo, ids.get(1), together));
            long batchA = a.get();
            long batchB = b.get();
            SealFixtures.signIn(one);
            fixtures.completed(batchA);
            fixtures.completed(batchB);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForList(
                        "SELECT number_sequence FROM title_certificate WHERE unit_id = ? ORDER BY number_sequence",
                        Integer.class,
                        unit.id()))
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 4).boxed().toList());
        assertThat(jdbc.queryForObject(
                        "SELECT last_sequence FROM certificate_number_counter WHERE unit_id = ? AND number_year = ?",
                        Integer.class,
                        unit.id(),
                        time.today().getYear()))
                .isEqualTo(4);
        assertThat(jdbc.queryForList(
                        "SELECT status FROM title_certificate WHERE unit_id = ? ORDER BY number_sequence",
                        String.class,
                        unit.id()))
                .containsExactly("REISSUED", "REISSUED", "VALID", "VALID");
    }

    @Test
    void afterRevocationTheDeclarationPageItsListItsRecognitionFormAndMyCertificatesShowIt() throws Exception {
        CertificateFixtures.IssuingUnit unit = fixtures.issuingUnit("注销展示发证单位");
        CertificateFixtures.Approved li = fixtures.finallyApproved(unit, "李注销");
        fixtures.issued(unit.ukeyOperator(), List.of(fixtures.entryOf(li.declarationId())), time.today());
        TitleCertificate issued = only(null);
        // 注销 needs a second operator of the unit (four eyes)
        Optional<ApprovalRequest> asked = certificates.revoke(issued.id(), "材料不实");
        if (asked.isPresent()) {
            fourEyes.approveAs(fixtures.ukeyOperator(unit.id()), asked.get());
        }
        SealFixtures.signOut();

        BrowserlessSession person = new BrowserlessSession(Faces.publicBase(ports));
        person.portalLogin("person", li.person().loginName(), CertificatePageFixtures.PERSON_PASSWORD);
        assertThat(person.get("/rsrc/person/declarations.xhtml").body()).contains("证书已注销");
        assertThat(person.get("/rsrc/person/declaration.xhtml?id=" + li.declarationId())
                        .body())
                .contains("<span id=\"state\">证书已注销</span>", issued.number(), "证书注销", "材料不实");
        assertThat(recognitionForm(li)).contains("证书已注销", "证书注销", "材料不实", issued.number());
        assertThat(person.get("/rsrc/person/certificates.xhtml").body()).contains(issued.number(), "已注销");
    }

    /** The one certificate of the signed-in operator's unit with this number (null: the unit's only one). */
    private TitleCertificate only(String number) {
        return certificates
                .find(new CertificateQuery(null, null, number, null, null, null), 0, 10, null, false)
                .stream()
                .filter(c -> number != null || c.status() == CertificateStatus.VALID)
                .reduce((x, y) -> {
                    throw new AssertionError("more than one certificate");
                })
                .orElseThrow();
    }

    private String lookUp(VerifyClient client, String number) throws Exception {
        return client.postJson("/api/verify/number", "{\"number\":\"" + number + "\",\"holderName\":\"王补发\"}")
                .body();
    }

    private String recognitionForm(CertificateFixtures.Approved approved) throws Exception {
        byte[] pdf = forms.render(approved.declarationId(), approved.person()).pdf();
        StringBuilder text = new StringBuilder();
        try (PdfDocument doc = new PdfDocument(new PdfReader(new ByteArrayInputStream(pdf)))) {
            for (int page = 1; page <= doc.getNumberOfPages(); page++) {
                text.append(PdfTextExtractor.getTextFromPage(doc.getPage(page)));
            }
        }
        return text.toString();
    }

    private Callable<Long> approveAs(
            BackOfficeUser approver, CertificateSuccession.Started asked, long certificateId, CyclicBarrier together) {
        return () -> {
            together.await();
            return fixtures.approvedSuccession(approver, asked, certificateId);
        };
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String... keys) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        CertificateRefusedException.class,
                        e -> assertThat(e.messageKey()).isIn((Object[]) keys));
    }
}

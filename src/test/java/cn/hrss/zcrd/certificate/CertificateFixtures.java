package cn.hrss.zcrd.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.zcrd.account.BackOfficeAccount;
import cn.hrss.zcrd.account.BackOfficeRole;
import cn.hrss.zcrd.account.BackOfficeUser;
import cn.hrss.zcrd.account.NewBackOfficeAccount;
import cn.hrss.zcrd.account.PortalUser;
import cn.hrss.zcrd.approval.ApprovalFixtures;
import cn.hrss.zcrd.review.ReviewDecisions;
import cn.hrss.zcrd.review.ReviewFixtures;
import cn.hrss.zcrd.seal.ElectronicSeal;
import cn.hrss.zcrd.seal.ElectronicSeals;
import cn.hrss.zcrd.seal.SealFixtures;
import cn.hrss.zcrd.seal.SealImages;
import cn.hrss.zcrd.seal.internal.SealImpressionDesk;
import cn.hrss.zcrd.support.BackOfficeStaff;
import cn.hrss.zcrd.support.Pdfsig;
import cn.hrss.zcrd.support.TestIdentities;
import cn.hrss.zcrd.support.TestUkey;
import cn.hrss.zcrd.unit.Unit;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.canvas.parser.PdfTextExtractor;
import com.itextpdf.signatures.PdfPKCS7;
import com.itextpdf.signatures.SignatureUtil;
import java.io.ByteArrayInputStream;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issuing units ready to issue (registered, issuing authority for {@link ReviewFixtures#LEVEL} granted by a bureau
 * reviewer, seal impression approved so an electronic seal is in force, a UKEY operator and a password operator),
 * final-approved people, and checks of signed certificates.
 */
public final class CertificateFixtures {

    public static final String OPERATOR_PASSWORD = "Operator-Passw0rd";
    /** Declaration ids of entries seeded with bulk SQL: far above any real declaration's. */
    private static final AtomicLong SEEDED_DECLARATION =
            new AtomicLong(1_000_000_000L + System.nanoTime() % 1_000_000_000L);

    private final ReviewFixtures review;
    private final ApprovalFixtures fourEyes;
    private final ReviewDecisions decisions;
    private final SealImpressionDesk seals;
    private final ElectronicSeals electronicSeals;
    private final BackOfficeStaff staff;
    private final CertificateIssuance issuance;
    private final JdbcTemplate jdbc;

    public CertificateFixtures(
            ReviewFixtures review,
            ApprovalFixtures fourEyes,
            ReviewDecisions decisions,
            SealImpressionDesk seals,
            ElectronicSeals electronicSeals,
            BackOfficeStaff staff,
            CertificateIssuance issuance,
            JdbcTemplate jdbc) {
        this.review = review;
        this.fourEyes = fourEyes;
        this.issuance = issuance;
        this.decisions = decisions;
        this.seals = seals;
        this.electronicSeals = electronicSeals;
        this.staff = staff;
        this.jdbc = jdbc;
    }

    /** Starts a batch for the library entries as {@code operator} and waits until it has completed. */
    public BatchProgress issued(BackOfficeUser operator, List<Long> entries, java.time.LocalDate published) {
        SealFixtures.signIn(operator);
        return completed(issuance.start(entries, published));
    }

    /**
     * A 补发 / 更正 the signed-in operator asked for ({@code started}) approved by {@code second} (another operator of
     * the unit) under the four-eyes rule: returns the batch of one item started then. A batch started at once (the
     * rule switched off) is returned as it is.
     */
    public long approvedSuccession(BackOfficeUser second, CertificateSuccession.Started started, long certificateId) {
        if (!started.requested()) {
            return started.batchId();
        }
        fourEyes.approveAs(second, started.request());
        return jdbc.queryForObject(
                "SELECT batch_id FROM certificate_batch_item WHERE predecessor_key = ?", Long.class, certificateId);
    }

    /** Waits until the batch (of the signed-in operator's unit) has completed. */
    public BatchProgress completed(long batch) {
        return await("batch " + batch + " completed", Duration.ofMinutes(5), () -> {
            BatchProgress p = issuance.progress(batch);
            return p.finished() ? p : null;
        });
    }

    /** An issuing unit with its operators. */
    public record IssuingUnit(
            Unit unit,
            PortalUser portal,
            BackOfficeUser ukeyOperator,
            BackOfficeUser passwordOperator,
            ElectronicSeal seal) {
        public long id() {
            return unit.getId();
        }
    }

    public IssuingUnit issuingUnit(String prefix) throws Exception {
        Unit unit = review.unit(prefix);
        review.grantIssuingAuthority(unit, ReviewFixtures.LEVEL);
        PortalUser portal = ReviewFixtures.signedIn(unit);
        ElectronicSeal seal = approvedSeal(unit, portal);
        return new IssuingUnit(unit, portal, ukeyOperator(unit.getId()), passwordOperator(unit.getId()), seal);
    }

    /**
     * The unit (signed in on the portal as {@code portal}) uploads a seal impression, a bureau reviewer approves it,
     * and the electronic seal made from it is in force.
     */
    public ElectronicSeal approvedSeal(Unit unit, PortalUser portal) throws Exception {
        var impression = seals.upload(portal, SealImages.transparentSeal(400));
        SealFixtures.Reviewer reviewer = SealFixtures.aReviewer(staff, BackOfficeRole.BUREAU_REVIEWER);
        SealFixtures.signIn(reviewer.ukeyUser());
        try {
            seals.approve(impression.getId(), null);
        } finally {
            SealFixtures.signOut();
        }
        return await(
                "electronic seal of unit " + unit.getId(),
                Duration.ofSeconds(120),
                () -> electronicSeals.inForce(unit.getId()).orElse(null));
    }

    /** A unit with issuing authority but no seal yet. */
    public IssuingUnit unitWithoutSeal(String prefix) throws Exception {
        Unit unit = review.unit(prefix);
        review.grantIssuingAuthority(unit, ReviewFixtures.LEVEL);
        return new IssuingUnit(
                unit, ReviewFixtures.signedIn(unit), ukeyOperator(unit.getId()), passwordOperator(unit.getId()), null);
    }

    /** A UKEY session of a new operator of the unit. */
    public BackOfficeUser ukeyOperator(long unitId) throws Exception {
        String username = "cert-op-" + unitId + "-" + System.nanoTime() % 1_000_000;
        BackOfficeAccount account = operatorAccount(username, unitId);
        return staff.ukeyUser(account.getId(), TestUkey.fresh(username).certificate());
    }

    /** A fallback (password + TOTP) session of a new operator of the unit. */
    public BackOfficeUser passwordOperator(long unitId) {
        String username = "cert-pw-" + unitId + "-" + System.nanoTime() % 1_000_000;
        operatorAccount(username, unitId);
        return staff.passwordUser(username, "操作员" + username, BackOfficeRole.UNIT_OPERATOR, OPERATOR_PASSWORD);
    }

    private BackOfficeAccount operatorAccount(String username, long unitId) {
        BackOfficeAccount account =
                staff.accounts().create(username, "操作员" + username, BackOfficeRole.UNIT_OPERATOR, OPERATOR_PASSWORD);
        staff.accounts()
                .update(
                        account.getId(),
                        new NewBackOfficeAccount(
                                username, "操作员" + username, BackOfficeRole.UNIT_OPERATOR, null, unitId, true));
        return account;
    }

    /** A person whose declaration the unit approved finally (终审通过): returns the person and the declaration. */
    public record Approved(PortalUser person, long declarationId) {}

    public Approved finallyApproved(IssuingUnit unit, String name) {
        PortalUser person = review.person(name);
        long id = review.submitted(person, unit.unit());
        decisions.approve(id, unit.portal(), "同意");
        return new Approved(person, id);
    }

    /** The library entry of a declaration. */
    public long entryOf(long declarationId) {
        return jdbc.queryForObject(
                "SELECT id FROM certificate_library_entry WHERE declaration_id = ?", Long.class, declarationId);
    }

    /**
     * {@code n} library entries of the unit written with one bulk insert — for the fault, concurrency and load
     * tests, where thousands of full declarations through the review chain would only slow the run down. Their
     * declaration ids belong to no declaration (certifying them is skipped).
     */
    public List<Long> seedEntries(IssuingUnit unit, int n) {
        return insertEntries(jdbc, unit.portal().accountId(), unit.id(), SEEDED_DECLARATION.getAndAdd(n), n);
    }

    /**
     * {@code n} final-approved library entries of the unit (declaration ids {@code firstDeclaration} onwards, which
     * belong to no declaration) in one bulk insert; their ids in order.
     */
    static List<Long> insertEntries(
            JdbcTemplate jdbc, long applicantAccountId, long unitId, long firstDeclaration, int n) {
        List<Object[]> rows = new ArrayList<>(n);
        Timestamp at = Timestamp.from(Instant.now());
        for (int i = 0; i < n; i++) {
            rows.add(new Object[] {
                firstDeclaration + i,
                applicantAccountId,
                unitId,
                "测试人" + i,
                TestIdentities.idNumber(),
                2026,
                ReviewFixtures.LEVEL,
                "助理级",
                ReviewFixtures.SERIES,
                "工程",
                "助理工程师",
                "机械工程",
                at
            });
        }
        jdbc.batchUpdate(
                "INSERT INTO certificate_library_entry (declaration_id, applicant_account_id, unit_id, "
                        + "holder_name, id_number, declaration_year, level_code, level_name, series_code, series_name, "
                        + "title_name, specialty_name, final_approved_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows);
        return jdbc.queryForList(
                "SELECT id FROM certificate_library_entry WHERE unit_id = ? AND declaration_id BETWEEN ? AND ? "
                        + "ORDER BY id",
                Long.class,
                unitId,
                firstDeclaration,
                firstDeclaration + n - 1);
    }

    /**
     * Polls {@code probe} on this thread (it may need the thread's signed-in user) until it answers neither null nor
     * false, and returns that answer; an {@link AssertionError} naming {@code what} when {@code timeout} ran out.
     */
    public static <T> T await(String what, Duration timeout, Supplier<T> probe) {
        try {
            return Awaitility.await(what)
                    .atMost(timeout)
                    .pollInSameThread()
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(200))
                    .until(probe::get, value -> value != null && !Boolean.FALSE.equals(value));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("waited " + timeout + " for " + what, e);
        }
    }

    /**
     * The PDF's one signature verifies (iText) and covers the first revision, and the only later revision is the
     * appended long-term validation data (DSS); returns the page text.
     */
    public static String verifiedByItext(byte[] pdf) throws Exception {
        try (PdfDocument doc = new PdfDocument(new PdfReader(new ByteArrayInputStream(pdf)))) {
            SignatureUtil signatures = new SignatureUtil(doc);
            List<String> names = signatures.getSignatureNames();
            assertThat(names).hasSize(1);
            assertThat(signatures.getRevision(names.get(0))).isEqualTo(1);
            assertThat(signatures.getTotalRevisions()).isEqualTo(2);
            assertThat(doc.getCatalog().getPdfObject().getAsDictionary(PdfName.DSS))
                    .isNotNull();
            PdfPKCS7 pkcs7 = signatures.readSignatureData(names.get(0));
            assertThat(pkcs7.verifySignatureIntegrityAndAuthenticity())
                    .as("signature integrity")
                    .isTrue();
            return PdfTextExtractor.getTextFromPage(doc.getFirstPage());
        }
    }

    /** The text of every page of a (signed or unsigned) PDF, as iText extracts it. */
    public static String textOf(byte[] pdf) throws Exception {
        StringBuilder text = new StringBuilder();
        try (com.itextpdf.kernel.pdf.PdfDocument doc = new com.itextpdf.kernel.pdf.PdfDocument(
                new com.itextpdf.kernel.pdf.PdfReader(new java.io.ByteArrayInputStream(pdf)))) {
            for (int i = 1; i <= doc.getNumberOfPages(); i++) {
                text.append(com.itextpdf.kernel.pdf.canvas.parser.PdfTextExtractor.getTextFromPage(doc.getPage(i)));
            }
        }
        return text.toString();
    }

    /** Whether iText still finds the signature intact (false for a tampered document). */
    public static boolean intactByItext(byte[] pdf) throws Exception {
        try (PdfDocument doc = new PdfDocument(new PdfReader(new ByteArrayInputStream(pdf)))) {
            SignatureUtil signatures = new SignatureUtil(doc);
            String name = signatures.getSignatureNames().get(0);
            return signatures.readSignatureData(name).verifySignatureIntegrityAndAuthenticity();
        }
    }

    public static String sha256(byte[] data) throws Exception {
        return java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(data));
    }

    /** pdfsig (poppler, NSS trusting the platform root) accepts the signature. */
    public static void verifiedByPdfsig(byte[] pdf) throws Exception {
        assertThat(Pdfsig.validate(pdf)).contains("Signature is Valid").contains("Certificate is Trusted");
    }

    /** One byte changed inside the signed range (a digit of the creation date). */
    public static byte[] flipOneByte(byte[] pdf) {
        String latin = new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1);
        int at = latin.indexOf("(D:20") + 5;
        assertThat(at).isGreaterThan(5);
        byte[] copy = pdf.clone();
        copy[at] = (byte) (copy[at] == '9' ? '8' : copy[at] + 1);
        return copy;
    }
}

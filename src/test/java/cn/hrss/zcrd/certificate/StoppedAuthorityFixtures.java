package cn.hrss.zcrd.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.zcrd.certificate.internal.BatchStore;
import cn.hrss.zcrd.certificate.internal.IssuanceJob;
import cn.hrss.zcrd.seal.SealFixtures;
import cn.hrss.zcrd.shared.BusinessTime;
import cn.hrss.zcrd.verification.internal.Verdict;
import cn.hrss.zcrd.verification.internal.VerificationService;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a suspension or withdrawal of a unit's issuing authority acts on (issue 16 item 5): an issuing unit with one
 * certificate issued, a second person in a batch queued before but not run yet (its node went away; another node
 * takes it up later), and a third person not in any batch.
 */
public final class StoppedAuthorityFixtures {

    private final CertificateFixtures fixtures;
    private final CertificateIssuance issuance;
    private final TitleCertificates certificates;
    private final BatchStore batches;
    private final IssuanceJob job;
    private final VerificationService verification;
    private final BusinessTime time;
    private final Clock clock;
    private final JdbcTemplate jdbc;

    public StoppedAuthorityFixtures(
            CertificateFixtures fixtures,
            CertificateIssuance issuance,
            TitleCertificates certificates,
            BatchStore batches,
            IssuanceJob job,
            VerificationService verification,
            BusinessTime time,
            Clock clock,
            JdbcTemplate jdbc) {
        this.fixtures = fixtures;
        this.issuance = issuance;
        this.certificates = certificates;
        this.batches = batches;
        this.job = job;
        this.verification = verification;
        this.time = time;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /**
     * @param issuedCertificate the certificate issued before, {@code issuedPdf} its file as downloaded then
     * @param queuedEntry       the person in the queued batch {@code queuedBatch}
     * @param laterEntry        the person whose batch the unit would start after the authority stopped
     */
    public record Issuer(
            CertificateFixtures.IssuingUnit unit,
            long issuedCertificate,
            byte[] issuedPdf,
            long queuedEntry,
            long queuedBatch,
            long laterEntry) {}

    /** The unit {@code word}权限发证单位 with 王{@code word} issued, 李{@code word} queued and 赵{@code word} waiting. */
    public Issuer issuer(String word) throws Exception {
        CertificateFixtures.IssuingUnit unit = fixtures.issuingUnit(word + "权限发证单位");
        long issued =
                fixtures.entryOf(fixtures.finallyApproved(unit, "王" + word).declarationId());
        long queued =
                fixtures.entryOf(fixtures.finallyApproved(unit, "李" + word).declarationId());
        long later = fixtures.entryOf(fixtures.finallyApproved(unit, "赵" + word).declarationId());
        LocalDate today = time.today();
        fixtures.issued(unit.ukeyOperator(), List.of(issued), today);
        long certificate = certificateOf(issued);
        byte[] pdf = certificates.download(certificate).content();
        long batch = batches.create(
                unit.id(),
                List.of(queued),
                today,
                new BatchStore.Starter(unit.ukeyOperator().getAccountId(), "queued", "排队", true),
                "node-gone",
                clock.instant().plus(Duration.ofHours(1)),
                clock.instant());
        SealFixtures.signOut();
        return new Issuer(unit, certificate, pdf, queued, batch, later);
    }

    /**
     * Another node takes the queued batch up now (its lease ran out): it must stop for lack of authority without
     * issuing anything, and its person stays without a certificate (as the unit's operator sees it, signed in).
     */
    public void queuedBatchStopsWithoutIssuing(Issuer issuer) {
        SealFixtures.signIn(issuer.unit().ukeyOperator());
        jdbc.update(
                "update certificate_batch set lease_until = ? where id = ?",
                Timestamp.from(clock.instant().minusSeconds(1)),
                issuer.queuedBatch());
        job.dispatch(issuer.queuedBatch());
        BatchProgress stopped =
                CertificateFixtures.await("batch " + issuer.queuedBatch() + " stopped", Duration.ofMinutes(2), () -> {
                    BatchProgress p = issuance.progress(issuer.queuedBatch());
                    return "certificate.batch.problem.no-authority".equals(p.problemKey()) ? p : null;
                });
        assertThat(stopped.issued()).isZero();
        assertThat(certificateOf(issuer.queuedEntry())).isNull();
    }

    /**
     * The certificate issued before the authority stopped still verifies as valid, the file downloaded then too, and
     * the unit's operator (signed in) sees it valid.
     */
    public void issuedBeforeStillVerifies(Issuer issuer) {
        SealFixtures.signIn(issuer.unit().ukeyOperator());
        var verified = verification.verify(issuer.issuedPdf());
        assertThat(verified.verdict()).isEqualTo(Verdict.GENUINE);
        assertThat(verified.certificate().status()).isEqualTo(CertificateStatus.VALID);
        assertThat(certificates.get(issuer.issuedCertificate()).status()).isEqualTo(CertificateStatus.VALID);
    }

    /** The certificate of a library entry, null while it has none. */
    public Long certificateOf(long entryId) {
        return jdbc.queryForObject(
                "select certificate_id from certificate_library_entry where id = ?", Long.class, entryId);
    }

    /** Who succeeded in the audited action on the authority application. */
    public List<String> auditActors(String action, long application) {
        return jdbc.queryForList(
                "select actor_login from audit_record where action_code = ? and target_id = ? and outcome = 'SUCCESS'",
                String.class,
                action,
                String.valueOf(application));
    }
}

package cn.hrss.zcrd.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.zcrd.certificate.internal.ArchiveJob;
import cn.hrss.zcrd.seal.SealFixtures;
import cn.hrss.zcrd.support.ChildApplication;
import cn.hrss.zcrd.support.IntegrationTest;
import cn.hrss.zcrd.verification.VerificationFixtures;
import cn.hrss.zcrd.verification.internal.Verdict;
import cn.hrss.zcrd.verification.internal.VerificationService;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Renewals of archive time-stamps beyond the expiry margin, through the real token, TSA and database:
 * <ul>
 *   <li>because an algorithm is configured as weakening ({@code zcrd.certificate.archive.weakening-algorithms}):
 *   exactly the certificates whose newest archive time-stamp rests on it are renewed — not those resting on an
 *   algorithm the TSA itself still uses (SHA-256 here), which a renewal could not get rid of;</li>
 *   <li>after a kill: a CHILD JVM (the real application, the archive job on) is killed with SIGKILL while it
 *   time-stamps, and a later run here (its clock past the child's lease) finishes exactly the rest.</li>
 * </ul>
 */
@IntegrationTest
// a property of its own makes a context of its own, which must not share the JVM with the other ITs' (pom.xml)
@Tag("own-jvm")
@TestPropertySource(properties = "zcrd.certificate.archive.weakening-algorithms=SHA-1,SHA256withECDSA,SHA-256")
class ArchiveRenewalIT extends CertificateServicesBase {

    static final String SHA_256 = "2.16.840.1.101.3.4.2.1";
    /** What a time-stamp of an earlier TSA on SHA-1 with RSA rests on: SHA-1, sha1WithRSAEncryption. */
    static final String SHA_1_TIME_STAMP = " 1.2.840.113549.1.1.5 1.3.14.3.2.26 ";

    static final int KILLED_RUN = 40;
    static final int CHILD_CHUNK = 10;

    @Autowired
    ArchiveJob job;

    @Autowired
    VerificationFixtures verificationFixtures;

    @Autowired
    CertificateFixtures fixtures;

    @Autowired
    VerificationService verification;

    @Autowired
    DataSource dataSource;

    @RegisterExtension
    final ChildApplication children = new ChildApplication();

    @Test
    void certificatesWhoseArchiveTimeStampRestsOnAWeakeningAlgorithmAreRenewedAndNoOthers() throws Exception {
        VerificationFixtures.Issuer issuer = verificationFixtures.issuer("算法更替测试单位");
        long a = verificationFixtures.idOf(verificationFixtures.issued(issuer, "甲算法"));
        long b = verificationFixtures.idOf(verificationFixtures.issued(issuer, "乙算法"));
        Instant now = Instant.now();
        assertThat(job.run(now, 2).done()).isEqualTo(2);
        // the platform TSA stamps on SHA-256 (configured as weakening too, but the TSA still uses it: no renewal
        // would help, so it makes nothing due)
        assertThat(algorithms(a)).contains(" " + SHA_256 + " ");
        assertThat(algorithms(b)).isEqualTo(algorithms(a));
        String shaA = sha(a);
        long dueBefore = job.due(now);

        // B as an earlier TSA on SHA-1 stamped it (the platform TSA cannot be made to stamp with SHA-1)
        jdbc.update("UPDATE title_certificate SET archive_algorithms = ? WHERE id = ?", SHA_1_TIME_STAMP, b);
        assertThat(job.due(now)).isEqualTo(dueBefore + 1);
        ArchiveJob.Run renewal = job.run(now, 1);
        assertThat(renewal.done()).isEqualTo(1);

        var verdict = verification.verify(pdf(b));
        assertThat(verdict.verdict()).isEqualTo(Verdict.GENUINE);
        assertThat(verdict.archiveTimeStamps()).as("renewed").hasSize(2);
        assertThat(algorithms(b)).as("what the new time-stamp rests on").isEqualTo(algorithms(a));
        assertThat(sha(a)).as("resting on SHA-256 only: untouched").isEqualTo(shaA);
        assertThat(verification.verify(pdf(a)).archiveTimeStamps()).hasSize(1);
        assertThat(job.due(now)).as("renewed, no longer due").isEqualTo(dueBefore);
    }

    @Test
    void anArchiveRunKilledHalfWayIsFinishedExactlyByALaterRun() throws Exception {
        CertificateFixtures.IssuingUnit unit = fixtures.issuingUnit("归档断电单位");
        List<Long> ids = issue(unit, KILLED_RUN);
        Map<Long, String> numbers = new HashMap<>();
        Map<Long, byte[]> originals = new HashMap<>();
        for (long id : ids) {
            numbers.put(id, jdbc.queryForObject("SELECT number FROM title_certificate WHERE id = ?", String.class, id));
            originals.put(id, pdf(id));
        }
        // the child claims the newest first, in chunks of CHILD_CHUNK: hold the PDF row of one certificate of the
        // second chunk, so that the child stores the other chunks and stays mid-way in that one
        long held = ids.get(ids.size() - 1 - CHILD_CHUNK - 3);
        Path log = Path.of("target/archive-renewal-child.log");
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement(
                    "SELECT certificate_id FROM title_certificate_pdf WHERE certificate_id = ? FOR UPDATE")) {
                lock.setLong(1, held);
                try (ResultSet rs = lock.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                }
            }
            Process child = children.start(
                    Path.of(System.getenv("SOFTHSM2_CONF")),
                    log,
                    List.of(
                            "--zcrd.certificate.archive.enabled=true",
                            "--zcrd.certificate.archive.interval=1s",
                            "--zcrd.certificate.archive.chunk-size=" + CHILD_CHUNK,
                            "--zcrd.certificate.archive.threads=2"));
            int stamped;
            try {
                // the child's start takes minutes on a loaded 2-core machine (as in IssuanceFaultIT)
                stamped = CertificateFixtures.await(
                        "the child to time-stamp all chunks but the held one", Duration.ofMinutes(8), () -> {
                            if (!child.isAlive()) {
                                throw new AssertionError("the child JVM ended early");
                            }
                            int n = versions(ids);
                            return n >= KILLED_RUN - CHILD_CHUNK ? n : null;
                        });
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\n" + ChildApplication.tail(log), e);
            }
            assertThat(stamped).as("mid-way").isLessThan(KILLED_RUN);
            child.destroyForcibly(); // SIGKILL while it time-stamps: no shutdown hook, no clean-up
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            holder.rollback();
        }
        int stampedAtKill = versions(ids);
        assertThat(stampedAtKill).isEqualTo(KILLED_RUN - CHILD_CHUNK);
        List<Long> leftLeased = jdbc.queryForList(
                "SELECT id FROM title_certificate WHERE id BETWEEN ? AND ? AND evidence_until IS NULL "
                        + "AND archive_lease_owner IS NOT NULL",
                Long.class,
                ids.get(0),
                ids.get(ids.size() - 1));
        assertThat(leftLeased)
                .as("the dead child's leases")
                .hasSize(CHILD_CHUNK)
                .contains(held);
        // its open transaction is rolled back once the server sees the connection gone: wait for its row locks
        jdbc.queryForList(
                "SELECT id FROM title_certificate WHERE id IN ("
                        + String.join(
                                ",", leftLeased.stream().map(String::valueOf).toList()) + ") FOR UPDATE",
                Long.class);

        Instant now = Instant.now();
        job.run(now, KILLED_RUN);
        assertThat(versions(ids)).as("the dead child's leases still hold").isEqualTo(stampedAtKill);
        ArchiveJob.Run later = job.run(now.plus(Duration.ofMinutes(5)).plusSeconds(1), KILLED_RUN);
        assertThat(later.failed()).isZero();
        assertThat(later.done()).isGreaterThanOrEqualTo(CHILD_CHUNK);

        for (long id : ids) {
            assertThat(jdbc.queryForObject(
                            "SELECT COUNT(*) FROM title_certificate_version WHERE certificate_id = ?",
                            Integer.class,
                            id))
                    .as("one archive time-stamp more, once")
                    .isEqualTo(1);
            assertThat(jdbc.queryForObject(
                            "SELECT COUNT(*) FROM audit_record WHERE action_code = 'CERTIFICATE_ARCHIVE_TIME_STAMPED' "
                                    + "AND target_id = ?",
                            Integer.class,
                            numbers.get(id)))
                    .as("audited once")
                    .isEqualTo(1);
            var newest = verification.verify(pdf(id));
            assertThat(newest.verdict()).isEqualTo(Verdict.GENUINE);
            assertThat(newest.archiveTimeStamps()).hasSize(1);
            assertThat(newest.certificate().number()).isEqualTo(numbers.get(id));
            assertThat(verification.verify(originals.get(id)).certificate().number())
                    .as("the version before")
                    .isEqualTo(numbers.get(id));
        }
        assertThat(jdbc.queryForList(
                        "SELECT number_sequence FROM title_certificate WHERE unit_id = ? ORDER BY number_sequence",
                        Integer.class,
                        unit.id()))
                .as("numbering untouched")
                .containsExactlyElementsOf(
                        IntStream.rangeClosed(1, KILLED_RUN).boxed().toList());
    }

    /** A batch of {@code n} issued through the job; the certificates' ids in ascending order. */
    private List<Long> issue(CertificateFixtures.IssuingUnit unit, int n) {
        SealFixtures.signIn(unit.ukeyOperator());
        long batch = issuance.start(fixtures.seedEntries(unit, n), LocalDate.of(2026, 6, 30));
        CertificateFixtures.await(
                "batch " + batch,
                Duration.ofMinutes(5),
                () -> issuance.progress(batch).finished());
        SealFixtures.signOut();
        return jdbc.queryForList("SELECT id FROM title_certificate WHERE batch_id = ? ORDER BY id", Long.class, batch);
    }

    private int versions(List<Long> ids) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM title_certificate_version WHERE certificate_id BETWEEN ? AND ?",
                Integer.class,
                ids.get(0),
                ids.get(ids.size() - 1));
    }

    private String algorithms(long id) {
        return jdbc.queryForObject("SELECT archive_algorithms FROM title_certificate WHERE id = ?", String.class, id);
    }

    private byte[] pdf(long id) {
        return jdbc.queryForObject("SELECT pdf FROM title_certificate_pdf WHERE certificate_id = ?", byte[].class, id);
    }

    private String sha(long id) {
        return jdbc.queryForObject("SELECT sha256 FROM title_certificate WHERE id = ?", String.class, id);
    }
}

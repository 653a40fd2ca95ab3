package cn.hrss.zcrd.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.zcrd.account.BackOfficeUser;
import cn.hrss.zcrd.certificate.internal.BatchStore;
import cn.hrss.zcrd.seal.SealFixtures;
import cn.hrss.zcrd.support.ChildApplication;
import cn.hrss.zcrd.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A batch of 200 survives a token failure and a killed JVM. The batch runs in a CHILD JVM — the real application
 * ({@code ZcrdApplication}) started with ProcessBuilder on the test class path against this run's MariaDB database,
 * with a lease in the name of the child's node — and is taken over by this test's application afterwards:
 * <ul>
 *   <li>killed: after at least 50 certificates are stored the child gets SIGKILL (mid-chunk: numbers reserved,
 *   PDFs being signed); once its lease ran out, the operator's 继续 here completes the batch;</li>
 *   <li>token failure: the child signs with a copy of the SoftHSM2 token; after 50 certificates the token's
 *   directory is renamed away, the child's signatures fail and it interrupts the batch (storing only what was
 *   signed); the directory is restored and the batch is resumed here. (SoftHSM2 keeps a token it saw vanish
 *   invalid until the library is initialised again, i.e. in a new process: the recovery is by another node, as it
 *   would be by a restart.)</li>
 * </ul>
 * Afterwards: exactly 200 certificates, numbers 1…200 of the unit's year, each PDF verifying (iText and pdfsig).
 */
@IntegrationTest
class IssuanceFaultIT extends CertificateServicesBase {

    static final int BATCH = 200;
    static final LocalDate PUBLISHED = LocalDate.of(2026, 7, 1);

    @Autowired
    BatchStore batches;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    CertificateFixtures fixtures;

    @RegisterExtension
    final ChildApplication children = new ChildApplication();

    Process child;

    @AfterEach
    void tearDown() {
        SealFixtures.signOut();
    }

    @Test
    void aBatchWhoseJvmIsKilledHalfWayIsCompletedByAnotherNode(@TempDir Path dir) throws Exception {
        CertificateFixtures.IssuingUnit unit = fixtures.issuingUnit("断电发证单位");
        String node = "child-kill-" + System.nanoTime();
        long batch = batchFor(unit, node);

        child = startChild(node, Path.of(System.getenv("SOFTHSM2_CONF")), dir.resolve("child.log"));
        int before = awaitIssued(batch, 50, dir.resolve("child.log"));
        child.destroyForcibly(); // SIGKILL: no shutdown hook, no clean-up
        assertThat(child.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        int issuedAtKill = issued(batch);
        int reservedAtKill = jdbc.queryForObject(
                "SELECT COUNT(*) FROM certificate_batch_item WHERE batch_id = ? " + "AND number IS NOT NULL",
                Integer.class,
                batch);
        System.out.printf(
                "killed child after %d stored (%d seen), %d numbers reserved%n", issuedAtKill, before, reservedAtKill);
        assertThat(issuedAtKill).isBetween(50, BATCH - 1);
        // the job reserves the next chunk's numbers before storing the current one: killed with numbers reserved for
        // certificates never stored, which the takeover must issue under exactly those numbers
        assertThat(reservedAtKill).isGreaterThan(issuedAtKill);
        assertThat(storedCertificates(batch)).isEqualTo(issuedAtKill);

        resumeWhenLeaseRunsOut(unit.ukeyOperator(), batch, node);
        assertCompleteAndGapless(unit, batch);
    }

    @Test
    void aBatchWhoseTokenFailsHalfWayIsInterruptedAndCompletedAfterwards(@TempDir Path dir) throws Exception {
        CertificateFixtures.IssuingUnit unit = fixtures.issuingUnit("令牌故障发证单位");
        String node = "child-token-" + System.nanoTime();
        long batch = batchFor(unit, node);
        Path tokens = dir.resolve("tokens");
        copyTree(Path.of(System.getenv("SOFTHSM2_CONF")).getParent().resolve("tokens"), tokens);
        Path conf = Files.writeString(
                dir.resolve("softhsm2.conf"),
                "directories.tokendir = " + tokens
                        + "\nobjectstore.backend = file\nlog.level = ERROR\nslots.removable = false\n");
        Path platform = tokenDirectory(tokens, "zcrd-platform");

        child = startChild(node, conf, dir.resolve("child.log"));
        awaitIssued(batch, 50, dir.resolve("child.log"));
        Path away = platform.resolveSibling(platform.getFileName() + ".unplugged");
        Files.move(platform, away);
        try {
            CertificateFixtures.await(
                    "the child interrupts the batch",
                    Duration.ofMinutes(2),
                    () -> "INTERRUPTED"
                            .equals(jdbc.queryForObject(
                                    "SELECT state FROM certificate_batch WHERE id = ?", String.class, batch)));
        } finally {
            Files.move(away, platform);
        }
        assertThat(jdbc.queryForObject("SELECT problem_key FROM certificate_batch WHERE id = ?", String.class, batch))
                .isEqualTo("certificate.batch.problem.token");
        int issuedAtFailure = issued(batch);
        assertThat(issuedAtFailure).isBetween(50, BATCH - 1);
        assertThat(storedCertificates(batch)).isEqualTo(issuedAtFailure);
        assertThat(jdbc.queryForObject("SELECT lease_owner FROM certificate_batch WHERE id = ?", String.class, batch))
                .as("the lease was given up")
                .isNull();
        child.destroyForcibly();

        SealFixtures.signIn(unit.ukeyOperator());
        issuance.resume(batch);
        assertCompleteAndGapless(unit, batch);
    }

    private long batchFor(CertificateFixtures.IssuingUnit unit, String node) {
        List<Long> entries = fixtures.seedEntries(unit, BATCH);
        BackOfficeUser operator = unit.ukeyOperator();
        Instant now = Instant.now();
        // as CertificateIssuance.start stores it, but leased to the child's node so this application leaves it alone
        return new TransactionTemplate(transactions)
                .execute(s -> batches.create(
                        unit.id(),
                        entries,
                        PUBLISHED,
                        new BatchStore.Starter(
                                operator.getAccountId(), operator.getUsername(), operator.getDisplayName(), true),
                        node,
                        now.plus(Duration.ofMinutes(15)),
                        now));
    }

    private void resumeWhenLeaseRunsOut(BackOfficeUser operator, long batch, String childNode) {
        CertificateFixtures.await(
                "the dead child's lease to run out",
                Duration.ofMinutes(2),
                () -> jdbc.queryForObject(
                        "SELECT lease_owner IS NULL OR lease_owner <> ? OR lease_until < ? FROM certificate_batch WHERE id = ?",
                        Boolean.class,
                        childNode,
                        java.sql.Timestamp.from(Instant.now()),
                        batch));
        SealFixtures.signIn(operator);
        try {
            issuance.resume(batch); // 继续
        } catch (CertificateRefusedException e) {
            // this node's periodic retry was quicker and runs it already
            assertThat(e.messageKey()).isEqualTo(CertificateRefusedException.NOT_RESUMABLE);
        }
    }

    private void assertCompleteAndGapless(CertificateFixtures.IssuingUnit unit, long batch) throws Exception {
        SealFixtures.signIn(unit.ukeyOperator());
        BatchProgress done = CertificateFixtures.await("batch completed", Duration.ofMinutes(5), () -> {
            BatchProgress p = issuance.progress(batch);
            return p.finished() ? p : null;
        });
        assertThat(done.issued()).isEqualTo(BATCH);
        assertThat(storedCertificates(batch)).isEqualTo(BATCH);
        assertThat(jdbc.queryForList(
                        "SELECT number_sequence FROM title_certificate WHERE unit_id = ? ORDER BY " + "number_sequence",
                        Integer.class,
                        unit.id()))
                .containsExactlyElementsOf(
                        IntStream.rangeClosed(1, BATCH).boxed().toList());
        assertThat(jdbc.queryForObject(
                        "SELECT last_sequence FROM certificate_number_counter WHERE unit_id = ?",
                        Integer.class,
                        unit.id()))
                .isEqualTo(BATCH);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM certificate_library_entry WHERE batch_id = ? AND "
                                + "certificate_id IS NULL",
                        Integer.class,
                        batch))
                .isZero();
        List<Long> ids = jdbc.queryForList(
                "SELECT id FROM title_certificate WHERE batch_id = ? ORDER BY number", Long.class, batch);
        for (long id : ids) {
            CertificateFile file = certificates.download(id);
            assertThat(CertificateFixtures.sha256(file.content())).isEqualTo(file.sha256());
            assertThat(CertificateFixtures.verifiedByItext(file.content()))
                    .contains(file.fileName().replace(".pdf", ""));
            CertificateFixtures.verifiedByPdfsig(file.content());
        }
    }

    private int issued(long batch) {
        return jdbc.queryForObject("SELECT issued FROM certificate_batch WHERE id = ?", Integer.class, batch);
    }

    private int storedCertificates(long batch) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM title_certificate WHERE batch_id = ?", Integer.class, batch);
    }

    private int awaitIssued(long batch, int atLeast, Path log) {
        try {
            return CertificateFixtures.await(
                    atLeast + " certificates stored by the child", Duration.ofMinutes(8), () -> {
                        if (!child.isAlive()) {
                            throw new AssertionError("the child JVM ended early:\n" + ChildApplication.tail(log));
                        }
                        int n = issued(batch);
                        return n >= atLeast ? n : null;
                    });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n" + ChildApplication.tail(log), e);
        }
    }

    /** The real application in a JVM of its own, on this run's database, leasing batches as {@code node}. */
    private Process startChild(String node, Path softhsmConf, Path log) throws Exception {
        return children.start(
                softhsmConf,
                log,
                List.of(
                        "--zcrd.certificate.issuance.node-id=" + node,
                        "--zcrd.certificate.issuance.chunk-size=10",
                        "--zcrd.certificate.issuance.signing-threads=2",
                        "--zcrd.certificate.issuance.lease=15s",
                        "--zcrd.certificate.issuance.retry-interval=10m"));
    }

    private static Path tokenDirectory(Path tokens, String label) throws Exception {
        try (Stream<Path> dirs = Files.list(tokens)) {
            for (Path d : dirs.toList()) {
                Path object = d.resolve("token.object");
                if (Files.exists(object)
                        && new String(Files.readAllBytes(object), StandardCharsets.ISO_8859_1).contains(label)) {
                    return d;
                }
            }
        }
        throw new AssertionError("no token " + label + " in " + tokens);
    }

    private static void copyTree(Path from, Path to) throws Exception {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Files.copy(p, to.resolve(from.relativize(p).toString()));
            }
        }
    }
}

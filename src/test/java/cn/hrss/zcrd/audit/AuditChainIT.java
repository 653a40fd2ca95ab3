package cn.hrss.zcrd.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.zcrd.audit.internal.AuditChainWriter;
import cn.hrss.zcrd.audit.internal.AuditCheckpoints;
import cn.hrss.zcrd.signing.CertificateAuthority;
import cn.hrss.zcrd.signing.SignatureToken;
import cn.hrss.zcrd.support.DevPki;
import cn.hrss.zcrd.support.IntegrationTest;
import cn.hrss.zcrd.support.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The hash-chained audit trail on MariaDB, checked by {@code ops/audit-verify}'s main class exactly as an operator
 * runs it (URL, user, password, the platform root): a clean chain passes; one edited row (content only, and content
 * with its hash recomputed), one deleted row, one inserted row (outside the chain, and slipped into the middle with
 * every later row renumbered) and a checkpoint re-signed with another key are each reported, the first problem
 * naming the row. Every tampering is undone afterwards (the database is shared with the other tests). Two nodes —
 * this application and a second context with its own connection pool and transaction manager — appending at once
 * keep one valid chain.
 */
@IntegrationTest
class AuditChainIT {

    @Autowired
    AuditTrail trail;

    @Autowired
    AuditCheckpoints checkpoints;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    SignatureToken token;

    String tag;
    int rowCount;

    @BeforeEach
    void setUp() {
        tag = "chain-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aCleanChainWithASignedTimeStampedCheckpointPasses() {
        rows(5);
        assertThat(checkpoints.checkpointNow()).isPresent();
        rows(2);

        Verification result = verify();

        assertThat(result.status()).as(result.output()).isZero();
        assertThat(result.output()).contains("OK: the audit chain is intact");
        // the checkpoint key is the platform token's dedicated EC key, certified for the audit purpose only
        X509Certificate certificate =
                token.certificateChain("audit-checkpoint-1").get(0);
        assertThat(certificate.getPublicKey().getAlgorithm()).isEqualTo("EC");
        assertThat(extendedKeyUsage(certificate)).containsExactly(CertificateAuthority.AUDIT_CHECKPOINT_PURPOSE);
        Map<String, Object> last =
                jdbc.queryForMap("select seq, time_stamp from audit_checkpoint order by seq desc limit 1");
        assertThat((byte[]) last.get("time_stamp")).isNotEmpty();
    }

    @Test
    void anEditedRowIsLocated() {
        Row row = rows(3).get(1);
        checkpoints.checkpointNow();
        String detail = jdbc.queryForObject("select detail from audit_record where id = ?", String.class, row.id());
        try {
            jdbc.update("update audit_record set detail = ? where id = ?", "nothing happened", row.id());

            Verification result = verify();

            assertThat(result.status()).isEqualTo(1);
            assertThat(result.firstProblem()).isEqualTo("EDITED at seq " + row.seq() + " (record id " + row.id() + ")");
        } finally {
            jdbc.update("update audit_record set detail = ? where id = ?", detail, row.id());
        }
        assertThat(verify().status()).isZero();
    }

    @Test
    void anEditedRowWhoseHashWasRecomputedIsLocatedToo() {
        Row row = rows(3).get(1);
        checkpoints.checkpointNow();
        Map<String, Object> original = jdbc.queryForMap("select * from audit_record where id = ?", row.id());
        try {
            // an editor who knows the encoding: new content, new hash — the successor still links to the old one
            AuditChain.Link forged = link(original, "nothing happened");
            jdbc.update(
                    "update audit_record set detail = ?, row_hash = ? where id = ?",
                    "nothing happened",
                    forged.hash(),
                    row.id());

            Verification result = verify();

            assertThat(result.status()).isEqualTo(1);
            assertThat(result.firstProblem()).isEqualTo("EDITED at seq " + row.seq() + " (record id " + row.id() + ")");
        } finally {
            jdbc.update(
                    "update audit_record set detail = ?, row_hash = ? where id = ?",
                    original.get("detail"),
                    original.get("row_hash"),
                    row.id());
        }
        assertThat(verify().status()).isZero();
    }

    @Test
    void aDeletedRowIsLocated() {
        Row row = rows(3).get(1);
        Map<String, Object> original = jdbc.queryForMap("select * from audit_record where id = ?", row.id());
        try {
            jdbc.update("delete from audit_record where id = ?", row.id());

            Verification result = verify();

            assertThat(result.status()).isEqualTo(1);
            assertThat(result.firstProblem()).isEqualTo("DELETED at seq " + row.seq());
            assertThat(result.output()).contains("row " + row.seq() + " is missing");
        } finally {
            reinsert(original);
        }
        assertThat(verify().status()).isZero();
    }

    @Test
    void aRowInsertedOutsideTheChainIsLocated() {
        rows(2);
        jdbc.update(
                "insert into audit_record (occurred_at, actor_kind, authenticated_by, action_code, outcome, detail)"
                        + " values (?, 'SYSTEM', 'NONE', 'AUDIT_VIEWED', 'SUCCESS', ?)",
                text(LocalDateTime.now()),
                tag);
        long id = jdbc.queryForObject("select id from audit_record where detail = ?", Long.class, tag);
        try {
            Verification result = verify();

            assertThat(result.status()).isEqualTo(1);
            assertThat(result.output()).contains("INSERTED at seq - (record id " + id + ")");
        } finally {
            jdbc.update("delete from audit_record where id = ?", id);
        }
        assertThat(verify().status()).isZero();
    }

    @Test
    void aRowSlippedIntoTheMiddleWithTheRestRenumberedIsLocated() {
        List<Row> rows = rows(3);
        Row place = rows.get(1);
        Map<String, Object> predecessor = jdbc.queryForMap("select * from audit_record where seq = ?", place.seq() - 1);
        long insertedId = -1;
        try {
            // make room: every later row one place on (MariaDB applies ORDER BY, so the unique key holds)
            jdbc.update("update audit_record set seq = seq + 1 where seq >= ? order by seq desc", place.seq());
            AuditChain.Link forged = new AuditChain.Link(
                    place.seq(),
                    LocalDateTime.now(),
                    "BACK_OFFICE",
                    1L,
                    "admin",
                    "UKEY",
                    "127.0.0.1",
                    "CERTIFICATE_REVOKED",
                    "CERTIFICATE",
                    "ZC2026000001000001",
                    "SUCCESS",
                    tag,
                    (String) predecessor.get("row_hash"));
            jdbc.update(
                    "insert into audit_record (occurred_at, actor_kind, actor_account_id, actor_login,"
                            + " authenticated_by, client_address, action_code, target_type, target_id, outcome, detail,"
                            + " seq, prev_hash, row_hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    text(forged.occurredAt()),
                    forged.actorKind(),
                    forged.actorAccountId(),
                    forged.actorLogin(),
                    forged.authenticatedBy(),
                    forged.clientAddress(),
                    forged.action(),
                    forged.targetType(),
                    forged.targetId(),
                    forged.outcome(),
                    forged.detail(),
                    forged.seq(),
                    forged.prevHash(),
                    forged.hash());
            insertedId = jdbc.queryForObject("select id from audit_record where detail = ?", Long.class, tag);

            Verification result = verify();

            assertThat(result.status()).isEqualTo(1);
            assertThat(result.firstProblem())
                    .isEqualTo("INSERTED at seq " + place.seq() + " (record id " + insertedId + ")");
        } finally {
            jdbc.update("delete from audit_record where id = ?", insertedId);
            jdbc.update("update audit_record set seq = seq - 1 where seq > ? order by seq", place.seq());
        }
        assertThat(verify().status()).isZero();
    }

    @Test
    void aCheckpointReSignedWithAnotherKeyIsReported() throws Exception {
        rows(2);
        long seq = checkpoints.checkpointNow().orElseThrow();
        Map<String, Object> original = jdbc.queryForMap("select * from audit_checkpoint where seq = ?", seq);
        // someone with the database but not the token: their own key, even with the right purpose in its certificate
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = generator.generateKeyPair();
        X509Certificate impostor = selfSigned(keys);
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(keys.getPrivate());
        signer.update(AuditChain.checkpointContent(
                seq, (String) original.get("head_hash"), (LocalDateTime) original.get("created_at")));
        try {
            jdbc.update(
                    "update audit_checkpoint set signature = ?, signer_chain = ? where seq = ?",
                    signer.sign(),
                    pem(impostor),
                    seq);

            Verification result = verify();

            assertThat(result.status()).isEqualTo(1);
            assertThat(result.output())
                    .contains("CHECKPOINT_FOREIGN_KEY at seq " + seq)
                    .contains("not by the platform's audit checkpoint key");
        } finally {
            jdbc.update(
                    "update audit_checkpoint set signature = ?, signer_chain = ? where seq = ?",
                    original.get("signature"),
                    original.get("signer_chain"),
                    seq);
        }
        assertThat(verify().status()).isZero();
    }

    @Test
    void twoNodesAppendingAtOnceKeepOneChain() throws Exception {
        try (HikariDataSource pool = new HikariDataSource();
                AnnotationConfigApplicationContext secondNode = new AnnotationConfigApplicationContext()) {
            pool.setJdbcUrl(TestDatabase.url());
            pool.setUsername(TestDatabase.user());
            pool.setPassword(TestDatabase.password());
            pool.setMaximumPoolSize(4);
            secondNode.registerBean(JdbcTemplate.class, () -> new JdbcTemplate(pool));
            secondNode.registerBean(PlatformTransactionManager.class, () -> new JdbcTransactionManager(pool));
            secondNode.registerBean(AuditChainWriter.class);
            secondNode.refresh();
            AuditChainWriter other = secondNode.getBean(AuditChainWriter.class);
            TransactionTemplate otherTransaction =
                    new TransactionTemplate(secondNode.getBean(PlatformTransactionManager.class));
            TransactionTemplate ourTransaction = new TransactionTemplate(transactions);
            int perThread = 40;
            List<Callable<Void>> writers = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                String thread = "t" + t;
                writers.add(() -> {
                    for (int i = 0; i < perThread; i++) {
                        AuditEntry entry = entry("node1-" + thread + "-" + i);
                        if (i % 2 == 0) {
                            ourTransaction.executeWithoutResult(status -> trail.record(entry));
                        } else {
                            trail.record(entry);
                        }
                    }
                    return null;
                });
                writers.add(() -> {
                    for (int i = 0; i < perThread; i++) {
                        AuditEntry entry = entry("node2-" + thread + "-" + i);
                        if (i % 2 == 0) {
                            otherTransaction.executeWithoutResult(
                                    status -> other.appendWithinCurrentTransaction(entry, Instant.now()));
                        } else {
                            other.appendInOwnTransaction(entry, Instant.now());
                        }
                    }
                    return null;
                });
            }
            ExecutorService pool4 = Executors.newFixedThreadPool(4);
            try {
                for (Future<Void> done : pool4.invokeAll(writers, 2, TimeUnit.MINUTES)) {
                    done.get();
                }
            } finally {
                pool4.shutdownNow();
            }
        }

        List<Long> seqs = jdbc.queryForList(
                "select seq from audit_record where detail like ? order by seq", Long.class, tag + "%");
        assertThat(seqs).hasSize(4 * 40).doesNotHaveDuplicates().doesNotContainNull();
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_record where detail like ? and detail like '%node2%'",
                        Long.class, tag + "%"))
                .isEqualTo(80);
        Verification result = verify();
        assertThat(result.status()).as(result.output()).isZero();
    }

    // --- helpers

    record Row(long id, long seq) {}

    record Verification(int status, String output) {

        /** The first problem as the command names it, e.g. {@code EDITED at seq 12 (record id 40)}. */
        String firstProblem() {
            String line = output.lines()
                    .filter(l -> l.startsWith("TAMPERED: first problem: "))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(output));
            String problem = line.substring("TAMPERED: first problem: ".length());
            return problem.substring(0, problem.indexOf(':'));
        }
    }

    /** {@code ops/audit-verify} as an operator runs it against this run's database. */
    static Verification verify() {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        int status = AuditVerifyCommand.run(
                new String[] {
                    "--url", TestDatabase.url(),
                    "--user", TestDatabase.user(),
                    "--root", DevPki.PKI.resolve("root-ca.pem").toString()
                },
                new PrintStream(text, true, StandardCharsets.UTF_8),
                TestDatabase.password());
        return new Verification(status, text.toString(StandardCharsets.UTF_8));
    }

    private List<Row> rows(int count) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String suffix = "-" + rowCount++;
            trail.record(entry(suffix));
            rows.add(jdbc.queryForObject(
                    "select id, seq from audit_record where detail = ?",
                    (rs, n) -> new Row(rs.getLong(1), rs.getLong(2)),
                    tag + suffix));
        }
        return rows;
    }

    private AuditEntry entry(String suffix) {
        return AuditEntry.action("AUDIT_VIEWED")
                .by(AuditActor.system("audit-chain-test"))
                .from(null)
                .detail(tag + suffix)
                .build();
    }

    private static AuditChain.Link link(Map<String, Object> row, String detail) {
        return new AuditChain.Link(
                ((Number) row.get("seq")).longValue(),
                (LocalDateTime) row.get("occurred_at"),
                (String) row.get("actor_kind"),
                row.get("actor_account_id") == null ? null : ((Number) row.get("actor_account_id")).longValue(),
                (String) row.get("actor_login"),
                (String) row.get("authenticated_by"),
                (String) row.get("client_address"),
                (String) row.get("action_code"),
                (String) row.get("target_type"),
                (String) row.get("target_id"),
                (String) row.get("outcome"),
                detail,
                (String) row.get("prev_hash"));
    }

    private void reinsert(Map<String, Object> row) {
        List<String> columns = new ArrayList<>(row.keySet());
        jdbc.update(
                "insert into audit_record (" + String.join(", ", columns) + ") values ("
                        + String.join(", ", columns.stream().map(c -> "?").toList()) + ")",
                columns.stream()
                        .map(row::get)
                        .map(value -> value instanceof LocalDateTime time ? text(time) : value)
                        .toArray());
    }

    /** A time as the application writes it (Connector/J would drop the fraction of a LocalDateTime). */
    private static String text(LocalDateTime time) {
        return AuditChain.timeText(time).replace('T', ' ');
    }

    private static List<String> extendedKeyUsage(X509Certificate certificate) {
        try {
            return certificate.getExtendedKeyUsage();
        } catch (java.security.cert.CertificateParsingException e) {
            throw new AssertionError(e);
        }
    }

    private static X509Certificate selfSigned(KeyPair keys) throws Exception {
        X500Name name = new X500Name("CN=Zhicheng Platform Audit Checkpoint");
        Instant now = Instant.now();
        return new JcaX509CertificateConverter()
                .getCertificate(new JcaX509v3CertificateBuilder(
                                name,
                                BigInteger.valueOf(now.toEpochMilli()),
                                Date.from(now.minus(Duration.ofHours(1))),
                                Date.from(now.plus(Duration.ofDays(30))),
                                name,
                                keys.getPublic())
                        .addExtension(
                                Extension.extendedKeyUsage,
                                true,
                                new ExtendedKeyUsage(KeyPurposeId.getInstance(
                                        new ASN1ObjectIdentifier(CertificateAuthority.AUDIT_CHECKPOINT_PURPOSE))))
                        .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
    }

    private static String pem(X509Certificate certificate) throws Exception {
        return "-----BEGIN CERTIFICATE-----\n"
                + java.util.Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }
}

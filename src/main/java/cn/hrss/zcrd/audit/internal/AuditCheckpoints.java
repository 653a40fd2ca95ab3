package cn.hrss.zcrd.audit.internal;

import cn.hrss.zcrd.audit.AuditChain;
import cn.hrss.zcrd.audit.AuditProperties;
import cn.hrss.zcrd.signing.CertificateAuthority;
import cn.hrss.zcrd.signing.SignatureToken;
import cn.hrss.zcrd.signing.TimeStampSource;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signs the chain head now and then: once the chain grew by {@code every-rows} since the last checkpoint, or
 * {@code every} has passed while it grew. The signature is made in the platform token with the dedicated key
 * {@code audit-checkpoint-1} (EC P-256, generated on first use, certified by the platform CA for the audit
 * checkpoint purpose only) and time-stamped (RFC 3161, {@link TimeStampSource}) over its SHA-256.
 *
 * <p>Any node may make a checkpoint; they read only committed heads, and a second node signing the same head is
 * turned away by the unique sequence number. A checkpoint binds everything up to its row: from then on a change to
 * those rows needs the token's key to hide.
 */
@Component
public class AuditCheckpoints {

    private static final Logger log = LoggerFactory.getLogger(AuditCheckpoints.class);
    static final String CERTIFICATE_NAME = "Zhicheng Platform Audit Checkpoint";
    static final String ALGORITHM = "SHA256withECDSA";

    private final JdbcTemplate jdbc;
    private final SignatureToken token;
    private final CertificateAuthority authority;
    private final TimeStampSource timeStamps;
    private final AuditProperties.Checkpoint properties;
    private final Clock clock;
    private final TransactionTemplate transaction;

    AuditCheckpoints(
            JdbcTemplate jdbc,
            SignatureToken token,
            CertificateAuthority authority,
            TimeStampSource timeStamps,
            AuditProperties properties,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.token = token;
        this.authority = authority;
        this.timeStamps = timeStamps;
        this.properties = properties.checkpoint();
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Makes a checkpoint when one is due; a failure is logged and tried again at the next look. */
    @Scheduled(
            fixedDelayString = "${zcrd.audit.checkpoint.poll:15s}",
            initialDelayString = "${zcrd.audit.checkpoint.poll:15s}")
    void whenDue() {
        if (!properties.enabled()) {
            return;
        }
        try {
            Head head = head();
            Optional<Last> last = last();
            long signedUpTo = last.map(Last::seq).orElse(0L);
            if (head.seq() <= signedUpTo) {
                return;
            }
            boolean rowsDue = head.seq() - signedUpTo >= properties.everyRows();
            boolean timeDue = last.isEmpty()
                    || !last.get()
                            .createdAt()
                            .plus(properties.every())
                            .isAfter(LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
            if (rowsDue || timeDue) {
                sign(head);
            }
        } catch (RuntimeException e) {
            log.warn("Audit checkpoint not made now, will try again: {}", e.toString());
        }
    }

    /**
     * Signs the current chain head now (unless it is signed already).
     *
     * @return the sequence number signed, empty when the chain is empty
     */
    public Optional<Long> checkpointNow() {
        Head head = head();
        if (head.seq() == 0) {
            return Optional.empty();
        }
        sign(head);
        return Optional.of(head.seq());
    }

    private void sign(Head head) {
        List<X509Certificate> chain = keyChain();
        LocalDateTime createdAt =
                LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        byte[] signature = token.sign(
                properties.keyAlias(), ALGORITHM, AuditChain.checkpointContent(head.seq(), head.hash(), createdAt));
        byte[] timeStamp = timeStamps.timeStampToken(AuditChain.sha256(signature));
        try {
            jdbc.update(
                    "INSERT INTO audit_checkpoint (seq, head_hash, created_at, key_alias, signature, signer_chain,"
                            + " time_stamp) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    head.seq(),
                    head.hash(),
                    AuditChain.timeText(createdAt).replace('T', ' '),
                    properties.keyAlias(),
                    signature,
                    pem(chain),
                    timeStamp);
        } catch (DuplicateKeyException e) {
            // another node signed this head meanwhile
        }
    }

    /** The checkpoint key's chain; the key is generated in the token on first use, once across nodes. */
    private List<X509Certificate> keyChain() {
        String alias = properties.keyAlias();
        if (!token.containsKey(alias)) {
            // the chain head's lock keeps two nodes from generating two keys under one alias
            transaction.executeWithoutResult(status -> {
                jdbc.queryForObject("SELECT last_seq FROM audit_chain_head WHERE id = 1 FOR UPDATE", Long.class);
                if (!token.containsKey(alias)) {
                    token.generateKey(
                            alias,
                            new ECGenParameterSpec("secp256r1"),
                            publicKey -> authority.issueAuditCheckpointCertificate(publicKey, CERTIFICATE_NAME));
                }
            });
        }
        return token.certificateChain(alias);
    }

    static String pem(List<X509Certificate> chain) {
        StringBuilder text = new StringBuilder();
        Base64.Encoder base64 = Base64.getMimeEncoder(64, new byte[] {'\n'});
        for (X509Certificate certificate : chain) {
            try {
                text.append("-----BEGIN CERTIFICATE-----\n")
                        .append(base64.encodeToString(certificate.getEncoded()))
                        .append("\n-----END CERTIFICATE-----\n");
            } catch (CertificateEncodingException e) {
                throw new IllegalStateException(e);
            }
        }
        return text.toString();
    }

    private Head head() {
        return jdbc.queryForObject(
                "SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1",
                (rs, i) -> new Head(rs.getLong(1), rs.getString(2)));
    }

    private Optional<Last> last() {
        return jdbc
                .query(
                        "SELECT seq, created_at FROM audit_checkpoint ORDER BY seq DESC LIMIT 1",
                        (rs, i) -> new Last(rs.getLong(1), rs.getObject(2, LocalDateTime.class)))
                .stream()
                .findFirst();
    }

    private record Head(long seq, String hash) {}

    private record Last(long seq, LocalDateTime createdAt) {}
}

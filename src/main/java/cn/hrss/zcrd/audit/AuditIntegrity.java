package cn.hrss.zcrd.audit;

import cn.hrss.zcrd.audit.internal.AuditAccess;
import cn.hrss.zcrd.signing.CertificateAuthority;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * 审计日志 → 完整性校验: the audit chain checked from inside the application, by the same {@link AuditChainVerifier}
 * as {@code ops/audit-verify}, with the platform root as the only anchor. Only a system admin may run it; each run
 * is itself on the trail with its outcome.
 */
@Service
public class AuditIntegrity {

    static final String AUDIT_CHAIN_VERIFIED = "AUDIT_CHAIN_VERIFIED";

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final CertificateAuthority authority;
    private final AuditTrail trail;

    AuditIntegrity(DataSource dataSource, JdbcTemplate jdbc, CertificateAuthority authority, AuditTrail trail) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.authority = authority;
        this.trail = trail;
    }

    /**
     * Recomputes the whole chain and every checkpoint now.
     *
     * @throws org.springframework.security.access.AccessDeniedException unless a system admin is signed in
     */
    public AuditChainReport verify() {
        AuditAccess.requireSystemAdmin();
        AuditChainReport report;
        // a connection of its own, outside any transaction: the check reads a long time and locks nothing
        try (Connection connection = dataSource.getConnection()) {
            connection.setReadOnly(true);
            report = new AuditChainVerifier(List.of(authority.rootCertificate())).verify(connection);
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("audit chain could not be read", e);
        }
        AuditEntry.Builder entry = AuditEntry.action(AUDIT_CHAIN_VERIFIED)
                .detail(
                        report.clean()
                                ? "intact up to seq " + report.lastSeq() + ", signed up to "
                                        + report.lastCheckpointSeq()
                                : report.findings().size() + " problem(s); first: "
                                        + report.first().orElseThrow());
        trail.record((report.clean() ? entry : entry.refused()).build());
        return report;
    }

    /**
     * Where the chain stands: its head and its last checkpoint (for the audit page's chain-status line).
     *
     * @throws org.springframework.security.access.AccessDeniedException unless a system admin is signed in
     */
    public ChainStatus status() {
        AuditAccess.requireSystemAdmin();
        Long head = jdbc.queryForObject("SELECT last_seq FROM audit_chain_head WHERE id = 1", Long.class);
        return jdbc
                .query(
                        "SELECT seq, created_at FROM audit_checkpoint ORDER BY seq DESC LIMIT 1",
                        (rs, i) -> new ChainStatus(
                                head == null ? 0 : head,
                                rs.getLong(1),
                                rs.getObject(2, LocalDateTime.class).toInstant(ZoneOffset.UTC)))
                .stream()
                .findFirst()
                .orElse(new ChainStatus(head == null ? 0 : head, 0, null));
    }

    /**
     * @param headSeq the last sequence number appended
     * @param checkpointSeq the last one covered by a signed checkpoint (0: none yet)
     * @param checkpointAt when that checkpoint was made, or null
     */
    public record ChainStatus(long headSeq, long checkpointSeq, java.time.Instant checkpointAt)
            implements java.io.Serializable {}
}

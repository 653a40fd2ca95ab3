package cn.hrss.zcrd.signing.internal;

import java.math.BigInteger;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The seal CA's revoked certificates (table {@code seal_ca_revocation}). */
@Repository
class SealCaRevocations {

    /** One revoked certificate. */
    record Revoked(BigInteger serialNumber, Instant revokedAt, int reasonCode) {}

    private final JdbcTemplate jdbc;

    SealCaRevocations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the revocation unless the serial is already revoked (the first revocation stands). */
    @Transactional(propagation = Propagation.MANDATORY)
    void add(BigInteger serialNumber, String subject, Instant revokedAt, int reasonCode) {
        String serial = serialNumber.toString(16);
        Integer known = jdbc.queryForObject(
                "SELECT COUNT(*) FROM seal_ca_revocation WHERE serial_number = ?", Integer.class, serial);
        if (known != null && known == 0) {
            jdbc.update(
                    "INSERT INTO seal_ca_revocation (serial_number, subject, revoked_at, reason_code) "
                            + "VALUES (?, ?, ?, ?)",
                    serial,
                    subject,
                    Timestamp.from(revokedAt),
                    reasonCode);
        }
    }

    List<Revoked> all() {
        return jdbc.query(
                "SELECT serial_number, revoked_at, reason_code FROM seal_ca_revocation " + "ORDER BY serial_number",
                (rs, row) -> new Revoked(
                        new BigInteger(rs.getString(1), 16), rs.getTimestamp(2).toInstant(), rs.getInt(3)));
    }

    /** Changes whenever the list changes: a cheap check of whether a cached CRL is still right. */
    long fingerprint() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM seal_ca_revocation", Long.class);
        return count == null ? 0 : count;
    }
}

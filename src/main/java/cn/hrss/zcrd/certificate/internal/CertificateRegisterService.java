package cn.hrss.zcrd.certificate.internal;

import cn.hrss.zcrd.certificate.CertificateNumber;
import cn.hrss.zcrd.certificate.CertificateRegister;
import cn.hrss.zcrd.certificate.CertificateStatus;
import cn.hrss.zcrd.certificate.RegisteredCertificate;
import cn.hrss.zcrd.shared.IdNumber;
import cn.hrss.zcrd.unit.BusinessType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * {@link CertificateRegister} in plain JDBC: by number (unique key) or by SHA-256 (index of V17). The second fact
 * (name, key) is compared in Java, the key in constant time, so a wrong one looks exactly like an unknown number.
 */
@Service
class CertificateRegisterService implements CertificateRegister {

    private static final String SELECT = "SELECT t.number, t.holder_name, t.id_number, t.title_name, t.series_name, "
            + "t.specialty_name, t.level_name, t.publish_date, t.unit_name, t.issued_at, t.status, t.revoked_at, "
            + "t.revocation_reason, t.sha256, t.verification_key, t.predecessor_number, t.successor_number, "
            + "e.business_type, e.original_authority, e.original_number, e.original_obtained_on "
            + "FROM title_certificate t LEFT JOIN certificate_library_entry e ON e.id = t.entry_id ";
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final JdbcTemplate jdbc;

    CertificateRegisterService(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<RegisteredCertificate> byNumberAndHolder(String number, String holderName) {
        if (holderName == null || holderName.isBlank()) {
            return Optional.empty();
        }
        String name = holderName.strip();
        return byNumber(number).filter(row -> row.holderName().equals(name)).map(Row::certificate);
    }

    @Override
    public Optional<RegisteredCertificate> byNumberAndKey(String number, String verificationKey) {
        if (verificationKey == null || verificationKey.isEmpty() || verificationKey.length() > 64) {
            return Optional.empty();
        }
        byte[] given = verificationKey.getBytes(StandardCharsets.US_ASCII);
        return byNumber(number)
                .filter(row ->
                        MessageDigest.isEqual(given, row.verificationKey().getBytes(StandardCharsets.US_ASCII)))
                .map(Row::certificate);
    }

    @Override
    public Optional<RegisteredCertificate> bySha256(String sha256) {
        String hex = sha256 == null ? "" : sha256.strip().toLowerCase(Locale.ROOT);
        if (!SHA256.matcher(hex).matches()) {
            return Optional.empty();
        }
        // the newest version, else an earlier one (before an archive time-stamp was appended)
        return jdbc
                .query(
                        SELECT + "WHERE t.sha256 = ? UNION ALL " + SELECT
                                + "WHERE t.id = (SELECT certificate_id FROM title_certificate_version WHERE sha256 = ?)",
                        CertificateRegisterService::row,
                        hex,
                        hex)
                .stream()
                .findFirst()
                .map(Row::certificate);
    }

    private Optional<Row> byNumber(String number) {
        if (!CertificateNumber.isValid(number)) {
            return Optional.empty();
        }
        return jdbc
                .query(
                        SELECT + "WHERE t.number = ?",
                        CertificateRegisterService::row,
                        CertificateNumber.parse(number).value())
                .stream()
                .findFirst();
    }

    private record Row(RegisteredCertificate certificate, String verificationKey) {
        String holderName() {
            return certificate.holderName();
        }
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        Timestamp revoked = rs.getTimestamp("revoked_at");
        return new Row(
                new RegisteredCertificate(
                        rs.getString("number"),
                        rs.getString("holder_name"),
                        IdNumber.masked(rs.getString("id_number")),
                        rs.getString("title_name"),
                        rs.getString("series_name"),
                        rs.getString("specialty_name"),
                        rs.getString("level_name"),
                        rs.getDate("publish_date").toLocalDate(),
                        rs.getString("unit_name"),
                        rs.getTimestamp("issued_at").toInstant(),
                        CertificateStatus.valueOf(rs.getString("status")),
                        revoked == null ? null : revoked.toInstant(),
                        rs.getString("revocation_reason"),
                        rs.getString("sha256"),
                        rs.getString("predecessor_number"),
                        rs.getString("successor_number"),
                        BusinessType.TRANSFER_IN.name().equals(rs.getString("business_type")),
                        BatchStore.original(rs)),
                rs.getString("verification_key"));
    }
}

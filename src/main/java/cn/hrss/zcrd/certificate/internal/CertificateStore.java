package cn.hrss.zcrd.certificate.internal;

import cn.hrss.zcrd.certificate.CertificateQuery;
import cn.hrss.zcrd.certificate.CertificateSort;
import cn.hrss.zcrd.certificate.CertificateStatus;
import cn.hrss.zcrd.certificate.TitleCertificate;
import cn.hrss.zcrd.shared.Keyset;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Issued certificates and their PDFs, in plain JDBC; every method runs in the caller's transaction. */
@Repository
class CertificateStore {

    /** The list's default order: newest first (index {@code idx_title_certificate_unit}). */
    private static final Keyset NEWEST_ISSUED = new Keyset(
            "c.issued_at",
            "c.id",
            "(SELECT k.issued_at FROM title_certificate k WHERE k.id = :" + Keyset.ID + ")",
            true);

    static final String COLUMNS = "c.id, c.number, c.declaration_id, c.applicant_account_id, c.holder_name, "
            + "c.id_number, c.title_name, c.series_name, c.specialty_name, c.level_name, c.publish_date, c.unit_id, "
            + "c.unit_name, c.issued_at, c.status, c.pdf_size, c.sha256, c.revoked_at, c.revoked_by_name, "
            + "c.revocation_reason, c.predecessor_number, c.successor_number, c.succession_reason";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    CertificateStore(JdbcTemplate jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    /** A certificate signed and ready to store. */
    record Issued(BatchStore.Work work, byte[] pdf, String sha256, long sealId) {}

    /**
     * Inserts the certificates (one multi-row insert for the rows, one for the PDFs), and links the library
     * entries to them. Unique keys (item, number, unit/year/sequence, declaration) refuse any duplicate.
     */
    void insert(BatchStore.Batch batch, String unitName, List<Issued> issued, Instant now) {
        Timestamp at = Timestamp.from(now);
        jdbc.batchUpdate("""
                INSERT INTO title_certificate (id, number, unit_id, number_year, number_sequence, batch_id, entry_id,
                    declaration_id, applicant_account_id, holder_name, id_number, title_name, series_name,
                    specialty_name, level_name, publish_date, unit_name, electronic_seal_id, verification_key, sha256,
                    pdf_size, issued_at, status, predecessor_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'VALID', ?)""", issued, issued.size(), (ps, c) -> {
            BatchStore.Work w = c.work();
            ps.setLong(1, w.itemId());
            ps.setString(2, w.number().value());
            ps.setLong(3, batch.unitId());
            ps.setInt(4, w.number().year());
            ps.setInt(5, w.number().sequence());
            ps.setLong(6, batch.id());
            ps.setLong(7, w.entryId());
            ps.setLong(8, w.declarationId());
            ps.setLong(9, w.applicantAccountId());
            ps.setString(10, w.holderName());
            ps.setString(11, w.idNumber());
            ps.setString(12, w.titleName());
            ps.setString(13, w.seriesName());
            ps.setString(14, w.specialtyName());
            ps.setString(15, w.levelName());
            ps.setObject(16, batch.publishDate());
            ps.setString(17, unitName);
            ps.setLong(18, c.sealId());
            ps.setString(19, w.verificationKey());
            ps.setString(20, c.sha256());
            ps.setInt(21, c.pdf().length);
            ps.setTimestamp(22, at);
            if (w.replaces()) {
                ps.setLong(23, w.predecessorId());
            } else {
                ps.setNull(23, java.sql.Types.BIGINT);
            }
        });
        insertPdfs(issued);
        jdbc.batchUpdate(
                "UPDATE certificate_library_entry SET certificate_id = ? WHERE id = ?",
                issued,
                issued.size(),
                (ps, c) -> {
                    ps.setLong(1, c.work().itemId());
                    ps.setLong(2, c.work().entryId());
                });
    }

    /** A predecessor replaced by a stored successor. */
    record Replaced(Issued successor, String predecessorNumber, CertificateStatus status) {}

    /**
     * Marks the predecessors of the successors among {@code issued} (just inserted) 已补发 / 已更正 with a link to
     * their successor, and the successors with their predecessor's number.
     *
     * @throws IllegalStateException when a predecessor is no longer valid (revocation waits for a pending successor,
     *                               so this only guards the rule)
     */
    List<Replaced> replace(List<Issued> issued) {
        List<Replaced> replaced = new java.util.ArrayList<>();
        for (Issued c : issued) {
            BatchStore.Work w = c.work();
            if (!w.replaces()) {
                continue;
            }
            CertificateStatus status = BatchStore.Succession.valueOf(w.succession()) == BatchStore.Succession.REISSUE
                    ? CertificateStatus.REISSUED
                    : CertificateStatus.CORRECTED;
            String old = jdbc.queryForObject(
                    "SELECT number FROM title_certificate WHERE id = ?", String.class, w.predecessorId());
            if (jdbc.update(
                            "UPDATE title_certificate SET status = ?, successor_id = ?, successor_number = ?, "
                                    + "succession_reason = ? WHERE id = ? AND status = 'VALID'",
                            status.name(),
                            w.itemId(),
                            w.number().value(),
                            w.successionReason(),
                            w.predecessorId())
                    != 1) {
                throw new IllegalStateException("certificate " + old + " is no longer valid");
            }
            jdbc.update("UPDATE title_certificate SET predecessor_number = ? WHERE id = ?", old, w.itemId());
            replaced.add(new Replaced(c, old, status));
        }
        return replaced;
    }

    /** At most this many PDF bytes in one statement (well below MariaDB's default 16 MB packet). */
    static final int MAX_STATEMENT_BYTES = 8 << 20;

    /**
     * The PDFs in multi-row inserts of a <em>server-side</em> prepared statement where the driver is MySQL
     * Connector/J, so the bytes travel in the binary protocol. A client-side statement (also what Connector/J turns
     * a batch into under {@code rewriteBatchedStatements}) escapes every byte into the SQL text, which for a chunk of
     * 50 signed PDFs (5 MB) took seconds here instead of a few hundred milliseconds. Each PDF goes as a stream, which
     * Connector/J sends ahead as "long data" (COM_STMT_SEND_LONG_DATA) rather than inside one large execute packet:
     * for 54 KB PDFs on MariaDB 10.11 that took 0.09 instead of 0.45 ms per row, and a third of the server's CPU.
     */
    private void insertPdfs(List<Issued> issued) {
        jdbc.execute((java.sql.Connection con) -> {
            int from = 0;
            while (from < issued.size()) {
                int to = from;
                long bytes = 0;
                while (to < issued.size()
                        && (to == from || bytes + issued.get(to).pdf().length <= MAX_STATEMENT_BYTES)) {
                    bytes += issued.get(to).pdf().length;
                    to++;
                }
                List<Issued> group = issued.subList(from, to);
                String sql = "INSERT INTO title_certificate_pdf (certificate_id, pdf) VALUES "
                        + String.join(", ", java.util.Collections.nCopies(group.size(), "(?, ?)"));
                try (java.sql.PreparedStatement ps = binaryStatement(con, sql)) {
                    int i = 1;
                    for (Issued c : group) {
                        ps.setLong(i++, c.work().itemId());
                        ps.setBinaryStream(i++, new java.io.ByteArrayInputStream(c.pdf()), c.pdf().length);
                    }
                    ps.executeUpdate();
                }
                from = to;
            }
            return null;
        });
    }

    private static java.sql.PreparedStatement binaryStatement(java.sql.Connection con, String sql)
            throws java.sql.SQLException {
        try {
            Class<?> mysql = Class.forName("com.mysql.cj.jdbc.JdbcConnection");
            if (con.isWrapperFor(mysql)) {
                Object connection = con.unwrap(mysql);
                return (java.sql.PreparedStatement)
                        mysql.getMethod("serverPrepareStatement", String.class).invoke(connection, sql);
            }
        } catch (ReflectiveOperationException e) {
            // not Connector/J (H2 in development): the ordinary statement
        }
        return con.prepareStatement(sql);
    }

    Optional<TitleCertificate> find(long id) {
        return jdbc
                .query(
                        "SELECT " + COLUMNS + " FROM title_certificate c WHERE c.id = ?",
                        CertificateStore::certificate,
                        id)
                .stream()
                .findFirst();
    }

    /** Like {@link #find(long)}, with the row locked until the transaction ends. */
    Optional<TitleCertificate> lock(long id) {
        return jdbc
                .query(
                        "SELECT " + COLUMNS + " FROM title_certificate c WHERE c.id = ? FOR UPDATE",
                        CertificateStore::certificate,
                        id)
                .stream()
                .findFirst();
    }

    /** A stored certificate's newest version, as the archive job reads it. */
    record StoredVersion(long id, String number, String sha256, byte[] pdf) {}

    /** The newest versions of certificates {@code ids} (those that exist), in one query. */
    List<StoredVersion> versions(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return named.query(
                "SELECT c.id, c.number, c.sha256, p.pdf FROM title_certificate c "
                        + "JOIN title_certificate_pdf p ON p.certificate_id = c.id WHERE c.id IN (:ids) ORDER BY c.id",
                new MapSqlParameterSource("ids", ids),
                (rs, row) -> new StoredVersion(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBytes(4)));
    }

    /**
     * A newer version of a stored PDF (an archive time-stamp appended) to replace {@code previousSha256}.
     *
     * @param evidenceUntil until when its evidence holds (its archive time-stamp's TSA notAfter)
     * @param algorithms    the algorithms its newest archive time-stamp rests on, in the column's form
     */
    record NewVersion(
            long id, String previousSha256, byte[] pdf, String sha256, Instant evidenceUntil, String algorithms) {}

    /**
     * Replaces stored PDFs by newer versions, each only when the stored one is still its {@code previousSha256};
     * the earlier versions' SHA-256 are kept as versions and the archive lease is cleared.
     *
     * <p>The rows are locked by primary key first and {@code sha256} (a unique index) is changed last, right before
     * the commit: a unique-index change takes next-key locks, and taken early they would make concurrent chunks wait
     * for this one's PDF writes (or deadlock with them).
     *
     * @return the versions stored (the others had changed: another node was first)
     */
    List<NewVersion> replaceVersions(List<NewVersion> versions, Instant at) {
        if (versions.isEmpty()) {
            return List.of();
        }
        java.util.Map<Long, String> current = new java.util.HashMap<>();
        named.query(
                "SELECT id, sha256 FROM title_certificate WHERE id IN (:ids) ORDER BY id FOR UPDATE",
                new MapSqlParameterSource(
                        "ids", versions.stream().map(NewVersion::id).toList()),
                (ResultSet rs) -> {
                    current.put(rs.getLong(1), rs.getString(2));
                });
        List<NewVersion> replaced = versions.stream()
                .filter(v -> v.previousSha256().equals(current.get(v.id())))
                .sorted(java.util.Comparator.comparingLong(NewVersion::id))
                .toList();
        if (replaced.isEmpty()) {
            return replaced;
        }
        jdbc.execute((java.sql.Connection con) -> {
            // one server-side statement, each PDF sent as a stream (see insertPdfs): not escaped into SQL text
            try (java.sql.PreparedStatement ps =
                    binaryStatement(con, "UPDATE title_certificate_pdf SET pdf = ? WHERE certificate_id = ?")) {
                for (NewVersion v : replaced) {
                    ps.setBinaryStream(1, new java.io.ByteArrayInputStream(v.pdf()), v.pdf().length);
                    ps.setLong(2, v.id());
                    ps.executeUpdate();
                }
            }
            return null;
        });
        Timestamp supersededAt = Timestamp.from(at);
        jdbc.batchUpdate(
                "INSERT INTO title_certificate_version (sha256, certificate_id, superseded_at) VALUES (?, ?, ?)",
                replaced,
                replaced.size(),
                (ps, v) -> {
                    ps.setString(1, v.previousSha256());
                    ps.setLong(2, v.id());
                    ps.setTimestamp(3, supersededAt);
                });
        jdbc.batchUpdate(
                "UPDATE title_certificate SET sha256 = ?, pdf_size = ?, evidence_until = ?, archive_algorithms = ?, "
                        + "archive_lease_owner = NULL, archive_lease_until = NULL, archive_failures = 0 WHERE id = ?",
                replaced,
                replaced.size(),
                (ps, v) -> {
                    ps.setString(1, v.sha256());
                    ps.setInt(2, v.pdf().length);
                    ps.setTimestamp(3, v.evidenceUntil() == null ? null : Timestamp.from(v.evidenceUntil()));
                    ps.setString(4, v.algorithms());
                    ps.setLong(5, v.id());
                });
        return replaced;
    }

    Optional<byte[]> pdf(long id) {
        return jdbc
                .query(
                        "SELECT pdf FROM title_certificate_pdf WHERE certificate_id = ?",
                        (rs, row) -> rs.getBytes(1),
                        id)
                .stream()
                .findFirst();
    }

    List<TitleCertificate> ofApplicant(long accountId) {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM title_certificate c WHERE c.applicant_account_id = ? "
                        + "ORDER BY c.issued_at DESC, c.id DESC",
                CertificateStore::certificate,
                accountId);
    }

    long count(long unitId, CertificateQuery query) {
        LibraryService.Where where = where(unitId, query);
        Long n = named.queryForObject(
                "SELECT COUNT(*) FROM title_certificate c" + where.sql(), where.params(), Long.class);
        return n == null ? 0 : n;
    }

    List<TitleCertificate> find(
            long unitId, CertificateQuery query, int first, int size, CertificateSort sort, boolean ascending) {
        LibraryService.Where where = where(unitId, query);
        where.params()
                .addValue("first", Math.max(first, 0))
                .addValue("size", Math.min(Math.max(size, 1), LibraryService.MAX_PAGE));
        String direction = sort == null ? " DESC" : ascending ? " ASC" : " DESC";
        String column = switch (sort == null ? CertificateSort.ISSUED_AT : sort) {
            case NUMBER -> "c.number";
            case NAME -> "c.holder_name";
            case PUBLISH_DATE -> "c.publish_date";
            case ISSUED_AT -> "c.issued_at";
            case STATUS -> "c.status";
        };
        return named.query(
                "SELECT " + COLUMNS + " FROM title_certificate c" + where.sql() + " ORDER BY " + column + direction
                        + ", c.id" + direction + " LIMIT :size OFFSET :first",
                where.params(),
                CertificateStore::certificate);
    }

    /** {@link #find}'s default order (newest first) from behind {@code last}: keyset-paged, for an export. */
    List<TitleCertificate> findAfter(long unitId, CertificateQuery query, TitleCertificate last, int size) {
        LibraryService.Where where = where(unitId, query);
        String after = last == null ? "" : " AND " + NEWEST_ISSUED.after(false, last.id(), where.params()::addValue);
        where.params().addValue("size", Math.min(Math.max(size, 1), LibraryService.MAX_PAGE));
        return named.query(
                "SELECT " + COLUMNS + " FROM title_certificate c" + where.sql() + after + " ORDER BY "
                        + NEWEST_ISSUED.order() + " LIMIT :size",
                where.params(),
                CertificateStore::certificate);
    }

    /** 注销 of a valid certificate of the unit; false when none such (already revoked, other unit, unknown). */
    boolean revoke(long id, long unitId, long byAccount, String byName, String reason, Instant now) {
        return jdbc.update(
                        "UPDATE title_certificate SET status = 'REVOKED', revoked_at = ?, revoked_by = ?, "
                                + "revoked_by_name = ?, revocation_reason = ? WHERE id = ? AND unit_id = ? AND status = 'VALID'",
                        Timestamp.from(now),
                        byAccount,
                        byName,
                        reason,
                        id,
                        unitId)
                == 1;
    }

    private static LibraryService.Where where(long unitId, CertificateQuery q) {
        CertificateQuery query = q == null ? CertificateQuery.all() : q;
        StringBuilder sql = new StringBuilder(" WHERE c.unit_id = :unit");
        MapSqlParameterSource p = new MapSqlParameterSource().addValue("unit", unitId);
        if (LibraryService.present(query.name())) {
            sql.append(" AND c.holder_name LIKE :name ESCAPE '!'");
            p.addValue("name", "%" + LibraryService.likeEscaped(query.name().strip()) + "%");
        }
        if (LibraryService.present(query.idNumber())) {
            sql.append(" AND c.id_number = :idNumber");
            p.addValue("idNumber", query.idNumber().strip().toUpperCase(Locale.ROOT));
        }
        if (LibraryService.present(query.number())) {
            sql.append(" AND c.number = :number");
            p.addValue("number", query.number().strip().toUpperCase(Locale.ROOT));
        }
        if (query.issuedFrom() != null) {
            sql.append(" AND c.publish_date >= :from");
            p.addValue("from", query.issuedFrom());
        }
        if (query.issuedTo() != null) {
            sql.append(" AND c.publish_date <= :to");
            p.addValue("to", query.issuedTo());
        }
        if (query.status() != null) {
            sql.append(" AND c.status = :status");
            p.addValue("status", query.status().name());
        }
        return new LibraryService.Where(sql.toString(), p);
    }

    static TitleCertificate certificate(ResultSet rs, int row) throws SQLException {
        Timestamp revoked = rs.getTimestamp("revoked_at");
        LocalDate publish = rs.getDate("publish_date").toLocalDate();
        return new TitleCertificate(
                rs.getLong("id"),
                rs.getString("number"),
                rs.getLong("declaration_id"),
                rs.getLong("applicant_account_id"),
                rs.getString("holder_name"),
                rs.getString("id_number"),
                rs.getString("title_name"),
                rs.getString("series_name"),
                rs.getString("specialty_name"),
                rs.getString("level_name"),
                publish,
                rs.getLong("unit_id"),
                rs.getString("unit_name"),
                rs.getTimestamp("issued_at").toInstant(),
                CertificateStatus.valueOf(rs.getString("status")),
                rs.getLong("pdf_size"),
                rs.getString("sha256"),
                revoked == null ? null : revoked.toInstant(),
                rs.getString("revoked_by_name"),
                rs.getString("revocation_reason"),
                rs.getString("predecessor_number"),
                rs.getString("successor_number"),
                rs.getString("succession_reason"));
    }
}

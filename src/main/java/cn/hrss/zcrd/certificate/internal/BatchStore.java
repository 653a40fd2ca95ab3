package cn.hrss.zcrd.certificate.internal;

import cn.hrss.zcrd.certificate.BatchProgress;
import cn.hrss.zcrd.certificate.BatchState;
import cn.hrss.zcrd.certificate.CertificateNumber;
import cn.hrss.zcrd.certificate.OriginalCertificate;
import cn.hrss.zcrd.unit.BusinessType;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Batches, their items and the numbering counters, in plain JDBC (batched statements; a chunk is a handful of
 * round trips). Every method runs in the caller's transaction.
 */
@Repository
public class BatchStore {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    BatchStore(JdbcTemplate jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    /** Who started a batch: written into audit rows of the job and into the declarations' history. */
    public record Starter(long accountId, String login, String name, boolean ukey) {}

    /** A batch as the job needs it. */
    public record Batch(
            long id,
            long unitId,
            BatchState state,
            int total,
            int issued,
            LocalDate publishDate,
            int year,
            Starter starter,
            String leaseOwner,
            Instant leaseUntil) {

        /** The batch as its progress shows it, with what only the progress tells. */
        BatchProgress progress(Instant createdAt, Instant finishedAt, String problemKey) {
            return new BatchProgress(
                    id, unitId, state, total, issued, publishDate, starter.name(), createdAt, finishedAt, problemKey);
        }
    }

    /**
     * A reserved item to render and sign: its number and the holder's details (a successor's own title and
     * specialty).
     *
     * @param predecessorId the certificate it replaces, 0 for a first issuance
     * @param succession    {@link Succession} name, null for a first issuance
     * @param business      the entry's kind of business (职称认定 or 外地调入确认)
     */
    record Work(
            long itemId,
            long entryId,
            long declarationId,
            long applicantAccountId,
            CertificateNumber number,
            String verificationKey,
            String holderName,
            String idNumber,
            String levelName,
            String seriesName,
            String titleName,
            String specialtyName,
            long predecessorId,
            String succession,
            String successionReason,
            OriginalCertificate original,
            BusinessType business) {

        boolean replaces() {
            return predecessorId != 0;
        }
    }

    /** The original certificate of a transfer-in confirmation's entry (its 职称确认 prints it); null otherwise. */
    static OriginalCertificate original(java.sql.ResultSet rs) throws java.sql.SQLException {
        if (!BusinessType.TRANSFER_IN.name().equals(rs.getString("business_type"))) {
            return null;
        }
        java.sql.Date obtained = rs.getDate("original_obtained_on");
        return new OriginalCertificate(
                rs.getString("original_authority"),
                rs.getString("original_number"),
                obtained == null ? null : obtained.toLocalDate());
    }

    /** What a successor item does to its predecessor. */
    enum Succession {
        /** 补发: same data, a new number */
        REISSUE,
        /** 更正: corrected data, a new number */
        CORRECT
    }

    /**
     * A successor's item: replaces certificate {@code predecessorId} of library entry {@code entryId}, printing
     * {@code titleName} and {@code specialtyName} (the predecessor's for 补发, the corrected ones for 更正; holder,
     * ID number, level and series are always the entry's).
     */
    record Successor(
            long entryId,
            long predecessorId,
            Succession succession,
            String reason,
            String titleName,
            String specialtyName) {}

    /**
     * Stores a new batch for the entries (in this order) and marks them taken, with a lease for {@code leaseOwner}
     * (the node that will run it) until {@code leaseUntil}. The entries must have been locked and checked.
     */
    public long create(
            long unitId,
            List<Long> entryIds,
            LocalDate publishDate,
            Starter starter,
            String leaseOwner,
            Instant leaseUntil,
            Instant now) {
        long batchId = insertBatch(
                unitId, entryIds.size(), publishDate, publishDate.getYear(), starter, leaseOwner, leaseUntil, now);
        jdbc.batchUpdate(
                "INSERT INTO certificate_batch_item (batch_id, entry_id, position) VALUES (?, ?, ?)",
                indexed(entryIds),
                1000,
                (ps, e) -> {
                    ps.setLong(1, batchId);
                    ps.setLong(2, e.value());
                    ps.setInt(3, e.index());
                });
        jdbc.batchUpdate("UPDATE certificate_library_entry SET batch_id = ? WHERE id = ?", entryIds, 1000, (ps, id) -> {
            ps.setLong(1, batchId);
            ps.setLong(2, id);
        });
        return batchId;
    }

    /**
     * Stores a batch of one item that issues the successor of a certificate (补发 / 更正), numbered in
     * {@code numberYear}'s sequence of the unit like any other item. The predecessor must have been locked and
     * checked; the item's unique key (entry, predecessor) refuses a second successor.
     */
    long createSuccessor(
            long unitId,
            Successor successor,
            LocalDate publishDate,
            int numberYear,
            Starter starter,
            String leaseOwner,
            Instant leaseUntil,
            Instant now) {
        long batchId = insertBatch(unitId, 1, publishDate, numberYear, starter, leaseOwner, leaseUntil, now);
        jdbc.update(
                "INSERT INTO certificate_batch_item (batch_id, entry_id, position, predecessor_key, succession, "
                        + "succession_reason, title_name, specialty_name) "
                        + "VALUES (?, ?, 0, ?, ?, ?, ?, ?)",
                batchId,
                successor.entryId(),
                successor.predecessorId(),
                successor.succession().name(),
                successor.reason(),
                successor.titleName(),
                successor.specialtyName());
        return batchId;
    }

    /** Whether a successor of the certificate is on its way (numbered or not, not stored yet). */
    boolean successorPending(long certificateId) {
        Integer n = jdbc.queryForObject(
                "SELECT COUNT(*) FROM title_certificate c JOIN certificate_batch_item i ON i.entry_id = c.entry_id "
                        + "AND i.predecessor_key = c.id WHERE c.id = ? AND i.issued = FALSE",
                Integer.class,
                certificateId);
        return n != null && n > 0;
    }

    private long insertBatch(
            long unitId,
            int total,
            LocalDate publishDate,
            int numberYear,
            Starter starter,
            String leaseOwner,
            Instant leaseUntil,
            Instant now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        named.update(
                """
                INSERT INTO certificate_batch (unit_id, state, total, issued, publish_date, number_year, started_by,
                    started_by_login, started_by_name, started_with_ukey, created_at, updated_at, lease_owner,
                    lease_until)
                VALUES (:unit, 'QUEUED', :total, 0, :publish, :year, :by, :login, :name, :ukey, :now, :now, :owner,
                    :until)""",
                new MapSqlParameterSource()
                        .addValue("unit", unitId)
                        .addValue("total", total)
                        .addValue("publish", publishDate)
                        .addValue("year", numberYear)
                        .addValue("by", starter.accountId())
                        .addValue("login", starter.login())
                        .addValue("name", starter.name())
                        .addValue("ukey", starter.ukey())
                        .addValue("now", Timestamp.from(now))
                        .addValue("owner", leaseOwner)
                        .addValue("until", leaseUntil == null ? null : Timestamp.from(leaseUntil)),
                key,
                new String[] {"id"});
        long batchId = key.getKey().longValue();
        // the counter row exists before any reservation locks it (no insert-then-lock deadlock between two batches)
        jdbc.update(
                "INSERT IGNORE INTO certificate_number_counter (unit_id, number_year, last_sequence) VALUES (?, ?, 0)",
                unitId,
                numberYear);
        return batchId;
    }

    private record Indexed(int index, long value) {}

    private static List<Indexed> indexed(List<Long> values) {
        List<Indexed> list = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            list.add(new Indexed(i, values.get(i)));
        }
        return list;
    }

    Optional<Batch> find(long batchId) {
        return jdbc.query("SELECT * FROM certificate_batch WHERE id = ?", BatchStore::batch, batchId).stream()
                .findFirst();
    }

    Optional<BatchProgress> progress(long batchId) {
        return jdbc.query("SELECT * FROM certificate_batch WHERE id = ?", BatchStore::progress, batchId).stream()
                .findFirst();
    }

    /** The unit's unfinished batches first, then the newest. */
    List<BatchProgress> recent(long unitId, int limit) {
        return jdbc.query(
                "SELECT * FROM certificate_batch WHERE unit_id = ? ORDER BY state = 'COMPLETED', "
                        + "created_at DESC, id DESC LIMIT ?",
                BatchStore::progress,
                unitId,
                Math.max(1, Math.min(limit, 100)));
    }

    /** Unfinished batches whose lease has run out (or was never taken, or is this node's). */
    List<Long> resumable(String node, Instant now) {
        return jdbc.queryForList(
                "SELECT id FROM certificate_batch WHERE state <> 'COMPLETED' AND (lease_owner IS NULL"
                        + " OR lease_owner = ? OR lease_until < ?) ORDER BY id",
                Long.class,
                node,
                Timestamp.from(now));
    }

    /** Takes (or renews) the lease: true when this node holds it now. */
    boolean acquire(long batchId, String node, Instant now, Instant until) {
        return jdbc.update(
                        "UPDATE certificate_batch SET lease_owner = ?, lease_until = ?, state = 'RUNNING', "
                                + "updated_at = ? WHERE id = ? AND state <> 'COMPLETED' AND (lease_owner IS NULL OR lease_owner = ? "
                                + "OR lease_until < ?)",
                        node,
                        Timestamp.from(until),
                        Timestamp.from(now),
                        batchId,
                        node,
                        Timestamp.from(now))
                == 1;
    }

    /** Renews this node's lease and adds {@code issued}; false when the lease was lost (another node took over). */
    boolean renew(long batchId, String node, Instant now, Instant until, int issued) {
        return jdbc.update(
                        "UPDATE certificate_batch SET lease_until = ?, issued = issued + ?, updated_at = ?, "
                                + "problem_key = NULL WHERE id = ? AND lease_owner = ? AND state = 'RUNNING'",
                        Timestamp.from(until),
                        issued,
                        Timestamp.from(now),
                        batchId,
                        node)
                == 1;
    }

    /** Stops the batch for now with a problem; the lease is given up so any node may resume it. */
    void interrupt(long batchId, String node, String problemKey, Instant now) {
        jdbc.update(
                "UPDATE certificate_batch SET state = 'INTERRUPTED', problem_key = ?, lease_owner = NULL, "
                        + "lease_until = NULL, updated_at = ? WHERE id = ? AND lease_owner = ? AND state <> 'COMPLETED'",
                problemKey,
                Timestamp.from(now),
                batchId,
                node);
    }

    /** Completes the batch when every item is issued; false when some are not (or the lease was lost). */
    boolean complete(long batchId, String node, Instant now) {
        Integer open = jdbc.queryForObject(
                "SELECT COUNT(*) FROM certificate_batch_item WHERE batch_id = ? " + "AND issued = FALSE",
                Integer.class,
                batchId);
        if (open == null || open > 0) {
            return false;
        }
        return jdbc.update(
                        "UPDATE certificate_batch SET state = 'COMPLETED', finished_at = ?, updated_at = ?, "
                                + "lease_owner = NULL, lease_until = NULL, problem_key = NULL WHERE id = ? AND lease_owner = ?",
                        Timestamp.from(now),
                        Timestamp.from(now),
                        batchId,
                        node)
                == 1;
    }

    /** The title levels of the batch's items not issued yet: what the unit must still hold authority for. */
    Set<String> levelsToIssue(long batchId) {
        return Set.copyOf(jdbc.queryForList(
                "SELECT DISTINCT e.level_code FROM certificate_batch_item i "
                        + "JOIN certificate_library_entry e ON e.id = i.entry_id WHERE i.batch_id = ? AND i.issued = FALSE",
                String.class,
                batchId));
    }

    /** Items with a number above {@code afterSequence} but no stored certificate yet, by number. */
    List<Work> reservedWork(long batchId, int afterSequence, int limit) {
        return jdbc.query(
                """
                SELECT i.id AS item_id, i.entry_id, i.number, i.verification_key, e.declaration_id,
                    e.applicant_account_id, e.holder_name, e.id_number, e.level_name, e.series_name,
                    COALESCE(i.title_name, e.title_name) AS title_name,
                    COALESCE(i.specialty_name, e.specialty_name) AS specialty_name,
                    i.predecessor_key, i.succession, i.succession_reason, e.business_type,
                    e.original_authority, e.original_number, e.original_obtained_on
                FROM certificate_batch_item i JOIN certificate_library_entry e ON e.id = i.entry_id
                WHERE i.batch_id = ? AND i.issued = FALSE AND i.number_sequence > ?
                ORDER BY i.number_sequence LIMIT ?""",
                (rs, row) -> new Work(
                        rs.getLong("item_id"),
                        rs.getLong("entry_id"),
                        rs.getLong("declaration_id"),
                        rs.getLong("applicant_account_id"),
                        CertificateNumber.parse(rs.getString("number")),
                        rs.getString("verification_key"),
                        rs.getString("holder_name"),
                        rs.getString("id_number"),
                        rs.getString("level_name"),
                        rs.getString("series_name"),
                        rs.getString("title_name"),
                        rs.getString("specialty_name"),
                        rs.getLong("predecessor_key"),
                        rs.getString("succession"),
                        rs.getString("succession_reason"),
                        original(rs),
                        BusinessType.valueOf(rs.getString("business_type"))),
                batchId,
                afterSequence,
                limit);
    }

    /**
     * Reserves the next numbers of the unit's year for up to {@code limit} unnumbered items of the batch, in their
     * order, under the counter row's lock (held until the caller's transaction ends). The numbers are written to
     * the items in the same transaction, so a number is either unused or belongs to exactly one item for good.
     *
     * @return how many items got a number (0: all numbered)
     * @throws NumbersExhausted when the year's sequence would pass {@link CertificateNumber#MAX_SEQUENCE}
     */
    int reserve(Batch batch, int limit) {
        List<Long> items = jdbc.queryForList(
                "SELECT id FROM certificate_batch_item WHERE batch_id = ? AND "
                        + "number_sequence IS NULL ORDER BY position LIMIT ?",
                Long.class,
                batch.id(),
                limit);
        if (items.isEmpty()) {
            return 0;
        }
        Integer last = jdbc.queryForObject(
                "SELECT last_sequence FROM certificate_number_counter WHERE unit_id = ? "
                        + "AND number_year = ? FOR UPDATE",
                Integer.class,
                batch.unitId(),
                batch.year());
        if (last == null || last + items.size() > CertificateNumber.MAX_SEQUENCE) {
            throw new NumbersExhausted();
        }
        List<Object[]> rows = new ArrayList<>(items.size());
        int sequence = last;
        for (long item : items) {
            sequence++;
            rows.add(new Object[] {
                sequence,
                CertificateNumber.of(batch.unitId(), batch.year(), sequence).value(),
                newVerificationKey(),
                item
            });
        }
        jdbc.batchUpdate(
                "UPDATE certificate_batch_item SET number_sequence = ?, number = ?, verification_key = ? "
                        + "WHERE id = ? AND number_sequence IS NULL",
                rows,
                new int[] {Types.INTEGER, Types.VARCHAR, Types.VARCHAR, Types.BIGINT});
        jdbc.update(
                "UPDATE certificate_number_counter SET last_sequence = ? WHERE unit_id = ? AND number_year = ?",
                sequence,
                batch.unitId(),
                batch.year());
        return items.size();
    }

    static final class NumbersExhausted extends RuntimeException {
        NumbersExhausted() {
            super("certificate numbers exhausted");
        }
    }

    /** 128 random bits, URL-safe: the per-certificate key of the verification address. */
    static String newVerificationKey() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether every one of the items is marked issued already (a chunk whose commit went unacknowledged). */
    boolean allIssued(List<Long> itemIds) {
        if (itemIds.isEmpty()) {
            return false;
        }
        Integer issued = named.queryForObject(
                "SELECT COUNT(*) FROM certificate_batch_item WHERE id IN (:ids) AND issued = TRUE",
                new MapSqlParameterSource("ids", itemIds),
                Integer.class);
        return issued != null && issued == itemIds.size();
    }

    void markIssued(List<Long> itemIds) {
        jdbc.batchUpdate(
                "UPDATE certificate_batch_item SET issued = TRUE WHERE id = ?",
                itemIds,
                1000,
                (PreparedStatement ps, Long id) -> ps.setLong(1, id));
    }

    private static Batch batch(ResultSet rs, int row) throws SQLException {
        Timestamp until = rs.getTimestamp("lease_until");
        return new Batch(
                rs.getLong("id"),
                rs.getLong("unit_id"),
                BatchState.valueOf(rs.getString("state")),
                rs.getInt("total"),
                rs.getInt("issued"),
                rs.getDate("publish_date").toLocalDate(),
                rs.getInt("number_year"),
                new Starter(
                        rs.getLong("started_by"),
                        rs.getString("started_by_login"),
                        rs.getString("started_by_name"),
                        rs.getBoolean("started_with_ukey")),
                rs.getString("lease_owner"),
                until == null ? null : until.toInstant());
    }

    private static BatchProgress progress(ResultSet rs, int row) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return batch(rs, row)
                .progress(
                        rs.getTimestamp("created_at").toInstant(),
                        finished == null ? null : finished.toInstant(),
                        rs.getString("problem_key"));
    }
}

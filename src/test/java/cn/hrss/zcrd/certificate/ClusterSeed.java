package cn.hrss.zcrd.certificate;

import cn.hrss.zcrd.review.ReviewFixtures;
import cn.hrss.zcrd.seal.SealImages;
import cn.hrss.zcrd.support.Cluster;
import cn.hrss.zcrd.support.ClusterRows;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.awaitility.Awaitility;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the several-node tests and the two-node benchmark need in the cluster's database, written over JDBC through
 * HAProxy's database front (each statement on a new connection, so it rides over a database failover): an issuing
 * unit whose approved seal impression has no electronic seal yet (the first node to issue for it generates the key in
 * the shared token), final-approved people in its certificate library, and batches of them for one node — a batch
 * whose lease names node {@code appN} without an expiry is run by that node's next sweep and by no other.
 */
final class ClusterSeed {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    final ClusterRows rows;
    final JdbcTemplate jdbc;

    ClusterSeed(Cluster cluster) {
        this.rows = new ClusterRows(cluster);
        this.jdbc = rows.jdbc;
    }

    /** An issuing unit (verified, authority for the assistant level, approved seal impression without a key yet). */
    record Unit(long id, long accountId, String name) {}

    Unit issuingUnit(String prefix) {
        String name = prefix + ThreadLocalRandom.current().nextInt(1_000_000) + "-" + SEQUENCE.incrementAndGet();
        ClusterRows.Unit directoryUnit = rows.unit(name, "PUBLIC_INSTITUTION");
        String creditCode = directoryUnit.creditCode();
        long account = directoryUnit.accountId();
        long unit = directoryUnit.id();
        Timestamp now = Timestamp.from(Instant.now());
        long application = insert(
                "INSERT INTO issuing_authority_application (unit_id, bureau_code, status, active_marker, "
                        + "applied_by_account_id, applied_at, decided_at) VALUES (?, 'HRSS370100', 'GRANTED', TRUE, ?, ?, ?)",
                unit,
                account,
                now,
                now);
        jdbc.update(
                "INSERT INTO issuing_authority_level (application_id, level_code) VALUES (?, ?)",
                application,
                ReviewFixtures.LEVEL);
        byte[] png = SealImages.transparentSeal(400);
        BufferedImage image = read(png);
        long impression = insert(
                "INSERT INTO seal_impression (unit_id, seal_version, state, unit_name, credit_code, region_code, width,"
                        + " height, size_bytes, sha256, uploaded_by, uploaded_at, decided_at) "
                        + "VALUES (?, 1, 'APPROVED', ?, ?, '370102', ?, ?, ?, ?, ?, ?, ?)",
                unit,
                name,
                creditCode,
                image.getWidth(),
                image.getHeight(),
                png.length,
                sha256(png),
                account,
                now,
                now);
        jdbc.update("INSERT INTO seal_impression_image (impression_id, png) VALUES (?, ?)", impression, png);
        return new Unit(unit, account, name);
    }

    /** {@code n} final-approved people of the unit in its certificate library, not in a batch yet. */
    List<Long> entries(Unit unit, int n) {
        long firstDeclaration = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
        return CertificateFixtures.insertEntries(jdbc, unit.accountId(), unit.id(), firstDeclaration, n);
    }

    /**
     * A batch of the entries (as {@code BatchStore.create} stores one) leased to {@code node} without expiry: that
     * node's sweep starts it within its retry interval, no other node touches it while the lease is renewed.
     */
    long batchFor(String node, Unit unit, List<Long> entries, int year) {
        Timestamp now = Timestamp.from(Instant.now());
        long batch = insert(
                "INSERT INTO certificate_batch (unit_id, state, total, issued, publish_date, number_year, started_by,"
                        + " started_by_login, started_by_name, started_with_ukey, created_at, updated_at, lease_owner)"
                        + " VALUES (?, 'QUEUED', ?, 0, ?, ?, ?, 'cluster-test', '集群测试', TRUE, ?, ?, ?)",
                unit.id(),
                entries.size(),
                java.sql.Date.valueOf(LocalDate.of(year, 6, 30)),
                year,
                unit.accountId(),
                now,
                now,
                node);
        jdbc.update(
                "INSERT IGNORE INTO certificate_number_counter (unit_id, number_year, last_sequence) VALUES (?, ?, 0)",
                unit.id(),
                year);
        List<Object[]> items = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            items.add(new Object[] {batch, entries.get(i), i});
        }
        jdbc.batchUpdate("INSERT INTO certificate_batch_item (batch_id, entry_id, position) VALUES (?, ?, ?)", items);
        List<Object[]> taken =
                entries.stream().map(e -> new Object[] {batch, e}).toList();
        jdbc.batchUpdate("UPDATE certificate_library_entry SET batch_id = ? WHERE id = ?", taken);
        return batch;
    }

    /**
     * Hands a batch made for a node that does not exist ({@link #batchFor} with another name: no node touches it, its
     * lease never ends) to {@code node}, whose sweep starts it within its retry interval.
     */
    void release(long batch, String node) {
        jdbc.update("UPDATE certificate_batch SET lease_owner = ? WHERE id = ?", node, batch);
    }

    int issued(long batch) {
        return jdbc.queryForObject("SELECT issued FROM certificate_batch WHERE id = ?", Integer.class, batch);
    }

    String state(long batch) {
        return jdbc.queryForObject("SELECT state FROM certificate_batch WHERE id = ?", String.class, batch);
    }

    String leaseOwner(long batch) {
        return jdbc.queryForObject("SELECT lease_owner FROM certificate_batch WHERE id = ?", String.class, batch);
    }

    /** Waits (polling every 200 ms) until the batch is completed; a failing probe (database failing over) is retried. */
    void awaitCompleted(long batch, Duration timeout) {
        await("batch " + batch + " completed", timeout, () -> "COMPLETED".equals(state(batch)));
    }

    /** Polls {@code probe} every 200 ms until it is true; a probe that throws (a failover under way) counts as false. */
    static void await(String what, Duration timeout, Callable<Boolean> probe) {
        Awaitility.await(what)
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(200))
                .ignoreExceptions()
                .until(probe);
    }

    private long insert(String sql, Object... arguments) {
        return rows.insert(sql, arguments);
    }

    private static BufferedImage read(byte[] png) {
        try {
            return ImageIO.read(new ByteArrayInputStream(png));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package cn.hrss.zcrd.certificate.internal;

import cn.hrss.zcrd.audit.AuditActor;
import cn.hrss.zcrd.audit.AuditEntry;
import cn.hrss.zcrd.audit.AuditTrail;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The archive time-stamp job (PAdES-BASELINE-LTA): gives every certificate without an archive time-stamp its first
 * one (newest first, so just issued certificates get theirs right after issuance, which itself stays as fast as
 * before) and renews those whose newest archive time-stamp's TSA certificate expires within the configured margin.
 * Several nodes: each run claims certificates with {@code FOR UPDATE SKIP LOCKED} and a lease in the row, so a
 * node that dies leaves its claims to expire and another takes them; a certificate that failed waits a lease
 * before it is tried again. Every run that did something is audited with its counts.
 */
@Component
public class ArchiveJob {

    static final String AUDIT_RUN = "CERTIFICATE_ARCHIVE_RUN";
    private static final String JOB = "certificate-archive";
    private static final Logger log = LoggerFactory.getLogger(ArchiveJob.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final CertificateArchiving archiving;
    private final ArchiveProperties properties;
    private final AuditTrail audit;
    private final Clock clock;
    private final String node = "archive-" + UUID.randomUUID().toString().substring(0, 8);

    ArchiveJob(
            JdbcTemplate jdbc,
            TransactionTemplate transaction,
            CertificateArchiving archiving,
            ArchiveProperties properties,
            AuditTrail audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.archiving = archiving;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    /** What one run did: certificates due when it started, time-stamped, failed. */
    public record Run(long due, int done, int failed) {

        /** Certificates the run took on. */
        public int claimed() {
            return done + failed;
        }
    }

    @Scheduled(
            initialDelayString = "${zcrd.certificate.archive.interval:30s}",
            fixedDelayString = "${zcrd.certificate.archive.interval:30s}")
    void scheduled() {
        if (!properties.enabled()) {
            return;
        }
        try {
            // a full batch means more may be due: go on at once, so the job keeps up with issuance
            while (run(clock.instant(), properties.batchSize()).claimed() == properties.batchSize()) {
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            log.warn("Archive time-stamp run failed: {}", e.toString());
        }
    }

    /**
     * One run as if it were {@code now} (the due date is reckoned from it): claims up to {@code max} due
     * certificates and time-stamps each in its own transaction.
     */
    public Run run(Instant now, int max) {
        Instant dueBefore = now.plus(properties.renewalMargin());
        long due = due(now);
        List<Long> claimed = transaction.execute(s -> claim(now, dueBefore, max));
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ExecutorService pool =
                Executors.newFixedThreadPool(Math.max(1, Math.min(properties.threads(), claimed.size())));
        try {
            List<Future<?>> stamps = new ArrayList<>(claimed.size());
            for (long id : claimed) {
                stamps.add(pool.submit(() -> {
                    if (stampOne(id)) {
                        done.incrementAndGet();
                    } else {
                        failed.incrementAndGet();
                    }
                }));
            }
            for (Future<?> stamp : stamps) {
                stamp.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        Run run = new Run(due, done.get(), failed.get());
        if (!claimed.isEmpty()) {
            audit.record(AuditEntry.action(AUDIT_RUN)
                    .by(AuditActor.system(JOB))
                    .target("CERTIFICATE_ARCHIVE", node)
                    .detail("due " + due + ", done " + done + ", failed " + failed)
                    .build());
        }
        return run;
    }

    /** One certificate in its own transaction; a failure is counted on the row (its lease makes it wait). */
    private boolean stampOne(long id) {
        try {
            archiving.stamp(id, JOB);
            return true;
        } catch (RuntimeException e) {
            log.warn("Archive time-stamp of certificate {} failed: {}", id, e.toString());
            jdbc.update("UPDATE title_certificate SET archive_failures = archive_failures + 1 WHERE id = ?", id);
            return false;
        }
    }

    /**
     * Where long-term validation stands, for the back office.
     *
     * @param withoutArchive  certificates without an archive time-stamp yet (the job gives them their first)
     * @param dueForRenewal   archived certificates whose evidence ends within the renewal margin
     * @param failing         certificates the job could not time-stamp at its last try
     * @param archived        certificates with at least one archive time-stamp
     * @param earliestEvidence the earliest end of evidence among archived certificates, null when none
     */
    public record Status(
            long withoutArchive, long dueForRenewal, long failing, long archived, Instant earliestEvidence) {}

    public Status status(Instant now) {
        return jdbc.queryForObject(
                "SELECT SUM(evidence_until IS NULL), SUM(evidence_until < ?), SUM(archive_failures > 0), "
                        + "SUM(evidence_until IS NOT NULL), MIN(evidence_until) FROM title_certificate",
                (rs, row) -> {
                    Timestamp earliest = rs.getTimestamp(5);
                    return new Status(
                            rs.getLong(1),
                            rs.getLong(2),
                            rs.getLong(3),
                            rs.getLong(4),
                            earliest == null ? null : earliest.toInstant());
                },
                Timestamp.from(now.plus(properties.renewalMargin())));
    }

    /** Certificates due now: without an archive time-stamp, or whose evidence ends within the margin. */
    public long due(Instant now) {
        Long n = jdbc.queryForObject(
                "SELECT COUNT(*) FROM title_certificate WHERE evidence_until IS NULL OR evidence_until < ?",
                Long.class,
                Timestamp.from(now.plus(properties.renewalMargin())));
        return n == null ? 0 : n;
    }

    private List<Long> claim(Instant now, Instant dueBefore, int max) {
        List<Long> ids = jdbc.queryForList(
                "SELECT id FROM title_certificate WHERE (evidence_until IS NULL OR evidence_until < ?) "
                        + "AND (archive_lease_until IS NULL OR archive_lease_until < ?) "
                        + "ORDER BY id DESC LIMIT ? FOR UPDATE SKIP LOCKED",
                Long.class,
                Timestamp.from(dueBefore),
                Timestamp.from(now),
                max);
        Timestamp until = Timestamp.from(now.plus(properties.lease()));
        for (long id : ids) {
            jdbc.update(
                    "UPDATE title_certificate SET archive_lease_owner = ?, archive_lease_until = ? WHERE id = ?",
                    node,
                    until,
                    id);
        }
        return ids;
    }
}

package cn.hrss.zcrd.certificate.internal;

import cn.hrss.zcrd.audit.AuditActor;
import cn.hrss.zcrd.audit.AuditEntry;
import cn.hrss.zcrd.audit.AuditTrail;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
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
 * before it is tried again. Every run that did something is audited with its counts. A certificate whose newest
 * archive time-stamp rests on an algorithm configured as weakening ({@code weakening-algorithms}) is due too.
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
    private final ArchiveTimeStamps archive;
    /** The configured weakening algorithms as OIDs. */
    private final Set<String> weakening;

    private final String node = "archive-" + UUID.randomUUID().toString().substring(0, 8);

    ArchiveJob(
            JdbcTemplate jdbc,
            TransactionTemplate transaction,
            CertificateArchiving archiving,
            ArchiveTimeStamps archive,
            ArchiveProperties properties,
            AuditTrail audit,
            Clock clock) {
        this.archive = archive;
        this.weakening = ArchiveAlgorithms.oids(properties.weakeningAlgorithms());
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
     * certificates and time-stamps them in chunks of {@code chunk-size}, {@code threads} chunks at once, each chunk
     * stored in one transaction.
     */
    public Run run(Instant now, int max) {
        Due due = dueCondition(now);
        long dueCount = count(due);
        List<Long> claimed = transaction.execute(s -> claim(now, due, max));
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        List<List<Long>> chunks = new ArrayList<>();
        for (int from = 0; from < claimed.size(); from += properties.chunkSize()) {
            chunks.add(claimed.subList(from, Math.min(claimed.size(), from + properties.chunkSize())));
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(properties.threads(), chunks.size())));
        try {
            List<Future<?>> stamps = new ArrayList<>(chunks.size());
            for (List<Long> chunk : chunks) {
                stamps.add(pool.submit(() -> {
                    Set<Long> failures = stampChunk(chunk);
                    done.addAndGet(chunk.size() - failures.size());
                    failed.addAndGet(failures.size());
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
        Run run = new Run(dueCount, done.get(), failed.get());
        if (!claimed.isEmpty()) {
            audit.record(AuditEntry.action(AUDIT_RUN)
                    .by(AuditActor.system(JOB))
                    .target("CERTIFICATE_ARCHIVE", node)
                    .detail("due " + dueCount + ", done " + done + ", failed " + failed)
                    .build());
        }
        return run;
    }

    /**
     * One chunk (its versions stored in one transaction); the certificates that failed are counted on their rows
     * (their lease makes them wait). A chunk whose store failed as a whole fails all its certificates.
     */
    private Set<Long> stampChunk(List<Long> chunk) {
        Set<Long> failures;
        try {
            CertificateArchiving.Outcome outcome = archiving.stamp(chunk, JOB);
            failures = new HashSet<>(outcome.failed());
            for (long id : chunk) {
                if (!outcome.stamped().containsKey(id)) {
                    failures.add(id); // gone meanwhile, or failed
                }
            }
        } catch (RuntimeException e) {
            log.warn("Archive time-stamps of certificates {} failed: {}", chunk, e.toString());
            failures = new HashSet<>(chunk);
        }
        if (!failures.isEmpty()) {
            jdbc.batchUpdate(
                    "UPDATE title_certificate SET archive_failures = archive_failures + 1 WHERE id = ?",
                    List.copyOf(failures),
                    failures.size(),
                    (ps, id) -> ps.setLong(1, id));
        }
        return failures;
    }

    /** Where the time went (see {@link CertificateArchiving#statistics()}). */
    public String statistics() {
        return archiving.statistics();
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
        Due due = dueCondition(now);
        return jdbc.queryForObject(
                "SELECT SUM(evidence_until IS NULL), SUM(evidence_until IS NOT NULL AND (" + due.renewal() + ")), "
                        + "SUM(archive_failures > 0), SUM(evidence_until IS NOT NULL), MIN(evidence_until) "
                        + "FROM title_certificate",
                (rs, row) -> {
                    Timestamp earliest = rs.getTimestamp(5);
                    return new Status(
                            rs.getLong(1),
                            rs.getLong(2),
                            rs.getLong(3),
                            rs.getLong(4),
                            earliest == null ? null : earliest.toInstant());
                },
                due.parameters().toArray());
    }

    /**
     * Certificates due now: without an archive time-stamp, whose evidence ends within the margin, or whose newest
     * archive time-stamp rests on a weakening algorithm.
     */
    public long due(Instant now) {
        return count(dueCondition(now));
    }

    private long count(Due due) {
        Long n = jdbc.queryForObject(
                "SELECT COUNT(*) FROM title_certificate WHERE evidence_until IS NULL OR " + due.renewal(),
                Long.class,
                due.parameters().toArray());
        return n == null ? 0 : n;
    }

    /** The SQL condition of an archived certificate due for renewal, with its parameters. */
    private record Due(String renewal, List<Object> parameters) {}

    private Due dueCondition(Instant now) {
        StringBuilder renewal = new StringBuilder("evidence_until < ?");
        List<Object> parameters = new ArrayList<>();
        parameters.add(Timestamp.from(now.plus(properties.renewalMargin())));
        Set<String> weakening = weakening();
        if (!weakening.isEmpty()) {
            // archived before V92: which algorithms is not recorded; renewed once, which records them
            renewal.append(" OR archive_algorithms IS NULL");
            for (String oid : weakening) {
                renewal.append(" OR archive_algorithms LIKE ?");
                parameters.add(ArchiveAlgorithms.like(oid));
            }
        }
        return new Due(renewal.toString(), parameters);
    }

    /**
     * The configured weakening algorithms that a renewal would get rid of: not those the TSA itself stamps with
     * (renewing with them would only make the same certificates due again at every run).
     */
    private Set<String> weakening() {
        if (weakening.isEmpty()) {
            return weakening;
        }
        Set<String> current = archive.currentAlgorithms();
        Set<String> effective = new TreeSet<>(weakening);
        effective.removeAll(current);
        if (effective.size() < weakening.size()) {
            Set<String> stuck = new TreeSet<>(weakening);
            stuck.retainAll(current);
            log.warn(
                    "The time-stamp authority still uses the weakening algorithm(s) {}: certificates resting on them"
                            + " are not renewed until its key or certificate is replaced",
                    stuck);
        }
        return effective;
    }

    private List<Long> claim(Instant now, Due due, int max) {
        List<Object> parameters = new ArrayList<>(due.parameters());
        parameters.add(Timestamp.from(now));
        parameters.add(max);
        List<Long> ids = jdbc.queryForList(
                "SELECT id FROM title_certificate WHERE (evidence_until IS NULL OR " + due.renewal() + ") "
                        + "AND (archive_lease_until IS NULL OR archive_lease_until < ?) "
                        + "ORDER BY id DESC LIMIT ? FOR UPDATE SKIP LOCKED",
                Long.class,
                parameters.toArray());
        Timestamp until = Timestamp.from(now.plus(properties.lease()));
        jdbc.batchUpdate(
                "UPDATE title_certificate SET archive_lease_owner = ?, archive_lease_until = ? WHERE id = ?",
                ids,
                ids.size(),
                (ps, id) -> {
                    ps.setString(1, node);
                    ps.setTimestamp(2, until);
                    ps.setLong(3, id);
                });
        return ids;
    }
}

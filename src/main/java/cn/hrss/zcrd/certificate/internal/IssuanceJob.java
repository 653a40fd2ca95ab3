package cn.hrss.zcrd.certificate.internal;

import cn.hrss.zcrd.audit.AuditEntry;
import cn.hrss.zcrd.audit.AuditTrail;
import cn.hrss.zcrd.seal.ElectronicSeal;
import cn.hrss.zcrd.seal.ElectronicSeals;
import cn.hrss.zcrd.shared.DatabaseFailover;
import cn.hrss.zcrd.signing.TimeStampUnavailableException;
import cn.hrss.zcrd.signing.TokenUnavailableException;
import cn.hrss.zcrd.unit.IssuingAuthorities;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs issuance batches in the background, resumably.
 *
 * <p>One run of a batch, on the node holding its lease ({@link BatchLeases}: renewed in every transaction of the run;
 * a transaction that finds the lease gone rolls back and the run stops):
 * <ol>
 *   <li>items that already have a number but no certificate (left by a crash or a token failure) are done first;
 *   otherwise numbers are reserved for the next chunk of items under the unit/year counter's row lock
 *   ({@code SELECT … FOR UPDATE}) in a short transaction;</li>
 *   <li>the chunk is rendered and signed in parallel on the bounded signing pool ({@link ChunkSigning}), outside
 *   any transaction, while the chunk before it is being stored ({@link #CHUNKS_AHEAD} chunks are signed ahead of the
 *   one being stored);</li>
 *   <li>the signed PDFs that succeeded are stored in one transaction with their certificates, the items marked
 *   issued, the library entries linked, the declarations certified (已发证) and one audit row for the chunk; a
 *   successor (补发 / 更正, a batch of one item) also marks its predecessor 已补发 / 已更正 and writes the step into
 *   the declaration's history;</li>
 *   <li>a failure (token unavailable, no seal) stores what was signed and interrupts the batch; the numbers already
 *   reserved stay with their items, so a later run reuses exactly them: none lost, none skipped, none reused.</li>
 * </ol>
 * Unfinished batches whose lease ran out are resumed at start-up and every {@code retry-interval}.
 *
 * <p>Database failover (docs/operations-cluster.md): every transaction of a run is re-run after a Galera conflict or a
 * lost connection ({@link DatabaseFailover#idempotentRetry()}). Each is idempotent: a reservation that did commit
 * leaves numbered items the next chunk picks up, and a chunk whose commit was lost unseen is recognised by its items
 * already marked issued and not stored twice.
 *
 * <p>Meters (docs/operations.md): {@value IssuedChunks#ISSUED} counts the certificates this node stored
 * ({@link IssuedChunks}); {@value #RUNNING} and {@value #REMAINING} show the batches this node runs and the certificates they still lack;
 * where a batch's time went is kept by {@link IssuanceStatistics} ({@link #statistics}).
 */
@Component
public class IssuanceJob {

    private static final Logger log = LoggerFactory.getLogger(IssuanceJob.class);
    static final String PROBLEM_TOKEN = "certificate.batch.problem.token";
    static final String PROBLEM_NO_SEAL = "certificate.batch.problem.no-seal";
    static final String PROBLEM_NO_AUTHORITY = "certificate.batch.problem.no-authority";
    static final String PROBLEM_FAILED = "certificate.batch.problem.failed";
    static final String PROBLEM_TIME_STAMP = "certificate.batch.problem.time-stamp";
    static final String PROBLEM_NUMBERS = "certificate.refused.numbers-exhausted";
    static final String PROBLEM_UNPRINTABLE = "certificate.batch.problem.unprintable";
    /** Chunks being signed ahead of the one being stored. */
    static final int CHUNKS_AHEAD = 2;

    static final String RUNNING = "zcrd.issuance.batches.running";
    static final String REMAINING = "zcrd.issuance.certificates.remaining";

    private final BatchStore batches;
    private final IssuedChunks chunks;
    private final ObjectProvider<ElectronicSeals> seals;
    private final Operators operators;
    private final IssuingAuthorities authorities;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    /** Re-runs a transaction interrupted by a database failover (each of the job's transactions is idempotent). */
    private final RetryTemplate retry = DatabaseFailover.idempotentRetry();

    private final IssuanceProperties properties;
    private final BatchLeases leases;
    private final String node;
    private final ExecutorService batchPool;
    private final ChunkSigning signing;
    private final Set<Long> running = ConcurrentHashMap.newKeySet();
    private final IssuanceStatistics statistics = new IssuanceStatistics();
    /** Per batch run on this node: certificates it still lacks. */
    private final Map<Long, AtomicInteger> remaining = new ConcurrentHashMap<>();

    private volatile boolean stopping;

    IssuanceJob(
            BatchStore batches,
            IssuedChunks chunks,
            CertificateDocuments documents,
            ObjectProvider<ElectronicSeals> seals,
            Operators operators,
            IssuingAuthorities authorities,
            AuditTrail audit,
            PlatformTransactionManager transactions,
            IssuanceProperties properties,
            BatchLeases leases,
            @Value("${zcrd.verification.base-url}") String verificationBase,
            MeterRegistry meters) {
        this.batches = batches;
        this.chunks = chunks;
        this.seals = seals;
        this.operators = operators;
        this.authorities = authorities;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
        this.properties = properties;
        this.leases = leases;
        this.node = leases.node();
        this.batchPool = Executors.newFixedThreadPool(
                Math.max(1, properties.batchWorkers()), ChunkSigning.threads("certificate-batch-"));
        this.signing = new ChunkSigning(documents, verificationBase, properties.effectiveSigningThreads());
        Gauge.builder(RUNNING, running, Set::size)
                .description("issuance batches this node runs (or is about to)")
                .register(meters);
        Gauge.builder(
                        REMAINING,
                        remaining,
                        r -> r.values().stream().mapToInt(AtomicInteger::get).sum())
                .description("certificates the batches run on this node still lack")
                .register(meters);
        log.info(
                "Certificate issuance on node '{}': {} batch worker(s), {} signing thread(s), chunks of {}",
                node,
                properties.batchWorkers(),
                properties.effectiveSigningThreads(),
                properties.chunkSize());
    }

    /** Runs the batch on this node soon, unless this node already runs it. */
    public void dispatch(long batchId) {
        if (stopping || !running.add(batchId)) {
            return;
        }
        try {
            batchPool.execute(() -> {
                try {
                    run(batchId);
                } catch (RuntimeException e) {
                    log.error("Certificate batch {} failed on node {}", batchId, node, e);
                } finally {
                    running.remove(batchId);
                }
            });
        } catch (RuntimeException e) {
            running.remove(batchId);
            throw e;
        }
    }

    /** Where this node's runs of the batch spent their time (wall clock), for the benchmark and the log. */
    public String statistics(long batchId) {
        return statistics.describe(batchId);
    }

    /** Whether this node is running the batch now. */
    public boolean isRunning(long batchId) {
        return running.contains(batchId);
    }

    @EventListener(ApplicationReadyEvent.class)
    void resumeAtStart() {
        sweep();
    }

    /** Resumes every unfinished batch nobody holds (a dead node's lease has run out). */
    @Scheduled(
            initialDelayString = "${zcrd.certificate.issuance.retry-interval:30s}",
            fixedDelayString = "${zcrd.certificate.issuance.retry-interval:30s}")
    public void sweep() {
        if (stopping) {
            return;
        }
        try {
            for (long id : leases.resumable()) {
                if (!running.contains(id)) {
                    dispatch(id);
                }
            }
        } catch (RuntimeException e) {
            log.warn("Looking for certificate batches to resume failed: {}", e.toString());
        }
    }

    void run(long batchId) {
        if (!retry.invoke(() -> transaction.execute(s -> leases.acquire(batchId)))) {
            return;
        }
        log.info("Certificate batch {}: running on node {}", batchId, node);
        BatchStore.Batch batch = retry.invoke(() -> batches.find(batchId)).orElseThrow();
        AtomicInteger toDo = new AtomicInteger(Math.max(0, batch.total() - batch.issued()));
        remaining.put(batchId, toDo);
        String unitName = operators.unitName(batch.unitId());
        int chunk = Math.max(1, properties.chunkSize());
        IssuanceStatistics.Batch stats = statistics.of(batchId);
        Deque<InFlight> inFlight = new ArrayDeque<>();
        try {
            Set<String> levels = retry.invoke(() -> batches.levelsToIssue(batchId));
            if (!authorised(batch, levels)) {
                log.warn("Certificate batch {}: the unit's issuing authority is withdrawn; not run", batchId);
                interrupt(batchId, PROBLEM_NO_AUTHORITY);
                return;
            }
            ElectronicSeal seal = sealInForce(batch.unitId()).orElse(null);
            if (seal == null) {
                interrupt(batchId, PROBLEM_NO_SEAL);
                return;
            }
            // pipelined: while one chunk is stored, the next CHUNKS_AHEAD are being signed, so that the signing
            // threads never wait for the database
            boolean numberedAll = false;
            boolean numbersExhausted = false;
            int lastSequence = 0;
            while (!stopping) {
                while (!numberedAll && inFlight.size() <= CHUNKS_AHEAD) {
                    List<BatchStore.Work> work;
                    try {
                        work = nextWork(batch, lastSequence, chunk, stats);
                    } catch (BatchStore.NumbersExhausted e) {
                        // the year's numbers ran out: what is numbered is still signed and stored
                        numbersExhausted = true;
                        work = List.of();
                    }
                    if (work.isEmpty()) {
                        numberedAll = true;
                    } else {
                        lastSequence = work.get(work.size() - 1).number().sequence();
                        inFlight.add(new InFlight(work, signing.submit(work, seal, batch, unitName)));
                    }
                }
                InFlight current = inFlight.poll();
                if (current == null) {
                    if (numbersExhausted) {
                        interrupt(batchId, PROBLEM_NUMBERS);
                    } else {
                        finish(batch);
                    }
                    return;
                }
                ChunkSigning.Signed signed = stats.waitingForSignatures(() -> signing.collect(current.signing()));
                if (!stillInForce(seal)) {
                    // revoked meanwhile: what was signed in this chunk may postdate the revocation, so none of it
                    // is stored; the items keep their numbers for a run with the unit's next seal
                    log.warn(
                            "Certificate batch {}: electronic seal {} was revoked; batch interrupted",
                            batchId,
                            seal.id());
                    interrupt(batchId, PROBLEM_NO_SEAL);
                    return;
                }
                if (!authorised(batch, levels)) {
                    // withdrawn meanwhile: issuing stops at once, nothing signed after the withdrawal is stored
                    log.warn("Certificate batch {}: the unit's issuing authority was withdrawn; interrupted", batchId);
                    interrupt(batchId, PROBLEM_NO_AUTHORITY);
                    return;
                }
                stats.storing(signed.done().size(), () -> {
                    if (!signed.done().isEmpty()) {
                        store(batch, unitName, signed.done(), stats);
                        chunks.counted(signed.done());
                        toDo.addAndGet(-signed.done().size());
                    }
                });
                if (signed.failure() != null) {
                    Throwable f = signed.failure();
                    log.warn(
                            "Certificate batch {}: {} of {} signed, then: {}",
                            batchId,
                            signed.done().size(),
                            current.work().size(),
                            f.toString());
                    interrupt(batchId, problemOf(f));
                    return;
                }
            }
        } catch (BatchLeases.LeaseLost e) {
            log.warn("Certificate batch {}: node {} lost its lease; another node continues", batchId, node);
        } catch (RuntimeException e) {
            log.warn("Certificate batch {} interrupted on node {}: {}", batchId, node, e.toString());
            interrupt(batchId, problemOf(e));
        } finally {
            // what is still being signed is dropped; its items keep their numbers for the next run
            inFlight.forEach(c -> c.signing().forEach(f -> f.cancel(true)));
            remaining.remove(batchId);
        }
    }

    /** A chunk handed to the signing pool. */
    private record InFlight(List<BatchStore.Work> work, List<Future<CertificateStore.Issued>> signing) {}

    /**
     * The next chunk after number {@code afterSequence}: items numbered but not stored yet (left by an earlier run)
     * first, else a fresh reservation. Empty when every item is numbered and the numbered ones are all taken.
     */
    private List<BatchStore.Work> nextWork(
            BatchStore.Batch batch, int afterSequence, int chunk, IssuanceStatistics.Batch stats) {
        return stats.reserving(() -> retry.invoke(() -> {
            List<BatchStore.Work> work = batches.reservedWork(batch.id(), afterSequence, chunk);
            if (work.isEmpty() && reserve(batch, chunk) > 0) {
                work = batches.reservedWork(batch.id(), afterSequence, chunk);
            }
            return work;
        }));
    }

    /** Numbers for the next chunk (a deadlock victim or a lost connection: {@link #nextWork} runs it again). */
    private int reserve(BatchStore.Batch batch, int chunk) {
        return transaction.execute(s -> {
            leases.renew(batch.id(), 0);
            return batches.reserve(batch, chunk);
        });
    }

    private void store(
            BatchStore.Batch batch,
            String unitName,
            List<CertificateStore.Issued> done,
            IssuanceStatistics.Batch stats) {
        List<Long> items = done.stream().map(c -> c.work().itemId()).toList();
        retry.invoke(() -> transaction.executeWithoutResult(s -> {
            if (batches.allIssued(items)) {
                // an earlier attempt committed although its connection was lost before it could say so
                return;
            }
            leases.renew(batch.id(), done.size());
            chunks.write(batch, unitName, done, stats);
        }));
    }

    private void finish(BatchStore.Batch batch) {
        retry.invoke(() -> transaction.executeWithoutResult(s -> {
            if (leases.complete(batch.id())) {
                audit.record(AuditEntry.action(Operators.AUDIT_BATCH_COMPLETED)
                        .by(IssuedChunks.starterActor(batch.starter()))
                        .from(null)
                        .target("CERTIFICATE_BATCH", batch.id())
                        .detail(batch.total() + " 张")
                        .build());
                log.info(
                        "Certificate batch {}: completed ({} certificates); on this node: {}",
                        batch.id(),
                        batch.total(),
                        statistics(batch.id()));
            }
        }));
    }

    private void interrupt(long batchId, String problem) {
        try {
            retry.invoke(() -> transaction.executeWithoutResult(s -> leases.interrupt(batchId, problem)));
        } catch (RuntimeException e) {
            log.warn(
                    "Certificate batch {}: could not record the interruption ({}); its lease runs out",
                    batchId,
                    e.toString());
        }
    }

    /**
     * What the operator is told: the token, the time-stamp authority, or something else went wrong. The token counts
     * first: the platform TSA signs with the same token, so a token failure also surfaces as a failed time stamp.
     */
    private static String problemOf(Throwable e) {
        String problem = PROBLEM_FAILED;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TokenUnavailableException) {
                return PROBLEM_TOKEN;
            }
            if (t instanceof UnprintableText) {
                return PROBLEM_UNPRINTABLE;
            }
            if (t instanceof TimeStampUnavailableException) {
                problem = PROBLEM_TIME_STAMP;
            }
        }
        return problem;
    }

    /**
     * Whether the unit still holds issuing authority for every level of the batch (read anew: the bureau may have
     * suspended or withdrawn one on any node).
     */
    private boolean authorised(BatchStore.Batch batch, Set<String> levels) {
        return authorities.mayIssue(batch.unitId(), levels);
    }

    /** Whether the seal may still sign (read anew: the bureau may have revoked it on any node). */
    private boolean stillInForce(ElectronicSeal seal) {
        ElectronicSeals available = seals.getIfAvailable();
        return available != null && available.find(seal.id()).isPresent();
    }

    @PreDestroy
    void stop() {
        stopping = true;
        batchPool.shutdownNow();
        signing.stop();
    }

    /** The unit's seal in force; none while the seal feature has no electronic seals (or none for the unit). */
    private java.util.Optional<cn.hrss.zcrd.seal.ElectronicSeal> sealInForce(long unitId) {
        ElectronicSeals available = seals.getIfAvailable();
        return available == null ? java.util.Optional.empty() : available.inForce(unitId);
    }
}

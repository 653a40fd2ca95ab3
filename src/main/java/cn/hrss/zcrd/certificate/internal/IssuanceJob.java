package cn.hrss.zcrd.certificate.internal;

import cn.hrss.zcrd.audit.ActorKind;
import cn.hrss.zcrd.audit.AuditActor;
import cn.hrss.zcrd.audit.AuditEntry;
import cn.hrss.zcrd.audit.AuditTrail;
import cn.hrss.zcrd.audit.AuthenticatedBy;
import cn.hrss.zcrd.certificate.CertificateContent;
import cn.hrss.zcrd.certificate.CertificateStatus;
import cn.hrss.zcrd.declaration.Actor;
import cn.hrss.zcrd.declaration.DeclarationAction;
import cn.hrss.zcrd.declaration.DeclarationCertification;
import cn.hrss.zcrd.seal.ElectronicSeal;
import cn.hrss.zcrd.seal.ElectronicSeals;
import cn.hrss.zcrd.shared.DatabaseFailover;
import cn.hrss.zcrd.shared.IdNumber;
import cn.hrss.zcrd.signing.TimeStampUnavailableException;
import cn.hrss.zcrd.signing.TokenUnavailableException;
import cn.hrss.zcrd.unit.IssuingAuthorities;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.net.InetAddress;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
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
 * <p>One run of a batch, on the node holding its lease (owner + expiry in the batch row, renewed in every
 * transaction of the run; a transaction that finds the lease gone rolls back and the run stops):
 * <ol>
 *   <li>items that already have a number but no certificate (left by a crash or a token failure) are done first;
 *   otherwise numbers are reserved for the next chunk of items under the unit/year counter's row lock
 *   ({@code SELECT … FOR UPDATE}) in a short transaction;</li>
 *   <li>the chunk is rendered and signed in parallel on the bounded signing pool, outside any transaction, while
 *   the chunk before it is being stored ({@link #CHUNKS_AHEAD} chunks are signed ahead of the one being stored);</li>
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
 * <p>Meters (docs/operations.md): {@value #ISSUED} counts the certificates this node stored, by business
 * ({@code full-time-recognition}, {@code transfer-in}) and issuance ({@code first}, {@code reissue}, {@code correct});
 * {@value #RUNNING} and {@value #REMAINING} show the batches this node runs and the certificates they still lack.
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

    static final String ISSUED = "zcrd.certificates.issued";
    static final String RUNNING = "zcrd.issuance.batches.running";
    static final String REMAINING = "zcrd.issuance.certificates.remaining";

    private final BatchStore batches;
    private final CertificateStore certificates;
    private final CertificateDocuments documents;
    private final ObjectProvider<ElectronicSeals> seals;
    private final DeclarationCertification certification;
    private final Operators operators;
    private final IssuingAuthorities authorities;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    /** Re-runs a transaction interrupted by a database failover (each of the job's transactions is idempotent). */
    private final RetryTemplate retry = DatabaseFailover.idempotentRetry();

    private final IssuanceProperties properties;
    private final String verificationBase;
    private final Clock clock;
    private final String node;
    private final ExecutorService batchPool;
    private final ExecutorService signingPool;
    private final Set<Long> running = ConcurrentHashMap.newKeySet();
    private final Map<Long, Statistics> statistics = new ConcurrentHashMap<>();
    /** Per batch run on this node: certificates it still lacks. */
    private final Map<Long, AtomicInteger> remaining = new ConcurrentHashMap<>();

    private final MeterRegistry meters;
    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();
    private volatile boolean stopping;

    IssuanceJob(
            BatchStore batches,
            CertificateStore certificates,
            CertificateDocuments documents,
            ObjectProvider<ElectronicSeals> seals,
            DeclarationCertification certification,
            Operators operators,
            IssuingAuthorities authorities,
            AuditTrail audit,
            PlatformTransactionManager transactions,
            IssuanceProperties properties,
            @Value("${zcrd.verification.base-url}") String verificationBase,
            Clock clock,
            MeterRegistry meters) {
        this.batches = batches;
        this.meters = meters;
        this.certificates = certificates;
        this.documents = documents;
        this.seals = seals;
        this.certification = certification;
        this.operators = operators;
        this.authorities = authorities;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
        this.properties = properties;
        this.verificationBase = verificationBase.endsWith("/")
                ? verificationBase.substring(0, verificationBase.length() - 1)
                : verificationBase;
        this.clock = clock;
        this.node = properties.nodeId() != null && !properties.nodeId().isBlank()
                ? properties.nodeId()
                : hostName() + "-" + UUID.randomUUID().toString().substring(0, 8);
        this.batchPool =
                Executors.newFixedThreadPool(Math.max(1, properties.batchWorkers()), threads("certificate-batch-"));
        this.signingPool =
                Executors.newFixedThreadPool(properties.effectiveSigningThreads(), threads("certificate-sign-"));
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

    /** This node's name in batch leases. */
    public String node() {
        return node;
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
        Statistics s = statistics.get(batchId);
        return s == null ? "none on this node" : s.toString();
    }

    private static final class Statistics {
        final java.util.concurrent.atomic.AtomicLong reserveNanos = new java.util.concurrent.atomic.AtomicLong();
        final java.util.concurrent.atomic.AtomicLong signNanos = new java.util.concurrent.atomic.AtomicLong();
        final java.util.concurrent.atomic.AtomicLong storeNanos = new java.util.concurrent.atomic.AtomicLong();
        final java.util.concurrent.atomic.AtomicLong storeCpuNanos = new java.util.concurrent.atomic.AtomicLong();
        final java.util.concurrent.atomic.AtomicLong insertNanos = new java.util.concurrent.atomic.AtomicLong();
        final java.util.concurrent.atomic.AtomicLong certifyNanos = new java.util.concurrent.atomic.AtomicLong();
        final AtomicInteger certificates = new AtomicInteger();

        @Override
        public String toString() {
            int n = Math.max(1, certificates.get());
            return String.format(
                    "%d certificates; numbering+reading %.0f ms (%.2f ms/cert), waiting for PDF+signature %.0f ms "
                            + "(%.2f ms/cert wall), storing %.0f ms (%.2f ms/cert; inserts %.2f, certifying declarations %.2f, "
                            + "the rest lease, audit and commit; CPU of this JVM's storing thread %.2f ms/cert)",
                    certificates.get(),
                    reserveNanos.get() / 1e6,
                    reserveNanos.get() / 1e6 / n,
                    signNanos.get() / 1e6,
                    signNanos.get() / 1e6 / n,
                    storeNanos.get() / 1e6,
                    storeNanos.get() / 1e6 / n,
                    insertNanos.get() / 1e6 / n,
                    certifyNanos.get() / 1e6 / n,
                    storeCpuNanos.get() / 1e6 / n);
        }
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
            for (long id : batches.resumable(node, clock.instant())) {
                if (!running.contains(id)) {
                    dispatch(id);
                }
            }
        } catch (RuntimeException e) {
            log.warn("Looking for certificate batches to resume failed: {}", e.toString());
        }
    }

    void run(long batchId) {
        if (!retry.invoke(
                () -> transaction.execute(s -> batches.acquire(batchId, node, clock.instant(), leaseEnd())))) {
            return;
        }
        log.info("Certificate batch {}: running on node {}", batchId, node);
        BatchStore.Batch batch = retry.invoke(() -> batches.find(batchId)).orElseThrow();
        AtomicInteger toDo = new AtomicInteger(Math.max(0, batch.total() - batch.issued()));
        remaining.put(batchId, toDo);
        String unitName = operators.unitName(batch.unitId());
        int chunk = Math.max(1, properties.chunkSize());
        Statistics stats = statistics.computeIfAbsent(batchId, id -> new Statistics());
        if (statistics.size() > 1000) {
            statistics.keySet().removeIf(id -> id < batchId - 1000);
        }
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
                        inFlight.add(new InFlight(work, submit(work, seal, batch, unitName)));
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
                long t0 = System.nanoTime();
                Signed signed = collect(current.signing());
                stats.signNanos.addAndGet(System.nanoTime() - t0);
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
                long t2 = System.nanoTime();
                long cpu = THREADS.getCurrentThreadCpuTime();
                if (!signed.done().isEmpty()) {
                    store(batch, unitName, signed.done(), stats);
                    counted(signed.done());
                    toDo.addAndGet(-signed.done().size());
                }
                stats.storeNanos.addAndGet(System.nanoTime() - t2);
                stats.storeCpuNanos.addAndGet(THREADS.getCurrentThreadCpuTime() - cpu);
                stats.certificates.addAndGet(signed.done().size());
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
        } catch (LeaseLost e) {
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

    /** The certificates just stored (committed), counted for the monitoring system. */
    private void counted(List<CertificateStore.Issued> stored) {
        for (CertificateStore.Issued c : stored) {
            BatchStore.Work w = c.work();
            Counter.builder(ISSUED)
                    .description("certificates signed and stored on this node")
                    .tag("business", word(w.business()))
                    .tag(
                            "issuance",
                            w.succession() == null ? "first" : word(BatchStore.Succession.valueOf(w.succession())))
                    .register(meters)
                    .increment();
        }
    }

    private static String word(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** A chunk handed to the signing pool. */
    private record InFlight(List<BatchStore.Work> work, List<Future<CertificateStore.Issued>> signing) {}

    /**
     * The next chunk after number {@code afterSequence}: items numbered but not stored yet (left by an earlier run)
     * first, else a fresh reservation. Empty when every item is numbered and the numbered ones are all taken.
     */
    private List<BatchStore.Work> nextWork(BatchStore.Batch batch, int afterSequence, int chunk, Statistics stats) {
        long t0 = System.nanoTime();
        try {
            return retry.invoke(() -> {
                List<BatchStore.Work> work = batches.reservedWork(batch.id(), afterSequence, chunk);
                if (work.isEmpty() && reserve(batch, chunk) > 0) {
                    work = batches.reservedWork(batch.id(), afterSequence, chunk);
                }
                return work;
            });
        } finally {
            stats.reserveNanos.addAndGet(System.nanoTime() - t0);
        }
    }

    /** Numbers for the next chunk (a deadlock victim or a lost connection: {@link #nextWork} runs it again). */
    private int reserve(BatchStore.Batch batch, int chunk) {
        return transaction.execute(s -> {
            requireLease(batch.id(), 0);
            return batches.reserve(batch, chunk);
        });
    }

    private record Signed(List<CertificateStore.Issued> done, Throwable failure) {}

    /** Starts rendering and signing the chunk on the bounded signing pool. */
    private List<Future<CertificateStore.Issued>> submit(
            List<BatchStore.Work> work, ElectronicSeal seal, BatchStore.Batch batch, String unitName) {
        List<Future<CertificateStore.Issued>> futures = new ArrayList<>(work.size());
        for (BatchStore.Work w : work) {
            futures.add(signingPool.submit(() -> make(w, seal, batch, unitName)));
        }
        return futures;
    }

    /** Waits for the chunk; keeps every success and the first failure. */
    private Signed collect(List<Future<CertificateStore.Issued>> futures) {
        List<CertificateStore.Issued> done = new ArrayList<>(futures.size());
        Throwable failure = null;
        for (Future<CertificateStore.Issued> f : futures) {
            try {
                done.add(f.get());
            } catch (ExecutionException e) {
                failure = failure == null ? e.getCause() : failure;
            } catch (java.util.concurrent.CancellationException e) {
                failure = failure == null ? e : failure;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                futures.forEach(x -> x.cancel(true));
                failure = failure == null ? e : failure;
                break;
            }
        }
        return new Signed(done, failure);
    }

    private CertificateStore.Issued make(
            BatchStore.Work w, ElectronicSeal seal, BatchStore.Batch batch, String unitName) {
        CertificateContent content = new CertificateContent(
                w.holderName(),
                IdNumber.masked(w.idNumber()),
                w.titleName(),
                w.seriesName(),
                w.specialtyName(),
                w.levelName(),
                batch.publishDate(),
                unitName,
                w.number().value(),
                w.original());
        SignedCertificatePdf pdf = documents.make(content, verificationAddress(w), seal);
        String sha256 = sha256(pdf.pdf());
        if (pdf.pdf().length == 0 || !sha256.equalsIgnoreCase(pdf.sha256())) {
            throw new IllegalStateException("certificate " + w.number() + ": PDF and its SHA-256 disagree");
        }
        return new CertificateStore.Issued(w, pdf.pdf(), sha256, seal.id());
    }

    URI verificationAddress(BatchStore.Work w) {
        return URI.create(verificationBase + "/verify/c/" + w.number().value() + "?k=" + w.verificationKey());
    }

    private void store(BatchStore.Batch batch, String unitName, List<CertificateStore.Issued> done, Statistics stats) {
        List<Long> items = done.stream().map(c -> c.work().itemId()).toList();
        retry.invoke(() -> transaction.executeWithoutResult(s -> {
            if (batches.allIssued(items)) {
                // an earlier attempt committed although its connection was lost before it could say so
                return;
            }
            requireLease(batch.id(), done.size());
            Instant now = clock.instant();
            long t0 = System.nanoTime();
            certificates.insert(batch, unitName, done, now);
            batches.markIssued(items);
            List<CertificateStore.Replaced> replaced = certificates.replace(done);
            long t1 = System.nanoTime();
            stats.insertNanos.addAndGet(t1 - t0);
            BatchStore.Starter by = batch.starter();
            Actor issuer = Actor.ofUnit(by.accountId(), by.name(), batch.unitId());
            Map<Long, String> firsts = new java.util.HashMap<>();
            for (CertificateStore.Issued c : done) {
                if (!c.work().replaces()) {
                    firsts.put(c.work().declarationId(), c.work().number().value());
                }
            }
            certification.certify(firsts, issuer);
            for (CertificateStore.Replaced r : replaced) {
                BatchStore.Work w = r.successor().work();
                certification.certificateChanged(
                        w.declarationId(),
                        r.status() == CertificateStatus.REISSUED
                                ? DeclarationAction.REISSUE_CERTIFICATE
                                : DeclarationAction.CORRECT_CERTIFICATE,
                        w.number().value(),
                        w.successionReason(),
                        issuer);
            }
            stats.certifyNanos.addAndGet(System.nanoTime() - t1);
            List<String> numbers =
                    done.stream().map(c -> c.work().number().value()).sorted().toList();
            audit.record(AuditEntry.action(Operators.AUDIT_ISSUED)
                    .by(starterActor(by))
                    .from(null)
                    .target("CERTIFICATE_BATCH", batch.id())
                    .detail(done.size() + " 张：" + numbers.get(0) + " – " + numbers.get(numbers.size() - 1))
                    .build());
        }));
    }

    private void finish(BatchStore.Batch batch) {
        retry.invoke(() -> transaction.executeWithoutResult(s -> {
            if (batches.complete(batch.id(), node, clock.instant())) {
                audit.record(AuditEntry.action(Operators.AUDIT_BATCH_COMPLETED)
                        .by(starterActor(batch.starter()))
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
            retry.invoke(() ->
                    transaction.executeWithoutResult(s -> batches.interrupt(batchId, node, problem, clock.instant())));
        } catch (RuntimeException e) {
            log.warn(
                    "Certificate batch {}: could not record the interruption ({}); its lease runs out",
                    batchId,
                    e.toString());
        }
    }

    private void requireLease(long batchId, int issued) {
        if (!batches.renew(batchId, node, clock.instant(), leaseEnd(), issued)) {
            throw new LeaseLost();
        }
    }

    private Instant leaseEnd() {
        return clock.instant().plus(properties.lease());
    }

    static AuditActor starterActor(BatchStore.Starter by) {
        return new AuditActor(
                ActorKind.BACK_OFFICE,
                by.accountId(),
                by.login(),
                by.ukey() ? AuthenticatedBy.UKEY : AuthenticatedBy.PASSWORD);
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

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @PreDestroy
    void stop() {
        stopping = true;
        batchPool.shutdownNow();
        signingPool.shutdownNow();
    }

    private static final class LeaseLost extends RuntimeException {
        LeaseLost() {
            super("lease lost", null, false, false);
        }
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "node";
        }
    }

    /** The unit's seal in force; none while the seal feature has no electronic seals (or none for the unit). */
    private java.util.Optional<cn.hrss.zcrd.seal.ElectronicSeal> sealInForce(long unitId) {
        ElectronicSeals available = seals.getIfAvailable();
        return available == null ? java.util.Optional.empty() : available.inForce(unitId);
    }
}

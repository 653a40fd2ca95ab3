package cn.hrss.zcrd.certificate;

import cn.hrss.zcrd.certificate.internal.ArchiveJob;
import cn.hrss.zcrd.certificate.internal.IssuanceJob;
import cn.hrss.zcrd.seal.SealFixtures;
import cn.hrss.zcrd.signing.SignatureToken;
import cn.hrss.zcrd.support.IntegrationTest;
import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Not a test: run by {@code ops/bench/issue}. In one run (a) raw signatures per second through SunPKCS11 with a
 * unit's electronic-seal key ({@code SHA256withRSA} over a 32-byte digest, as many threads as the job signs with),
 * (b) end to end certificates per second for a batch of {@code bench.certificates} (1,000) library entries: numbers,
 * PDF, signature, storage on MariaDB, as {@code CertificateIssuance.start} runs it; then the ratio b/a, the average
 * signed PDF size, the heap peak and the peak RSS of the JVM, and where the job spent its time.
 */
@IntegrationTest
class IssuanceBenchmark {

    @Autowired
    CertificateFixtures fixtures;

    static final int CERTIFICATES = Integer.getInteger("bench.certificates", 1_000);
    /** Warm-up batches of this size run until the JIT compilers are nearly idle (at most {@link #WARM_UP_MAX}). */
    static final int WARM_UP = Integer.getInteger("bench.warm-up", 500);

    static final int WARM_UP_MAX = Integer.getInteger("bench.warm-up-batches", 20);
    /** Nearly idle: the compilers' time during a warm-up batch is below this share of the batch's wall time. */
    static final double JIT_SETTLED = 0.05;

    static final double RAW_SECONDS = Double.parseDouble(System.getProperty("bench.raw-seconds", "5"));

    /** Runs of (a) then (b); the figures are their medians. */
    static final int RUNS = Integer.getInteger("bench.runs", 3);

    @Autowired
    CertificateIssuance issuance;

    @Autowired
    IssuanceJob job;

    @Autowired
    SignatureToken token;

    @Autowired
    ArchiveJob archive;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void issueABatch() throws Exception {
        CertificateFixtures.IssuingUnit unit = fixtures.issuingUnit("压测发证单位");
        int threads = Runtime.getRuntime().availableProcessors();
        System.out.printf("%nBENCH issue: %d cores, %d certificates%n", threads, CERTIFICATES);

        // warm-up until the JIT has settled, so that (b) is what a running server does: on 2 cores the one C2
        // compiler thread otherwise spends a whole core for minutes on the start-up backlog (Spring, Hibernate …)
        SealFixtures.signIn(unit.ukeyOperator());
        warmUp(fixtures, unit);

        // (a) and (b) RUNS times in turn, each figure the median: on 2 cores the JIT and the token's speed make
        // single runs scatter by ±20 %
        double[] raws = new double[RUNS];
        double[] rates = new double[RUNS];
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long batch = 0;
        BatchProgress done = null;
        Map<String, Long> cpuBefore = Map.of();
        Map<String, Long> cpuAfter = Map.of();
        for (int run = 0; run < RUNS; run++) {
            raws[run] = rawSignatures(unit.seal().keyAlias(), threads);
            List<Long> entries = fixtures.seedEntries(unit, CERTIFICATES);
            cpuBefore = cpuByThreadKind();
            long start = System.nanoTime();
            batch = issuance.start(entries, LocalDate.of(2026, 6, 30));
            done = awaitCompleted(batch);
            double seconds = (System.nanoTime() - start) / 1e9;
            cpuAfter = cpuByThreadKind();
            rates[run] = done.issued() / seconds;
            System.out.printf(
                    "BENCH issue: run %d: (a) raw signatures, %d threads: %.0f /s; (b) end to end: %d certificates in"
                            + " %.1f s = %.1f /s; b/a = %.3f%n",
                    run + 1, threads, raws[run], done.issued(), seconds, rates[run], rates[run] / raws[run]);
        }
        double raw = median(raws);
        double endToEnd = median(rates);
        System.out.printf(
                "BENCH issue: (a) raw signatures through SunPKCS11, %d threads: %.0f /s (median of %d)%n",
                threads, raw, RUNS);
        System.out.printf("BENCH issue: (b) end to end: %.1f /s (median of %d)%n", endToEnd, RUNS);
        System.out.printf("BENCH issue: ratio b/a = %.3f (medians)%n", endToEnd / raw);
        long heapPeak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        Double pdfSize = jdbc.queryForObject(
                "SELECT AVG(pdf_size) FROM title_certificate WHERE batch_id = ?", Double.class, batch);
        byte[] sample = jdbc.queryForObject(
                "SELECT p.pdf FROM title_certificate_pdf p JOIN title_certificate c "
                        + "ON c.id = p.certificate_id WHERE c.batch_id = ? ORDER BY c.id LIMIT 1",
                byte[].class,
                batch);
        Files.write(Path.of("target/issue-bench-sample.pdf"), sample);
        System.out.printf(
                "BENCH issue: signed PDF %.1f KB per certificate (a sample: target/issue-bench-sample.pdf)%n",
                pdfSize / 1024);
        System.out.printf(
                "BENCH issue: heap peak (sum of pool peaks) %d MB, JVM peak RSS %s%n", heapPeak >> 20, peakRss());
        System.out.printf("BENCH issue: job time: %s%n", job.statistics(batch));
        StringBuilder cpu = new StringBuilder();
        for (Map.Entry<String, Long> after : cpuAfter.entrySet()) {
            double ms = (after.getValue() - cpuBefore.getOrDefault(after.getKey(), 0L))
                    * 1000.0
                    / CLOCK_TICKS
                    / done.issued();
            if (ms >= 0.01) {
                cpu.append(cpu.isEmpty() ? "" : ", ").append(String.format("%s %.2f", after.getKey(), ms));
            }
        }
        System.out.printf("BENCH issue: CPU per certificate of the last run (ms, user+system, from /proc): %s%n", cpu);

        // (c) PAdES-BASELINE-LTA follows issuance as a job (off in the test context's schedule): its rate over the
        // batch just issued, with its configured threads as it runs, against (b)
        long archiveStart = System.nanoTime();
        ArchiveJob.Run archived = archive.run(java.time.Instant.now(), CERTIFICATES);
        double archiveSeconds = (System.nanoTime() - archiveStart) / 1e9;
        Double ltaSize = jdbc.queryForObject(
                "SELECT AVG(pdf_size) FROM title_certificate WHERE batch_id = ? AND evidence_until IS NOT NULL",
                Double.class,
                batch);
        System.out.printf(
                "BENCH issue: (c) archive time-stamps (PAdES-BASELINE-LTA) by the job (zcrd.certificate.archive.threads): %d done, %d failed"
                        + " in %.1f s = %.1f /s = %.2f x (b); %.1f KB per PDF after it%n",
                archived.done(),
                archived.failed(),
                archiveSeconds,
                archived.done() / archiveSeconds,
                archived.done() / archiveSeconds / endToEnd,
                ltaSize == null ? 0 : ltaSize / 1024);
        System.out.printf("BENCH issue: (c) archive job time: %s%n", archive.statistics());
        SealFixtures.signOut();
    }

    private void warmUp(CertificateFixtures fixtures, CertificateFixtures.IssuingUnit unit) {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        for (int round = 1; round <= WARM_UP_MAX; round++) {
            List<Long> entries = fixtures.seedEntries(unit, WARM_UP);
            long compiling = jit.getTotalCompilationTime();
            long start = System.nanoTime();
            awaitCompleted(issuance.start(entries, LocalDate.of(2025, 12, 31)));
            double ms = (System.nanoTime() - start) / 1e6;
            double jitShare = (jit.getTotalCompilationTime() - compiling) / ms;
            System.out.printf(
                    "BENCH issue: warm-up batch %d: %d certificates, %.1f /s, JIT compiling %.0f%% of the " + "time%n",
                    round, WARM_UP, WARM_UP / ms * 1000, 100 * jitShare);
            if (jitShare < JIT_SETTLED) {
                return;
            }
        }
        System.out.printf("BENCH issue: the JIT has not settled after %d warm-up batches%n", WARM_UP_MAX);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private double rawSignatures(String alias, int threads) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest("bench".getBytes());
        AtomicLong count = new AtomicLong();
        long end = System.nanoTime() + (long) (RAW_SECONDS * 1e9);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            pool.execute(() -> {
                while (System.nanoTime() < end) {
                    token.sign(alias, "SHA256withRSA", digest);
                    count.incrementAndGet();
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(5, TimeUnit.MINUTES);
        return count.get() / ((System.nanoTime() - start) / 1e9);
    }

    private BatchProgress awaitCompleted(long batch) {
        return CertificateFixtures.await("batch " + batch, Duration.ofMinutes(30), () -> {
            BatchProgress p = issuance.progress(batch);
            return p.finished() ? p : null;
        });
    }

    private static final long CLOCK_TICKS = 100;

    /**
     * CPU time so far (clock ticks) of this JVM's threads grouped by kind (the name without its number: signing
     * pool, batch worker, GC, JIT …) and of the MariaDB server when it runs on this machine.
     */
    private static Map<String, Long> cpuByThreadKind() throws IOException {
        Map<String, Long> ticks = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            tasks.forEach(task -> {
                String[] stat = statFields(task.resolve("stat"));
                if (stat != null) {
                    String kind =
                            "jvm:" + stat[0].replaceAll("[#\\-]?\\d+$", "").strip();
                    ticks.merge(kind, Long.parseLong(stat[12]) + Long.parseLong(stat[13]), Long::sum);
                }
            });
        }
        ProcessHandle.allProcesses()
                .filter(p -> p.info().command().orElse("").endsWith("/mariadbd"))
                .forEach(p -> {
                    String[] stat = statFields(Path.of("/proc", String.valueOf(p.pid()), "stat"));
                    if (stat != null) {
                        ticks.merge("mariadbd", Long.parseLong(stat[12]) + Long.parseLong(stat[13]), Long::sum);
                    }
                });
        return ticks;
    }

    /** The fields of a /proc stat line: [0] the name, then state, ppid …; utime and stime are [12] and [13]. */
    private static String[] statFields(Path stat) {
        try {
            String line = Files.readString(stat);
            int open = line.indexOf('('), close = line.lastIndexOf(')');
            String[] rest = line.substring(close + 2).split(" ");
            String[] fields = new String[rest.length + 1];
            fields[0] = line.substring(open + 1, close);
            System.arraycopy(rest, 0, fields, 1, rest.length);
            return fields;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String peakRss() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(l -> l.startsWith("VmHWM"))
                    .map(l -> l.replaceAll("\\s+", " ").substring(6).strip())
                    .findFirst()
                    .orElse("?");
        } catch (Exception e) {
            return "?";
        }
    }
}

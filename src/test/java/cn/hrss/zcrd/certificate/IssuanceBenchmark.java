package cn.hrss.zcrd.certificate;

import cn.hrss.zcrd.account.Applicants;
import cn.hrss.zcrd.account.BackOfficeAccounts;
import cn.hrss.zcrd.certificate.internal.IssuanceJob;
import cn.hrss.zcrd.declaration.Declarations;
import cn.hrss.zcrd.review.ReviewDecisions;
import cn.hrss.zcrd.review.ReviewFixtures;
import cn.hrss.zcrd.seal.ElectronicSeals;
import cn.hrss.zcrd.seal.SealFixtures;
import cn.hrss.zcrd.seal.internal.SealImpressionDesk;
import cn.hrss.zcrd.signing.SignatureToken;
import cn.hrss.zcrd.support.IntegrationTest;
import cn.hrss.zcrd.unit.IssuingAuthorities;
import cn.hrss.zcrd.unit.ReportingPaths;
import cn.hrss.zcrd.unit.Units;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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

    static final int CERTIFICATES = Integer.getInteger("bench.certificates", 1_000);
    static final double RAW_SECONDS = Double.parseDouble(System.getProperty("bench.raw-seconds", "5"));

    @Autowired CertificateIssuance issuance;
    @Autowired IssuanceJob job;
    @Autowired SignatureToken token;
    @Autowired Declarations declarations;
    @Autowired ReviewDecisions decisions;
    @Autowired Applicants applicants;
    @Autowired Units units;
    @Autowired ReportingPaths paths;
    @Autowired IssuingAuthorities authorities;
    @Autowired BackOfficeAccounts accounts;
    @Autowired SealImpressionDesk seals;
    @Autowired ElectronicSeals electronicSeals;
    @Autowired JdbcTemplate jdbc;

    @Test
    void issueABatch() throws Exception {
        CertificateFixtures fixtures = new CertificateFixtures(new ReviewFixtures(applicants, units, declarations,
                paths, authorities, accounts), decisions, seals, electronicSeals, accounts, jdbc);
        CertificateFixtures.IssuingUnit unit = fixtures.issuingUnit("压测发证单位");
        int threads = Runtime.getRuntime().availableProcessors();
        System.out.printf("%nBENCH issue: %d cores, %d certificates%n", threads, CERTIFICATES);

        // warm-up: a small batch (JIT, font, token key handles, connection pool)
        SealFixtures.signIn(unit.ukeyOperator());
        awaitCompleted(issuance.start(fixtures.seedEntries(unit, 50), LocalDate.of(2025, 12, 31)));

        double raw = rawSignatures(unit.seal().keyAlias(), threads);
        System.out.printf("BENCH issue: (a) raw signatures through SunPKCS11, %d threads: %.0f /s%n", threads, raw);

        List<Long> entries = fixtures.seedEntries(unit, CERTIFICATES);
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        long batch = issuance.start(entries, LocalDate.of(2026, 6, 30));
        BatchProgress done = awaitCompleted(batch);
        double seconds = (System.nanoTime() - start) / 1e9;
        double endToEnd = done.issued() / seconds;
        long heapPeak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        Double pdfSize = jdbc.queryForObject("SELECT AVG(pdf_size) FROM title_certificate WHERE batch_id = ?",
                Double.class, batch);
        System.out.printf("BENCH issue: (b) end to end: %d certificates in %.1f s = %.1f /s%n", done.issued(), seconds,
                endToEnd);
        System.out.printf("BENCH issue: ratio b/a = %.3f%n", endToEnd / raw);
        System.out.printf("BENCH issue: signed PDF %.1f KB per certificate%n", pdfSize / 1024);
        System.out.printf("BENCH issue: heap peak (sum of pool peaks) %d MB, JVM peak RSS %s%n", heapPeak >> 20,
                peakRss());
        System.out.printf("BENCH issue: job time: %s%n", job.statistics(batch));
        SealFixtures.signOut();
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

    private static String peakRss() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM"))
                    .map(l -> l.replaceAll("\\s+", " ").substring(6).strip()).findFirst().orElse("?");
        } catch (Exception e) {
            return "?";
        }
    }
}

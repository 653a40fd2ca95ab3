package cn.hrss.zcrd.certificate.internal;

import cn.hrss.zcrd.certificate.CertificateContent;
import cn.hrss.zcrd.seal.ElectronicSeal;
import cn.hrss.zcrd.signing.CertificateAuthority;
import cn.hrss.zcrd.signing.SignatureToken;
import cn.hrss.zcrd.support.IntegrationTest;
import cn.hrss.zcrd.support.TestFonts;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Not a test: run by {@code ops/bench/certificate-pdf}. Prints certificates/s of {@link CertificateDocuments#make}
 * with 1 and 2 threads over {@code bench.certificates} (1,000) certificates each, raw token signatures/s with the
 * same key, the PDF size and the heap's peak.
 */
@IntegrationTest
class CertificatePdfBenchmark {

    static final int CERTIFICATES = Integer.getInteger("bench.certificates", 1_000);

    @Autowired
    CertificateDocuments documents;

    @Autowired
    SignatureToken token;

    @Autowired
    CertificateAuthority authority;

    @Test
    void certificatesPerSecond() throws Exception {
        String alias = "bench-certificate-pdf-seal";
        ElectronicSeal seal = CertificatePdfIT.sealFor(token, authority, alias, "职称认定基准测试发证单位");
        URI address = URI.create("https://zcrd.example.gov.cn/verify?c=ZC-2026-000001&k=8f3a9c2e");

        System.out.printf(
                "%nBENCH certificate pdf: implementation %s%n",
                documents.getClass().getSimpleName());
        // warm-up (JIT, seal cache, token sessions)
        run(seal, address, 1, 300);
        resetPeaks();
        long pdfBytes = run(seal, address, 1, CERTIFICATES);
        run(seal, address, 2, CERTIFICATES);
        // names of rare characters (fallback fonts: three more font subsets per certificate), for comparison
        long rareBytes = run(seal, address, 1, CERTIFICATES / 2, "rare names, ", TestFonts.RARE_NAME);
        System.out.printf("BENCH certificate pdf: size %,d bytes per PDF with a rare name%n", rareBytes);
        System.out.printf("BENCH certificate pdf: size %,d bytes per PDF%n", pdfBytes);
        System.out.printf(
                "BENCH certificate pdf: heap peak %,d MB (max %,d MB)%n",
                heapPeak() >> 20, Runtime.getRuntime().maxMemory() >> 20);

        for (int threads : new int[] {1, 2}) {
            byte[] data = new byte[300];
            int n = CERTIFICATES * 2;
            long start = System.nanoTime();
            parallel(threads, n, i -> token.sign(alias, "SHA256withRSA", data).length);
            double s = (System.nanoTime() - start) / 1e9;
            System.out.printf(
                    "BENCH certificate pdf: raw token signatures, %d thread(s): %,.0f /s (%.2f ms CPU each)%n",
                    threads, n / s, lastCpuNanos.get() / 1e6 / n);
        }
    }

    private long run(ElectronicSeal seal, URI address, int threads, int n) throws Exception {
        return run(seal, address, threads, n, "", null);
    }

    /** @param name the holder's name of every certificate; null: common names */
    private long run(ElectronicSeal seal, URI address, int threads, int n, String what, String name) throws Exception {
        long start = System.nanoTime();
        AtomicLong size = new AtomicLong();
        parallel(threads, n, i -> {
            CertificateContent content = new CertificateContent(
                    name != null ? name : "欧阳" + "明华建国".charAt(i % 4) + "杰",
                    "370102********" + String.format("%04d", i % 10_000),
                    "工程师",
                    "工程",
                    "电子信息工程",
                    "中级",
                    LocalDate.of(2026, 11, 1 + i % 28),
                    "山东省人力资源和社会保障厅",
                    String.format("ZC-2026-%06d", i),
                    null);
            SignedCertificatePdf pdf = documents.make(content, address, seal);
            size.set(pdf.pdf().length);
            return pdf.pdf().length;
        });
        double s = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "BENCH certificate pdf: make(), %s%d thread(s), %,d certificates: %,.1f /s (%.2f ms wall,"
                        + " %.2f ms CPU each; load average %.1f)%n",
                what,
                threads,
                n,
                n / s,
                s * 1000 / n * threads,
                lastCpuNanos.get() / 1e6 / n,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        return size.get();
    }

    /** CPU time of the workers of the last {@link #parallel} run (token work is in-process native code: included). */
    private static final AtomicLong lastCpuNanos = new AtomicLong();

    private static void parallel(int threads, int n, Job job) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        lastCpuNanos.set(0);
        try {
            AtomicLong next = new AtomicLong();
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                    for (long i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                        job.run((int) i);
                    }
                    lastCpuNanos.addAndGet(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long heapPeak() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed())
                .sum();
    }

    @FunctionalInterface
    interface Job {
        int run(int i) throws Exception;
    }
}

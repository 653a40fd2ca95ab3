package cn.hrss.zcrd.verification.internal;

import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Not a test (never part of {@code ops/test}): {@code ops/bench/verify} runs it and prints figures. The fast
 * verifier alone on the genuine certificate of {@link SignedPdfVerifierTest}: no HTTP, no database.
 */
class SignedPdfVerifierBenchmark {

    @BeforeAll
    static void setUp() throws Exception {
        SignedPdfVerifierTest.setUp();
    }

    @Test
    void verificationsPerSecond() {
        for (int round = 0; round < 3; round++) {
            int n = 2000;
            var threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long cpu = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                SignedPdfVerifierTest.verifier.verify(SignedPdfVerifierTest.genuine, Instant.now());
            }
            double ms = (System.nanoTime() - start) / 1e6 / n;
            double cpuMs = (threads.getCurrentThreadCpuTime() - cpu) / 1e6 / n;
            System.out.printf(
                    Locale.ROOT,
                    "BENCH verifier (no HTTP, no DB, %,d-byte PDF): %.3f ms each (%.3f ms CPU), "
                            + "%.0f /s on one busy thread, about %.0f /s per core of its own%n",
                    SignedPdfVerifierTest.genuine.length,
                    ms,
                    cpuMs,
                    1000 / ms,
                    1000 / cpuMs);
        }
    }
}

package cn.hrss.zcrd.certificate.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Where this node's runs of each issuance batch spent their time (wall clock, and the CPU of the storing thread):
 * numbering, waiting for PDFs and signatures, storing. Read by {@code ops/bench/issue} and written to the log when a
 * batch completes; the last 1,000 batches are kept.
 */
final class IssuanceStatistics {

    private static final int KEPT = 1000;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Map<Long, Batch> batches = new ConcurrentHashMap<>();

    /** The batch's figures on this node, begun on its first run. */
    Batch of(long batchId) {
        Batch batch = batches.computeIfAbsent(batchId, id -> new Batch());
        if (batches.size() > KEPT) {
            batches.keySet().removeIf(id -> id < batchId - KEPT);
        }
        return batch;
    }

    /** The batch's figures as one line, or "none on this node". */
    String describe(long batchId) {
        Batch s = batches.get(batchId);
        return s == null ? "none on this node" : s.toString();
    }

    /** One batch's figures; every method may be called from any thread. */
    static final class Batch {
        private final AtomicLong reserveNanos = new AtomicLong();
        private final AtomicLong signNanos = new AtomicLong();
        private final AtomicLong storeNanos = new AtomicLong();
        private final AtomicLong storeCpuNanos = new AtomicLong();
        private final AtomicLong insertNanos = new AtomicLong();
        private final AtomicLong certifyNanos = new AtomicLong();
        private final AtomicInteger certificates = new AtomicInteger();

        <T> T reserving(Supplier<T> reservation) {
            long t0 = System.nanoTime();
            try {
                return reservation.get();
            } finally {
                reserveNanos.addAndGet(System.nanoTime() - t0);
            }
        }

        <T> T waitingForSignatures(Supplier<T> collection) {
            long t0 = System.nanoTime();
            T result = collection.get();
            signNanos.addAndGet(System.nanoTime() - t0);
            return result;
        }

        /** Times storing {@code certificates} certificates, wall clock and CPU of the calling thread. */
        void storing(int certificates, Runnable storing) {
            long t0 = System.nanoTime();
            long cpu = THREADS.getCurrentThreadCpuTime();
            storing.run();
            storeNanos.addAndGet(System.nanoTime() - t0);
            storeCpuNanos.addAndGet(THREADS.getCurrentThreadCpuTime() - cpu);
            this.certificates.addAndGet(certificates);
        }

        /** Inside storing: the inserts took {@code nanos}. */
        void inserted(long nanos) {
            insertNanos.addAndGet(nanos);
        }

        /** Inside storing: certifying the declarations took {@code nanos}. */
        void certified(long nanos) {
            certifyNanos.addAndGet(nanos);
        }

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
}

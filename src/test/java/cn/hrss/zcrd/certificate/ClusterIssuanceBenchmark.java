package cn.hrss.zcrd.certificate;

import cn.hrss.zcrd.support.Cluster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Not a test: run by {@code ops/bench/cluster-issue}. Issuance on the topology of {@code ops/cluster}, end to end
 * (numbers, PDF, signature in the shared token, storage through HAProxy on the writing Galera node): {@code
 * bench.certificates} (2,000) certificates as one batch on node 1 alone, and the same number as two batches of half,
 * one on each node at once (for the same unit, so both number from one counter row, or with {@code
 * -Dbench.two-units=true} each node for a unit of its own). The two kinds of run alternate in {@code bench.rounds}
 * rounds of one–two–two–one, so that whatever drifts during the benchmark (the tables growing past the buffer pool,
 * the machine's other load) weighs on both alike; each run prints its rate and the share of the machine's CPU time
 * left idle (from {@code /proc/stat}), and the end prints both kinds' rates over all their runs (certificates over
 * seconds) and their ratio (the goal: two nodes together at least 0.9 × one node on the same machine). Warm-up
 * batches on both nodes first, so that neither node's JIT compiles during a run.
 */
@Tag("cluster")
class ClusterIssuanceBenchmark {

    static final int CERTIFICATES = Integer.getInteger("bench.certificates", 2_000);
    static final int ROUNDS = Integer.getInteger("bench.rounds", 1);
    static final int WARM_UP = Integer.getInteger("bench.warm-up", 500);
    static final int WARM_UP_ROUNDS = Integer.getInteger("bench.warm-up-rounds", 3);
    static final boolean TWO_UNITS = Boolean.getBoolean("bench.two-units");
    /**
     * The batches are stored for a node that does not exist, then handed to theirs at the start of the clock: storing
     * a batch's items is the test's own work (statement by statement through HAProxy and Galera), not issuance.
     */
    static final String HELD = "bench-hold";

    private final Cluster cluster = Cluster.up();
    private final ClusterSeed seed = new ClusterSeed(cluster);
    private final ClusterSeed.Unit unit = seed.issuingUnit("集群压测单位");
    private final ClusterSeed.Unit otherUnit = TWO_UNITS ? seed.issuingUnit("集群压测单位乙") : unit;
    private int year = 2000;

    private final List<Run> oneNode = new ArrayList<>();
    private final List<Run> twoNodes = new ArrayList<>();

    @Test
    void oneNodeThenTwo() {
        System.out.printf(
                "%nBENCH cluster-issue: %d cores, %d certificates per run, %d round(s) of one-two-two-one%s%n",
                Runtime.getRuntime().availableProcessors(),
                CERTIFICATES,
                ROUNDS,
                TWO_UNITS ? ", each node for a unit of its own" : ", both nodes for one unit");
        for (int round = 1; round <= WARM_UP_ROUNDS; round++) {
            Run warm = run(unit, WARM_UP, 1, 2);
            System.out.printf("BENCH cluster-issue: warm-up %d: %d on each node, %s%n", round, WARM_UP, warm);
        }
        for (int round = 1; round <= ROUNDS; round++) {
            measureOne(round);
            measureTwo(round);
            measureTwo(round);
            measureOne(round);
        }
        double one = rate(oneNode);
        double two = rate(twoNodes);
        System.out.printf(
                "BENCH cluster-issue: one node %.1f /s | two nodes %.1f /s | ratio %.2f (goal >= 0.9 on one machine)%n",
                one, two, two / one);
    }

    private void measureOne(int round) {
        Run run = run(unit, CERTIFICATES, 1);
        oneNode.add(run);
        System.out.printf("BENCH cluster-issue: round %d, one node:  %s%n", round, run);
    }

    private void measureTwo(int round) {
        Run run = TWO_UNITS ? runTwoUnits(CERTIFICATES / 2) : run(unit, CERTIFICATES / 2, 1, 2);
        twoNodes.add(run);
        System.out.printf("BENCH cluster-issue: round %d, two nodes: %s%n", round, run);
    }

    /** Certificates per second over all the runs: all their certificates over all their seconds. */
    private static double rate(List<Run> runs) {
        return runs.stream().mapToInt(Run::certificates).sum()
                / runs.stream().mapToDouble(Run::seconds).sum();
    }

    private Run runTwoUnits(int size) {
        List<Long> a = seed.entries(unit, size);
        List<Long> b = seed.entries(otherUnit, size);
        int numberYear = year++;
        long one = seed.batchFor(HELD, unit, a, numberYear);
        long two = seed.batchFor(HELD, otherUnit, b, numberYear);
        CpuTime cpu = CpuTime.now();
        long start = System.nanoTime();
        seed.release(one, cluster.nodeId(1));
        seed.release(two, cluster.nodeId(2));
        seed.awaitCompleted(one, Duration.ofMinutes(30));
        seed.awaitCompleted(two, Duration.ofMinutes(30));
        return new Run(2 * size, (System.nanoTime() - start) / 1e9, cpu.idleShareSince());
    }

    /**
     * A batch of {@code size} for the unit on each of {@code nodes} at once (numbered in a year of its own), from the
     * moment the stored batches are handed to their nodes to the last one's completion (polled every 200 ms).
     */
    private Run run(ClusterSeed.Unit forUnit, int size, int... nodes) {
        List<List<Long>> entries =
                IntStream.of(nodes).mapToObj(n -> seed.entries(forUnit, size)).toList();
        int numberYear = year++;
        List<Long> batches = entries.stream()
                .map(items -> seed.batchFor(HELD, forUnit, items, numberYear))
                .toList();
        CpuTime cpu = CpuTime.now();
        long start = System.nanoTime();
        for (int i = 0; i < nodes.length; i++) {
            seed.release(batches.get(i), cluster.nodeId(nodes[i]));
        }
        for (long batch : batches) {
            seed.awaitCompleted(batch, Duration.ofMinutes(30));
        }
        return new Run(size * nodes.length, (System.nanoTime() - start) / 1e9, cpu.idleShareSince());
    }

    record Run(int certificates, double seconds, double idleShare) {
        @Override
        public String toString() {
            return String.format(
                    "%d in %.1f s, %.1f certificates/s, CPU idle %.0f %%",
                    certificates, seconds, certificates / seconds, 100 * idleShare);
        }
    }

    /** The machine's CPU time counters of {@code /proc/stat} (all cores): idle (with I/O wait) and total. */
    private record CpuTime(long idle, long total) {

        static CpuTime now() {
            try {
                String[] fields =
                        Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                long[] jiffies = Arrays.stream(fields, 1, fields.length)
                        .mapToLong(Long::parseLong)
                        .toArray();
                return new CpuTime(
                        jiffies[3] + jiffies[4], Arrays.stream(jiffies).sum());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        double idleShareSince() {
            CpuTime later = now();
            return (double) (later.idle - idle) / Math.max(1, later.total - total);
        }
    }
}

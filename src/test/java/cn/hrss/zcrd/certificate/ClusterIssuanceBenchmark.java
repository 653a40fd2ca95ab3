package cn.hrss.zcrd.certificate;

import cn.hrss.zcrd.support.Cluster;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Not a test: run by {@code ops/bench/cluster-issue}. Issuance on the topology of {@code ops/cluster}, end to end
 * (numbers, PDF, signature in the shared token, storage through HAProxy on the writing Galera node): {@code
 * bench.certificates} (2,000) certificates as one batch on node 1 alone, then the same number as two batches of half,
 * one on each node at once (for the same unit, or with {@code -Dbench.two-units=true} each node for a unit of its
 * own); the rates side by side and their ratio (the goal: two nodes together at least 0.9 × one
 * node on the same machine). Warm-up batches on both nodes first, so that neither node's JIT compiles during a run.
 */
@Tag("cluster")
class ClusterIssuanceBenchmark {

    static final int CERTIFICATES = Integer.getInteger("bench.certificates", 2_000);
    static final int WARM_UP = Integer.getInteger("bench.warm-up", 500);
    static final int WARM_UP_ROUNDS = Integer.getInteger("bench.warm-up-rounds", 3);

    @Test
    void oneNodeThenTwo() {
        Cluster cluster = Cluster.up();
        ClusterSeed seed = new ClusterSeed(cluster);
        ClusterSeed.Unit unit = seed.issuingUnit("集群压测单位");
        System.out.printf(
                "%nBENCH cluster-issue: %d cores, %d certificates per run%n",
                Runtime.getRuntime().availableProcessors(), CERTIFICATES);
        int year = 2000;
        for (int round = 1; round <= WARM_UP_ROUNDS; round++) {
            double rate = run(cluster, seed, unit, year++, WARM_UP, 1, 2);
            System.out.printf(
                    "BENCH cluster-issue: warm-up %d: %d on each node, %.1f /s together%n", round, WARM_UP, rate);
        }
        double one = run(cluster, seed, unit, year++, CERTIFICATES, 1);
        System.out.printf("BENCH cluster-issue: one node:  %.1f certificates/s%n", one);
        double two = Boolean.getBoolean("bench.two-units")
                ? runTwoUnits(cluster, seed, unit, seed.issuingUnit("集群压测单位乙"), year, CERTIFICATES / 2)
                : run(cluster, seed, unit, year, CERTIFICATES / 2, 1, 2);
        System.out.printf("BENCH cluster-issue: two nodes: %.1f certificates/s%n", two);
        System.out.printf(
                "BENCH cluster-issue: one node %.1f /s | two nodes %.1f /s | ratio %.2f (goal >= 0.9 on one machine)%n",
                one, two, two / one);
    }

    private static double runTwoUnits(
            Cluster cluster, ClusterSeed seed, ClusterSeed.Unit first, ClusterSeed.Unit second, int year, int size) {
        List<Long> a = seed.entries(first, size);
        List<Long> b = seed.entries(second, size);
        long start = System.nanoTime();
        long one = seed.batchFor(cluster.nodeId(1), first, a, year);
        long two = seed.batchFor(cluster.nodeId(2), second, b, year);
        seed.awaitCompleted(one, Duration.ofMinutes(30));
        seed.awaitCompleted(two, Duration.ofMinutes(30));
        return 2.0 * size / ((System.nanoTime() - start) / 1e9);
    }

    /**
     * Certificates per second for a batch of {@code size} on each of {@code nodes} at once (numbered in {@code year}),
     * from the batches' start to the last one's completion (polled every 200 ms).
     */
    private static double run(
            Cluster cluster, ClusterSeed seed, ClusterSeed.Unit unit, int year, int size, int... nodes) {
        List<List<Long>> entries = java.util.stream.IntStream.of(nodes)
                .mapToObj(n -> seed.entries(unit, size))
                .toList();
        long start = System.nanoTime();
        List<Long> batches = java.util.stream.IntStream.range(0, nodes.length)
                .mapToObj(i -> seed.batchFor(cluster.nodeId(nodes[i]), unit, entries.get(i), year))
                .toList();
        for (long batch : batches) {
            seed.awaitCompleted(batch, Duration.ofMinutes(30));
        }
        return (double) size * nodes.length / ((System.nanoTime() - start) / 1e9);
    }
}

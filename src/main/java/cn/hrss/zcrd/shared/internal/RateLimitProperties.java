package cn.hrss.zcrd.shared.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code zcrd.limits.*}: where the buckets live and each named limit.
 *
 * @param store              {@code database}: the shared limits in the table {@code rate_limit_bucket} of the
 *                           platform database (MySQL/MariaDB, all nodes); {@code memory}: every limit in this node's
 *                           memory (the H2 database of {@code ops/run})
 * @param unlimitedAddresses client addresses no limit applies to (an internal checker; the tests' own client)
 * @param maxKeysInMemory    keys kept per in-memory limit at most (least recently used ones go first)
 * @param rules              the limits by name
 */
@ConfigurationProperties("zcrd.limits")
public record RateLimitProperties(
        @DefaultValue("memory") Store store,
        @DefaultValue List<String> unlimitedAddresses,
        @DefaultValue("100000") int maxKeysInMemory,
        @DefaultValue Map<String, Rule> rules) {

    public enum Store {
        MEMORY,
        DATABASE
    }

    public enum Scope {
        /** one budget for all nodes (in the database when the store is {@code database}) */
        SHARED,
        /** each node its own budget, in memory (for what each node holds by itself, e.g. sessions) */
        NODE
    }

    /**
     * A token bucket per key: at most {@code capacity} at once, {@code refill} tokens back per {@code period}
     * (spread evenly over it).
     */
    public record Rule(
            int capacity,
            int refill,
            Duration period,
            @DefaultValue("shared") Scope scope) {

        public Rule {
            if (capacity < 1 || refill < 1 || period == null || period.isZero() || period.isNegative()) {
                throw new IllegalArgumentException("a limit needs capacity ≥ 1, refill ≥ 1 and a positive period: "
                        + capacity + ", " + refill + ", " + period);
            }
        }
    }
}

package cn.hrss.zcrd.shared.internal;

import cn.hrss.zcrd.shared.RateLimit;
import cn.hrss.zcrd.shared.RateLimits;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The named limits over two Bucket4j proxy managers: the shared store and this node's memory. */
final class Bucket4jRateLimits implements RateLimits {

    private final Map<String, RateLimit> limits = new TreeMap<>();

    Bucket4jRateLimits(RateLimitProperties properties, ProxyManager<String> shared, ProxyManager<String> node) {
        Set<String> unlimited = Set.copyOf(properties.unlimitedAddresses());
        properties
                .rules()
                .forEach((name, rule) -> limits.put(
                        name,
                        new BucketLimit(
                                name,
                                rule,
                                rule.scope() == RateLimitProperties.Scope.NODE ? node : shared,
                                unlimited)));
    }

    @Override
    public RateLimit named(String name) {
        RateLimit limit = limits.get(name);
        if (limit == null) {
            throw new IllegalStateException("no limit zcrd.limits.rules." + name + " is configured");
        }
        return limit;
    }

    /** One limit: its configuration and the buckets of its keys. */
    static final class BucketLimit implements RateLimit {

        private static final Logger LOG = LoggerFactory.getLogger(BucketLimit.class);
        /** Longer keys are stored by their hash (the id column holds 255 characters). */
        private static final int MAX_KEY = 160;

        private final String name;
        private final ProxyManager<String> buckets;
        private final Set<String> unlimited;
        /**
         * A changed configuration applies to buckets made after the change; a stored bucket is dropped once it has
         * refilled (see the expiry in {@link RateLimitConfiguration}), so at most one period later.
         */
        private final BucketConfiguration configuration;

        BucketLimit(String name, RateLimitProperties.Rule rule, ProxyManager<String> buckets, Set<String> unlimited) {
            this.name = name;
            this.buckets = buckets;
            this.unlimited = unlimited;
            this.configuration = BucketConfiguration.builder()
                    .addLimit(limit -> limit.capacity(rule.capacity()).refillGreedy(rule.refill(), rule.period()))
                    .build();
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Decision tryTake(String key) {
            if (unlimited.contains(key)) {
                return Decision.ALLOWED;
            }
            try {
                ConsumptionProbe probe = bucket(key).tryConsumeAndReturnRemaining(1);
                return probe.isConsumed()
                        ? Decision.ALLOWED
                        : new Decision(false, Duration.ofNanos(probe.getNanosToWaitForRefill()));
            } catch (RuntimeException e) {
                LOG.warn("limit {}: the bucket store failed, refusing ({})", name, e.toString());
                return new Decision(false, Duration.ofSeconds(5));
            }
        }

        @Override
        public Decision peek(String key) {
            if (unlimited.contains(key)) {
                return Decision.ALLOWED;
            }
            try {
                EstimationProbe probe = bucket(key).estimateAbilityToConsume(1);
                return probe.canBeConsumed()
                        ? Decision.ALLOWED
                        : new Decision(false, Duration.ofNanos(probe.getNanosToWaitForRefill()));
            } catch (RuntimeException e) {
                LOG.warn("limit {}: the bucket store failed, answering no room ({})", name, e.toString());
                return new Decision(false, Duration.ofSeconds(5));
            }
        }

        @Override
        public void giveBack(String key) {
            if (unlimited.contains(key)) {
                return;
            }
            try {
                bucket(key).addTokens(1);
            } catch (RuntimeException e) {
                LOG.warn("limit {}: the bucket store failed, a token was not given back ({})", name, e.toString());
            }
        }

        private BucketProxy bucket(String key) {
            return buckets.builder().build(storedKey(key), () -> configuration);
        }

        private String storedKey(String key) {
            String full = name + ":" + (key == null ? "" : key);
            if (full.length() <= MAX_KEY) {
                return full;
            }
            try {
                byte[] hash = MessageDigest.getInstance("SHA-256").digest(full.getBytes(StandardCharsets.UTF_8));
                return name + ":#" + HexFormat.of().formatHex(hash);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}

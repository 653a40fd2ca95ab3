package cn.hrss.zcrd.verification.internal;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per client address: {@code capacity} requests at once, refilled at {@code refillPerMinute}. The
 * map is bounded: when it holds {@code maxClients} addresses, the full (idle) buckets are dropped, and if that is
 * not enough, all of them (a flood of addresses then meets fresh buckets, which still limit each one).
 */
final class RateLimiter {

    private final double capacity;
    private final double refillPerNano;
    private final int maxClients;
    private final Set<String> unlimited;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(VerificationProperties.RateLimit limit) {
        this.capacity = Math.max(1, limit.capacity());
        this.refillPerNano = Math.max(1, limit.refillPerMinute()) / 60e9;
        this.maxClients = Math.max(100, limit.maxClients());
        this.unlimited = Set.copyOf(limit.unlimitedAddresses());
    }

    /** Takes one token of {@code client}'s bucket; false when it is empty. */
    boolean tryAcquire(String client, long nanoTime) {
        if (unlimited.contains(client)) {
            return true;
        }
        if (buckets.size() >= maxClients) {
            buckets.values().removeIf(b -> b.isFull(nanoTime));
            if (buckets.size() >= maxClients) {
                buckets.clear();
            }
        }
        return buckets.computeIfAbsent(client, c -> new Bucket(capacity, nanoTime))
                .take(nanoTime);
    }

    private final class Bucket {
        private double tokens;
        private long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }

        synchronized boolean take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            return false;
        }

        synchronized boolean isFull(long now) {
            refill(now);
            return tokens >= capacity;
        }

        private void refill(long now) {
            if (now > at) {
                tokens = Math.min(capacity, tokens + (now - at) * refillPerNano);
                at = now;
            }
        }
    }
}

package cn.hrss.zcrd.shared;

import java.time.Duration;

/**
 * One configured budget ({@code zcrd.limits.rules.<name>}): a token bucket per key, usually a client address.
 * Addresses listed in {@code zcrd.limits.unlimited-addresses} are never limited. When the bucket store cannot be
 * reached the answer is "no" (fail closed) and the problem is logged.
 *
 * <p>Never call it inside a database transaction: the shared store works on its own connection and commits at
 * once, so a budget once spent stays spent whatever the caller's transaction does.
 */
public interface RateLimit {

    /** The limit's name, as configured. */
    String name();

    /** Takes one token of {@code key}'s bucket. */
    Decision tryTake(String key);

    /** Whether {@code key}'s bucket holds a token now (and if not, for how long not), without taking it. */
    Decision peek(String key);

    /** Puts one token back (e.g. a failure budget after a success); never above the bucket's capacity. */
    void giveBack(String key);

    /**
     * The answer: allowed, or refused with the time until a token is back.
     *
     * @param retryAfter zero when allowed
     */
    record Decision(boolean allowed, Duration retryAfter) {

        public static final Decision ALLOWED = new Decision(true, Duration.ZERO);

        /** Whole seconds to wait (for a {@code Retry-After} header or a message): at least 1 when refused. */
        public long retryAfterSeconds() {
            if (allowed) {
                return 0;
            }
            long seconds = retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0);
            return Math.max(1, seconds);
        }

        /** Whole minutes to wait, at least 1 when refused (for messages). */
        public long retryAfterMinutes() {
            return allowed ? 0 : Math.max(1, (retryAfterSeconds() + 59) / 60);
        }
    }
}

package cn.hrss.zcrd.signing.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * The signing module's latency timers: tag {@code outcome} (success|error) and a few fixed histogram buckets, so a
 * monitoring system can draw the share of slow calls without a bucket per millisecond.
 */
final class LatencyTimers {

    private static final Duration[] BUCKETS = {
        Duration.ofMillis(2),
        Duration.ofMillis(10),
        Duration.ofMillis(50),
        Duration.ofMillis(250),
        Duration.ofSeconds(1),
        Duration.ofSeconds(5)
    };

    private LatencyTimers() {}

    static Timer register(MeterRegistry meters, String name, String description, String outcome, String... tags) {
        return Timer.builder(name)
                .description(description)
                .tags(tags)
                .tag("outcome", outcome)
                .serviceLevelObjectives(BUCKETS)
                .register(meters);
    }
}

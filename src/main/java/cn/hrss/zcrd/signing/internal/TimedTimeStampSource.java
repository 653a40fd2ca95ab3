package cn.hrss.zcrd.signing.internal;

import cn.hrss.zcrd.signing.TimeStampSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Times every time stamp the platform asks for ({@value #NAME}, tags {@code source}: platform|external and
 * {@code outcome}: success|error) — for an external TSA the whole exchange with its retries, as the issuing job
 * waits for it.
 */
final class TimedTimeStampSource implements TimeStampSource {

    static final String NAME = "zcrd.tsa.time-stamp";

    private final TimeStampSource source;
    private final MeterRegistry meters;
    private final Timer stamped;
    private final Timer failed;

    TimedTimeStampSource(TimeStampSource source, String kind, MeterRegistry meters) {
        this.source = source;
        this.meters = meters;
        String description = "time-stamp tokens obtained for the platform's signatures";
        this.stamped = LatencyTimers.register(meters, NAME, description, "success", "source", kind);
        this.failed = LatencyTimers.register(meters, NAME, description, "error", "source", kind);
    }

    @Override
    public byte[] timeStampToken(byte[] sha256Imprint) {
        Timer.Sample sample = Timer.start(meters);
        Timer outcome = failed;
        try {
            byte[] token = source.timeStampToken(sha256Imprint);
            outcome = stamped;
            return token;
        } finally {
            sample.stop(outcome);
        }
    }
}

package cn.hrss.zcrd.support;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * The application's {@code Clock} bean in the integration tests: the real time unless a test fixes it at an instant
 * ({@link #fixedAt}), e.g. 16:30 UTC, which is 00:30 of the next day in the business zone. Every view of it
 * ({@link #withZone}, as {@code BusinessTime} takes one) shares the setting. Installed by
 * {@link IntegrationTestInitializer}; a test reaches it as {@code TestClock.of(clock)}.
 */
public final class TestClock extends Clock {

    private final Clock real;
    private final AtomicReference<Instant> fixed;

    private TestClock(Clock real, AtomicReference<Instant> fixed) {
        this.real = real;
        this.fixed = fixed;
    }

    /** The test clock behind the application's {@code Clock} bean. */
    public static TestClock of(Clock clock) {
        return (TestClock) clock;
    }

    /**
     * Fixes the time at {@code instant} until the returned handle is closed (use with try-with-resources, so a
     * failing test never leaves the shared context at a fixed time).
     */
    public Fixed fixedAt(Instant instant) {
        fixed.set(instant);
        return () -> fixed.set(null);
    }

    /** A fixed time, released by {@link #close()}. */
    public interface Fixed extends AutoCloseable {
        @Override
        void close();
    }

    @Override
    public ZoneId getZone() {
        return real.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new TestClock(real.withZone(zone), fixed);
    }

    @Override
    public Instant instant() {
        Instant at = fixed.get();
        return at != null ? at : real.instant();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TestClock o && o.real.equals(real) && o.fixed == fixed;
    }

    @Override
    public int hashCode() {
        return real.hashCode();
    }

    /** Puts the test clock in place of the application's {@code clock} bean. */
    static final class Installer implements BeanPostProcessor {
        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            return bean instanceof Clock clock && "clock".equals(beanName)
                    ? new TestClock(clock, new AtomicReference<>())
                    : bean;
        }
    }
}

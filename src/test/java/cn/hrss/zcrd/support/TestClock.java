package cn.hrss.zcrd.support;

import cn.hrss.zcrd.account.internal.TotpCodes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * The application's {@code Clock} bean in the integration tests: the real time unless a test fixes it at an instant
 * ({@link #fixedAt}), e.g. 16:30 UTC, which is 00:30 of the next day in the business zone. Every view of it
 * ({@link #withZone}, as {@code BusinessTime} takes one) shares the setting. Installed by
 * {@link IntegrationTestInitializer}; a test reaches it as {@code TestClock.of(clock)}.
 *
 * <p>The back office's TOTP check reads a clock of its own here, {@link #totp()}: {@link BackOfficeLogins} moves it
 * forward ({@link #advance}) when an account has used every step of the accepted window, instead of waiting for the
 * next 30-second step; business time (time-stamps, certificates, audit rows) is not moved with it.
 */
public final class TestClock extends Clock {

    private static final TestClock TOTP = new TestClock(Clock.systemUTC(), new AtomicReference<>());

    private final Clock real;
    private final AtomicReference<Instant> fixed;
    private final AtomicReference<Duration> ahead;

    private TestClock(Clock real, AtomicReference<Instant> fixed) {
        this(real, fixed, new AtomicReference<>(Duration.ZERO));
    }

    private TestClock(Clock real, AtomicReference<Instant> fixed, AtomicReference<Duration> ahead) {
        this.real = real;
        this.fixed = fixed;
        this.ahead = ahead;
    }

    /** The clock of the back office's TOTP check in the tests (one per JVM, as the logins' used steps are). */
    public static TestClock totp() {
        return TOTP;
    }

    /** Moves the clock forward by {@code duration} for good: time never runs back under the application. */
    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("a test clock only moves forward: " + duration);
        }
        ahead.accumulateAndGet(duration, Duration::plus);
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
        return new TestClock(real.withZone(zone), fixed, ahead);
    }

    @Override
    public Instant instant() {
        Instant at = fixed.get();
        return at != null ? at : real.instant().plus(ahead.get());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TestClock o && o.real.equals(real) && o.fixed == fixed && o.ahead == ahead;
    }

    @Override
    public int hashCode() {
        return real.hashCode();
    }

    /**
     * Puts the test clock in place of the application's {@code clock} bean, and gives the TOTP check
     * {@link #totp()}.
     */
    static final class Installer implements BeanPostProcessor {
        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            if (bean instanceof TotpCodes) {
                return new TotpCodes(TOTP);
            }
            return bean instanceof Clock clock && "clock".equals(beanName)
                    ? new TestClock(clock, new AtomicReference<>())
                    : bean;
        }
    }
}

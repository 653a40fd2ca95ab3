package cn.hrss.zcrd.account.internal;

import cn.hrss.zcrd.account.LoginNotTriedException;
import cn.hrss.zcrd.account.LoginProperties;
import cn.hrss.zcrd.shared.Captcha;
import cn.hrss.zcrd.shared.RateLimit;
import cn.hrss.zcrd.shared.RateLimits;
import java.time.Clock;
import java.time.Instant;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

/**
 * What every password login (portal and back office) passes before its password is compared, in this order:
 * <ol>
 *   <li>the address's budget of login requests (limit {@code login});</li>
 *   <li>the name's state: locked for all addresses or for this one → refused; {@code captcha-after} failures or
 *   more (all addresses) → a solved captcha is required (used up here);</li>
 *   <li>the address's budget of failures (limit {@code login-failure}; a success gives the token back), so one
 *   address cannot fail on many names;</li>
 *   <li>the claim ({@link LoginAttempts#claim}): the try is counted as a failure before it is tried, atomically
 *   against the locks, so parallel tries cannot exceed {@code max-failures} per name and address.</li>
 * </ol>
 * Then the caller compares the password and reports {@link #succeeded} or {@link #failed}.
 */
@Component
public class LoginGuard {

    private final LoginAttempts attempts;
    private final LoginProperties properties;
    private final RateLimit requests;
    private final RateLimit failures;
    private final Captcha captcha;
    private final Clock clock;

    LoginGuard(LoginAttempts attempts, LoginProperties properties, RateLimits limits, Captcha captcha, Clock clock) {
        this.attempts = attempts;
        this.properties = properties;
        this.requests = limits.named("login");
        this.failures = limits.named("login-failure");
        this.captcha = captcha;
        this.clock = clock;
    }

    /** A try let through to the password check. */
    public record Try(String kind, String loginName, String address) {}

    /**
     * Everything before the password is compared.
     *
     * @throws LoginNotTriedException when the try is refused before its password is compared
     */
    public Try admit(String kind, String loginName, String address, String captchaSolution) {
        RateLimit.Decision request = requests.tryTake(address);
        if (!request.allowed()) {
            throw new LoginNotTriedException(LoginNotTriedException.Reason.THROTTLED, request.retryAfterMinutes());
        }
        Instant now = clock.instant();
        LoginAttempts.NameState name = attempts.state(kind, loginName, address, now);
        if (name.locked()) {
            throw locked();
        }
        if (name.failures() >= properties.captchaAfter()) {
            Captcha.Verdict verdict = captcha.verify(captchaSolution);
            if (verdict != Captcha.Verdict.PASSED) {
                throw new LoginNotTriedException(
                        verdict == Captcha.Verdict.MISSING
                                ? LoginNotTriedException.Reason.CAPTCHA_MISSING
                                : LoginNotTriedException.Reason.CAPTCHA_WRONG,
                        0);
            }
        }
        RateLimit.Decision failure = failures.tryTake(address);
        if (!failure.allowed()) {
            throw new LoginNotTriedException(LoginNotTriedException.Reason.THROTTLED, failure.retryAfterMinutes());
        }
        if (attempts.claim(kind, loginName, address, now) != LoginAttempts.Claim.CLAIMED) {
            throw locked();
        }
        return new Try(kind, loginName, address);
    }

    /** The password (and whatever else the login asks) was right. */
    public void succeeded(Try attempt) {
        attempts.succeeded(attempt.kind(), attempt.loginName(), attempt.address());
        failures.giveBack(attempt.address());
    }

    /** The try failed: {@code failure}, or the lockout when this failure was the last one allowed. */
    public AuthenticationException failed(Try attempt, AuthenticationException failure) {
        return attempts.isLocked(attempt.kind(), attempt.loginName(), attempt.address(), clock.instant())
                ? new LockedException("locked")
                : failure;
    }

    /** Whether the next try of the name must carry a solved captcha (the login page then shows it). */
    public boolean captchaRequired(String kind, String loginName) {
        LoginAttempts.NameState name = attempts.state(kind, loginName, LoginAttempts.ALL_ADDRESSES, clock.instant());
        return name.failures() >= properties.captchaAfter();
    }

    private LoginNotTriedException locked() {
        return new LoginNotTriedException(
                LoginNotTriedException.Reason.LOCKED,
                Math.max(1, properties.lockDuration().toMinutes()));
    }
}

package cn.hrss.zcrd.account;

import java.util.Locale;
import org.springframework.security.core.AuthenticationException;

/**
 * A password login refused before its password was compared — it cost next to nothing, so it is not one failure
 * more and the audit trail sums such refusals up per address and minute: the client address used up its budget,
 * the name asks for a captcha that was missing or wrong, or the name is locked (for this address or for all).
 */
public class LoginNotTriedException extends AuthenticationException {

    public enum Reason {
        /** the address's budget of login requests or of failures is used up */
        THROTTLED,
        CAPTCHA_MISSING,
        CAPTCHA_WRONG,
        LOCKED;

        /** A stable word for the audit trail and the login page's address ({@code captcha-missing} …). */
        public String word() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final Reason reason;
    private final long retryAfterMinutes;

    public LoginNotTriedException(Reason reason, long retryAfterMinutes) {
        super("login not tried: " + reason.word());
        this.reason = reason;
        this.retryAfterMinutes = retryAfterMinutes;
    }

    public Reason reason() {
        return reason;
    }

    /** For {@link Reason#THROTTLED} and {@link Reason#LOCKED}: whole minutes until a try may come again. */
    public long retryAfterMinutes() {
        return retryAfterMinutes;
    }

    public boolean captcha() {
        return reason == Reason.CAPTCHA_MISSING || reason == Reason.CAPTCHA_WRONG;
    }
}

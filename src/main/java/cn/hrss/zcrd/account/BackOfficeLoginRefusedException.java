package cn.hrss.zcrd.account;

import org.springframework.security.authentication.BadCredentialsException;

/**
 * A fallback login refused after the password was right: the TOTP code was missing, wrong or already used. The
 * {@link #reason()} is a stable word for the audit trail ({@code totp-wrong}, {@code totp-replayed}).
 */
public class BackOfficeLoginRefusedException extends BadCredentialsException {

    public static final String TOTP_WRONG = "totp-wrong";
    public static final String TOTP_REPLAYED = "totp-replayed";

    private final String reason;

    public BackOfficeLoginRefusedException(String reason) {
        super("back-office login refused: " + reason);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }

    public boolean replayed() {
        return TOTP_REPLAYED.equals(reason);
    }
}

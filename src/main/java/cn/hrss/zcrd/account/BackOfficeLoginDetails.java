package cn.hrss.zcrd.account;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * What the back-office fallback login form says besides name and password: the TOTP code (动态口令) and where the
 * request came from. The code is used once and never kept in the session (the signed-in token gets plain
 * {@link WebAuthenticationDetails}).
 */
public final class BackOfficeLoginDetails extends WebAuthenticationDetails {

    /** The form field of the TOTP code. */
    public static final String TOTP_PARAMETER = "totp";

    private final transient String totpCode;

    public BackOfficeLoginDetails(String remoteAddress, String totpCode) {
        super(remoteAddress, null);
        this.totpCode = totpCode;
    }

    public static BackOfficeLoginDetails of(HttpServletRequest request) {
        return new BackOfficeLoginDetails(request.getRemoteAddr(), request.getParameter(TOTP_PARAMETER));
    }

    String totpCode() {
        return totpCode;
    }
}

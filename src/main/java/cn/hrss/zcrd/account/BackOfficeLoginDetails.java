package cn.hrss.zcrd.account;

import cn.hrss.zcrd.shared.Captcha;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * What the back-office fallback login form says besides name and password: the TOTP code (动态口令), the captcha
 * solution when the page asked for one, and where the request came from. Code and solution are used once and never
 * kept in the session (the signed-in token gets plain
 * {@link WebAuthenticationDetails}).
 */
public final class BackOfficeLoginDetails extends WebAuthenticationDetails {

    /** The form field of the TOTP code. */
    public static final String TOTP_PARAMETER = "totp";

    private final transient String totpCode;
    private final transient String captchaSolution;

    public BackOfficeLoginDetails(String remoteAddress, String totpCode) {
        this(remoteAddress, totpCode, null);
    }

    /** With the captcha solution the page sent when it asked for one. */
    public BackOfficeLoginDetails(String remoteAddress, String totpCode, String captchaSolution) {
        super(remoteAddress, null);
        this.totpCode = totpCode;
        this.captchaSolution = captchaSolution;
    }

    public static BackOfficeLoginDetails of(HttpServletRequest request) {
        return new BackOfficeLoginDetails(
                request.getRemoteAddr(), request.getParameter(TOTP_PARAMETER), request.getParameter(Captcha.FIELD));
    }

    String totpCode() {
        return totpCode;
    }

    String captchaSolution() {
        return captchaSolution;
    }
}

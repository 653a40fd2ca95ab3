package cn.hrss.zcrd.account;

import cn.hrss.zcrd.shared.Captcha;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;

/**
 * What the portal login form says besides name and password: which kind of account logs in, from where, and the
 * captcha solution when the page asked for one (never kept in the session: the signed-in token gets the details
 * without it).
 */
public record PortalLoginDetails(PortalAccountKind kind, String remoteAddress, String captchaSolution)
        implements Serializable {

    public PortalLoginDetails(PortalAccountKind kind, String remoteAddress) {
        this(kind, remoteAddress, null);
    }

    public static PortalLoginDetails of(HttpServletRequest request) {
        return new PortalLoginDetails(
                PortalAccountKind.fromParameter(request.getParameter("kind")),
                request.getRemoteAddr(),
                request.getParameter(Captcha.FIELD));
    }

    /** The same without the captcha solution (what a signed-in session keeps). */
    public PortalLoginDetails withoutCaptcha() {
        return new PortalLoginDetails(kind, remoteAddress);
    }
}

package cn.hrss.zcrd.account;

import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;

/** What the portal login form says besides name and password: which kind of account logs in, from where. */
public record PortalLoginDetails(PortalAccountKind kind, String remoteAddress) implements Serializable {

    public static PortalLoginDetails of(HttpServletRequest request) {
        return new PortalLoginDetails(
                PortalAccountKind.fromParameter(request.getParameter("kind")), request.getRemoteAddr());
    }
}

package cn.hrss.zcrd.web.internal;

import cn.hrss.zcrd.account.PortalUser;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.annotation.RequestScope;

/** Who is on the portal page: nobody, an individual or a unit — decides the menu and the home page. */
@Component("portalSession")
@RequestScope
public class PortalSession {

    private final PortalUser user;

    PortalSession() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        this.user = authentication != null && authentication.getPrincipal() instanceof PortalUser portalUser
                ? portalUser
                : null;
    }

    public boolean isAnonymous() {
        return user == null;
    }

    public boolean isPerson() {
        return user != null && user.isPerson();
    }

    public boolean isUnit() {
        return user != null && user.isUnit();
    }

    public String getDisplayName() {
        return user == null ? "" : user.displayName();
    }
}

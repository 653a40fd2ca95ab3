package cn.hrss.zcrd.account;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The portal user of the current request; every portal action takes its account from here, never from a form. */
public final class CurrentPortalUser {

    private CurrentPortalUser() {}

    public static PortalUser get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof PortalUser user) {
            return user;
        }
        throw new AccessDeniedException("no portal user");
    }

    public static PortalUser requireKind(PortalAccountKind kind) {
        PortalUser user = get();
        if (user.kind() != kind) {
            throw new AccessDeniedException("portal user of kind " + user.kind() + " may not do this");
        }
        return user;
    }
}

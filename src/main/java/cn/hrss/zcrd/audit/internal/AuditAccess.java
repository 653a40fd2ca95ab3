package cn.hrss.zcrd.audit.internal;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Only a system admin reads the audit trail, whatever the URL rules say (they guard the page, this the data). */
public final class AuditAccess {

    static final String SYSTEM_ADMIN = "ROLE_SYSTEM_ADMIN";

    private AuditAccess() {}

    public static boolean isSystemAdmin() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null
                && authentication.isAuthenticated()
                && authentication.getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .anyMatch(SYSTEM_ADMIN::equals);
    }

    public static void requireSystemAdmin() {
        if (!isSystemAdmin()) {
            throw new AccessDeniedException("only a system admin may read the audit trail");
        }
    }
}

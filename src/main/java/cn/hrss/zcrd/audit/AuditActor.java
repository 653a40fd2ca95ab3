package cn.hrss.zcrd.audit;

import cn.hrss.zcrd.account.BackOfficeUser;
import cn.hrss.zcrd.account.PortalAccountKind;
import cn.hrss.zcrd.account.PortalUser;
import java.io.Serializable;
import java.util.Objects;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who acted, and how they were authenticated.
 *
 * @param kind the kind of account
 * @param accountId the account's id when known (a failed login has none)
 * @param loginName the login name shown to the admin (masked for failed portal logins; the job name for
 *                  {@link ActorKind#SYSTEM}); null for anonymous
 * @param authenticatedBy UKEY, password or none
 */
public record AuditActor(ActorKind kind, Long accountId, String loginName, AuthenticatedBy authenticatedBy)
        implements Serializable {

    public static final int LOGIN_NAME_LENGTH = 64;

    public AuditActor {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(authenticatedBy, "authenticatedBy");
        loginName = AuditText.cleanOrNull(loginName, LOGIN_NAME_LENGTH);
    }

    /** The signed-in user of the current thread (back office or portal), or anonymous. */
    public static AuditActor current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated()) {
            if (authentication.getPrincipal() instanceof BackOfficeUser user) {
                return of(user);
            }
            if (authentication.getPrincipal() instanceof PortalUser user) {
                return of(user);
            }
        }
        return anonymous();
    }

    public static AuditActor of(BackOfficeUser user) {
        return new AuditActor(
                ActorKind.BACK_OFFICE, user.getAccountId(), user.getUsername(), AuthenticatedBy.of(user.getMethod()));
    }

    public static AuditActor of(PortalUser user) {
        return new AuditActor(kindOf(user.kind()), user.accountId(), user.loginName(), AuthenticatedBy.PASSWORD);
    }

    /** Someone who tried to sign in as {@code loginName} and has not (yet) proved it: no account id. */
    public static AuditActor attempt(ActorKind kind, String loginName, AuthenticatedBy by) {
        return new AuditActor(kind, null, loginName, by);
    }

    public static AuditActor anonymous() {
        return new AuditActor(ActorKind.ANONYMOUS, null, null, AuthenticatedBy.NONE);
    }

    /** The application itself, e.g. {@code system("certificate-batch")} for a batch resumed after a restart. */
    public static AuditActor system(String job) {
        return new AuditActor(ActorKind.SYSTEM, null, job, AuthenticatedBy.NONE);
    }

    public static ActorKind kindOf(PortalAccountKind kind) {
        return kind == PortalAccountKind.UNIT ? ActorKind.PORTAL_UNIT : ActorKind.PORTAL_PERSON;
    }
}

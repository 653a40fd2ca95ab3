package cn.hrss.zcrd.audit.internal;

import cn.hrss.zcrd.account.BackOfficeLoginRefusedException;
import cn.hrss.zcrd.account.BackOfficeUser;
import cn.hrss.zcrd.account.CertificateIdentity;
import cn.hrss.zcrd.account.LoginNotTriedException;
import cn.hrss.zcrd.account.PortalLoginDetails;
import cn.hrss.zcrd.account.PortalUser;
import cn.hrss.zcrd.account.UkeyCertificateChanged;
import cn.hrss.zcrd.account.UkeySuspendedException;
import cn.hrss.zcrd.account.UnknownLoginNameException;
import cn.hrss.zcrd.audit.ActorKind;
import cn.hrss.zcrd.audit.AuditActor;
import cn.hrss.zcrd.audit.AuditEntry;
import cn.hrss.zcrd.audit.AuditTrail;
import cn.hrss.zcrd.audit.AuthenticatedBy;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AccountExpiredException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureProviderNotFoundEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Records logins from Spring Security's authentication events (published by the {@code ProviderManager}s of all
 * three filter chains through the {@code AuthenticationEventPublisher} bean): back-office logins by UKEY (with the
 * certificate's subject and serial) or password, failed back-office logins (the username tried, never a password),
 * UKEYs bound to no account, portal logins, failures (login name masked) and lockouts, logouts — and requests a
 * signed-in user was refused by the URL rules (Spring Security's {@code AuthorizationDeniedEvent}). Failures for
 * names without an account and tries refused before their password was compared are summed up per address and
 * minute ({@link FailedLoginTally}).
 * These rows are written in their own transaction; if one cannot be written the login fails with an error rather
 * than going unrecorded. The same events are counted for the monitoring system ({@link LoginMeters}).
 */
@Component
class SecurityAuditor {

    static final String BACKOFFICE_LOGIN = "BACKOFFICE_LOGIN";
    static final String BACKOFFICE_LOGIN_FAILED = "BACKOFFICE_LOGIN_FAILED";
    static final String BACKOFFICE_LOGOUT = "BACKOFFICE_LOGOUT";
    static final String BACKOFFICE_SESSION_ENDED = "BACKOFFICE_SESSION_ENDED";
    static final String PORTAL_LOGIN = "PORTAL_LOGIN";
    static final String PORTAL_LOGIN_FAILED = "PORTAL_LOGIN_FAILED";
    static final String PORTAL_LOGIN_LOCKED = "PORTAL_LOGIN_LOCKED";
    static final String PORTAL_LOGOUT = "PORTAL_LOGOUT";
    static final String ACCESS_DENIED = "ACCESS_DENIED";

    /**
     * Marks a request whose failed login is recorded: the refusal page is a forward through the UKEY chain, whose
     * X.509 filter tries the same certificate again — one attempt, one row.
     */
    private static final String FAILURE_RECORDED = SecurityAuditor.class.getName() + ".FAILURE_RECORDED";

    private final AuditTrail trail;
    private final FailedLoginTally tally;
    private final LoginMeters meters;

    SecurityAuditor(AuditTrail trail, FailedLoginTally tally, MeterRegistry meters) {
        this.trail = trail;
        this.tally = tally;
        this.meters = new LoginMeters(meters);
    }

    @EventListener
    void loggedIn(AuthenticationSuccessEvent event) {
        Authentication login = event.getAuthentication();
        if (login.getPrincipal() instanceof BackOfficeUser user) {
            String detail = "role=" + user.getRole();
            if (login.getCredentials() instanceof X509Certificate certificate) {
                detail += "; " + describe(certificate);
                meters.succeeded(LoginMeters.BACKOFFICE_UKEY);
            } else {
                meters.succeeded(LoginMeters.BACKOFFICE_PASSWORD);
            }
            trail.record(AuditEntry.action(BACKOFFICE_LOGIN)
                    .by(AuditActor.of(user))
                    .from(clientAddress(login))
                    .detail(detail)
                    .build());
        } else if (login.getPrincipal() instanceof PortalUser user) {
            meters.succeeded(LoginMeters.PORTAL);
            trail.record(AuditEntry.action(PORTAL_LOGIN)
                    .by(AuditActor.of(user))
                    .from(clientAddress(login))
                    .detail("kind=" + user.kind())
                    .build());
        }
    }

    @EventListener
    void loginFailed(AbstractAuthenticationFailureEvent event) {
        // the global parent manager's "no provider for this token" after the chain's own provider said no
        if (event instanceof AuthenticationFailureProviderNotFoundEvent || alreadyRecordedInThisRequest()) {
            return;
        }
        Authentication attempt = event.getAuthentication();
        AuthenticationException failure = event.getException();
        meters.failed(
                attempt.getDetails() instanceof PortalLoginDetails
                        ? LoginMeters.PORTAL
                        : attempt instanceof PreAuthenticatedAuthenticationToken
                                ? LoginMeters.BACKOFFICE_UKEY
                                : LoginMeters.BACKOFFICE_PASSWORD,
                failure);
        if (failure instanceof LoginNotTriedException || failure instanceof UnknownLoginNameException) {
            // cheap for the one who tries, so not one row each: summed up per address and minute
            if (attempt.getDetails() instanceof PortalLoginDetails portal) {
                tally.count(
                        AuditActor.kindOf(portal.kind()),
                        AuthenticatedBy.PASSWORD,
                        clientAddress(attempt),
                        reason(failure),
                        LoginNameMask.mask(attempt.getName()));
            } else {
                tally.count(
                        ActorKind.BACK_OFFICE,
                        AuthenticatedBy.PASSWORD,
                        clientAddress(attempt),
                        reason(failure),
                        attempt.getName());
            }
            return;
        }
        AuditEntry.Builder entry;
        if (attempt.getDetails() instanceof PortalLoginDetails portal) {
            entry = AuditEntry.action(failure instanceof LockedException ? PORTAL_LOGIN_LOCKED : PORTAL_LOGIN_FAILED)
                    .by(AuditActor.attempt(
                            AuditActor.kindOf(portal.kind()),
                            LoginNameMask.mask(attempt.getName()),
                            AuthenticatedBy.PASSWORD))
                    .detail("kind=" + portal.kind() + "; reason=" + reason(failure));
        } else if (attempt instanceof PreAuthenticatedAuthenticationToken) {
            X509Certificate certificate = attempt.getCredentials() instanceof X509Certificate c ? c : null;
            String reason = failure instanceof UsernameNotFoundException ? "ukey-not-bound" : reason(failure);
            entry = AuditEntry.action(BACKOFFICE_LOGIN_FAILED)
                    .by(AuditActor.attempt(ActorKind.BACK_OFFICE, commonName(certificate), AuthenticatedBy.UKEY))
                    .detail("reason=" + reason + (certificate == null ? "" : "; " + describe(certificate)));
        } else {
            entry = AuditEntry.action(BACKOFFICE_LOGIN_FAILED)
                    .by(AuditActor.attempt(ActorKind.BACK_OFFICE, attempt.getName(), AuthenticatedBy.PASSWORD))
                    .detail("reason=" + reason(failure));
        }
        trail.record(entry.from(clientAddress(attempt)).refused().build());
    }

    @EventListener
    void loggedOut(LogoutSuccessEvent event) {
        Authentication session = event.getAuthentication();
        if (session.getPrincipal() instanceof BackOfficeUser user) {
            trail.record(
                    AuditEntry.action(BACKOFFICE_LOGOUT).by(AuditActor.of(user)).build());
        } else if (session.getPrincipal() instanceof PortalUser user) {
            trail.record(
                    AuditEntry.action(PORTAL_LOGOUT).by(AuditActor.of(user)).build());
        }
    }

    /**
     * A UKEY session came over a connection with another certificate and was ended (the new certificate's login, if
     * any, is its own {@code BACKOFFICE_LOGIN} row).
     */
    @EventListener
    void ukeyCertificateChanged(UkeyCertificateChanged event) {
        String presented = event.presentedCertificate() == null
                ? "presented=none"
                : "presented-subject="
                        + CertificateIdentity.of(event.presentedCertificate()).subjectDn() + "; presented-serial="
                        + CertificateIdentity.of(event.presentedCertificate()).serialHex();
        trail.record(AuditEntry.action(BACKOFFICE_SESSION_ENDED)
                .by(AuditActor.of(event.user()))
                .from(event.clientAddress())
                .refused()
                .detail("reason=certificate-changed; " + describe(event.sessionCertificate()) + "; " + presented)
                .build());
    }

    /**
     * A signed-in user asked for a page their role does not open (e.g. a reviewer for the audit page). Anonymous
     * refusals are not recorded: every visit before a login is one, and a UKEY without account is recorded above.
     */
    @EventListener
    void accessDenied(AuthorizationDeniedEvent<?> event) {
        Authentication user = event.getAuthentication().get();
        AuditActor actor;
        if (user != null && user.getPrincipal() instanceof BackOfficeUser backOffice) {
            actor = AuditActor.of(backOffice);
        } else if (user != null && user.getPrincipal() instanceof PortalUser portal) {
            actor = AuditActor.of(portal);
        } else {
            return;
        }
        String request = event.getObject() instanceof HttpServletRequest http
                ? http.getMethod() + " " + http.getRequestURI()
                : String.valueOf(event.getObject());
        trail.record(AuditEntry.action(ACCESS_DENIED)
                .by(actor)
                .refused()
                .detail(request)
                .build());
    }

    /** Why a login failed, as a stable word (never the exception's message, which may echo input). */
    static String reason(AuthenticationException failure) {
        if (failure instanceof BackOfficeLoginRefusedException refused) {
            return refused.reason();
        }
        if (failure instanceof LoginNotTriedException refused) {
            return refused.reason().word();
        }
        for (Map.Entry<Class<? extends AuthenticationException>, String> word : FAILURE_WORDS) {
            if (word.getKey().isInstance(failure)) {
                return word.getValue();
            }
        }
        return failure.getClass().getSimpleName();
    }

    /** The words of the other login failures, the first match counting (a subclass before its superclass). */
    private static final List<Map.Entry<Class<? extends AuthenticationException>, String>> FAILURE_WORDS = List.of(
            Map.entry(UsernameNotFoundException.class, "unknown-account"),
            Map.entry(UnknownLoginNameException.class, "unknown-account"),
            Map.entry(LockedException.class, "locked"),
            Map.entry(UkeySuspendedException.class, "ukey-suspended"),
            Map.entry(DisabledException.class, "disabled"),
            Map.entry(AccountExpiredException.class, "account-expired"),
            Map.entry(CredentialsExpiredException.class, "credentials-expired"),
            Map.entry(AuthenticationServiceException.class, "service-error"),
            Map.entry(BadCredentialsException.class, "bad-credentials"));

    static String describe(X509Certificate certificate) {
        CertificateIdentity identity = CertificateIdentity.of(certificate);
        return "subject=" + identity.subjectDn() + "; serial=" + identity.serialHex() + "; issuer="
                + identity.issuerDn();
    }

    /** The certificate's CN, shown as the name the UKEY tried to log in as. */
    static String commonName(X509Certificate certificate) {
        if (certificate == null) {
            return null;
        }
        try {
            String subject = certificate.getSubjectX500Principal().getName();
            return new LdapName(subject)
                    .getRdns().stream()
                            .filter(rdn -> "CN".equalsIgnoreCase(rdn.getType()))
                            .map(Rdn::getValue)
                            .map(String::valueOf)
                            .reduce((first, last) -> last)
                            .orElse(subject);
        } catch (InvalidNameException e) {
            return certificate.getSubjectX500Principal().getName();
        }
    }

    /** The TCP peer as the login filter saw it; forwarded headers are deliberately not trusted. */
    private static String clientAddress(Authentication authentication) {
        if (authentication.getDetails() instanceof PortalLoginDetails portal) {
            return portal.remoteAddress();
        }
        if (authentication.getDetails() instanceof WebAuthenticationDetails web) {
            return web.getRemoteAddress();
        }
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                ? request.getRequest().getRemoteAddr()
                : null;
    }

    private static boolean alreadyRecordedInThisRequest() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return false;
        }
        if (request.getAttribute(FAILURE_RECORDED, RequestAttributes.SCOPE_REQUEST) != null) {
            return true;
        }
        request.setAttribute(FAILURE_RECORDED, Boolean.TRUE, RequestAttributes.SCOPE_REQUEST);
        return false;
    }
}

package cn.hrss.zcrd.web.internal;

import cn.hrss.zcrd.account.BackOfficeAuthentication;
import cn.hrss.zcrd.account.BackOfficeLoginRefusedException;
import cn.hrss.zcrd.account.BackOfficeRole;
import cn.hrss.zcrd.account.BackOfficeUser;
import cn.hrss.zcrd.account.LoginNotTriedException;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Which back-office role opens which part of {@code /sdmanager} (the same on the UKEY port and the fallback port).
 * The URL rules only guard the pages; each action is checked again in its service ({@code BackOfficeGuard}).
 * <ul>
 *   <li>{@code /sdmanager/system/**}, the audit page and the development pages {@code /sdmanager/dev/**}: system
 *   admins;</li>
 *   <li>{@code /sdmanager/authority/**}, {@code /sdmanager/seals/**}: bureau reviewers;</li>
 *   <li>{@code /sdmanager/certificates/**}: issuing-unit operators;</li>
 *   <li>{@link #STATISTICS_PAGE}: system admins and bureau reviewers;</li>
 *   <li>the rest of {@code /sdmanager}: any back-office role — never a portal session, never a fallback session
 *   still in set-up (that one only reaches {@link #SETUP_PAGE}).</li>
 * </ul>
 */
final class BackOfficeUrls {

    static final String SETUP_PAGE = "/sdmanager/setup.xhtml";
    static final String AUDIT_PAGE = "/sdmanager/audit.xhtml";
    static final String STATISTICS_PAGE = "/sdmanager/statistics.xhtml";
    static final String[] ROLES =
            Arrays.stream(BackOfficeRole.values()).map(Enum::name).toArray(String[]::new);

    private BackOfficeUrls() {}

    static AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules(
            AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry requests) {
        return requests.requestMatchers(SETUP_PAGE)
                .hasAuthority(BackOfficeUser.SETUP_PENDING)
                .requestMatchers(AUDIT_PAGE, "/sdmanager/system/**", "/sdmanager/dev/**")
                .hasRole(BackOfficeRole.SYSTEM_ADMIN.name())
                .requestMatchers(
                        "/sdmanager/authority/**",
                        "/sdmanager/seals/**",
                        "/sdmanager/seals.xhtml",
                        "/sdmanager/seal/**")
                .hasRole(BackOfficeRole.BUREAU_REVIEWER.name())
                .requestMatchers("/sdmanager/certificates/**")
                .hasRole(BackOfficeRole.UNIT_OPERATOR.name())
                .requestMatchers(STATISTICS_PAGE)
                .hasAnyRole(BackOfficeRole.SYSTEM_ADMIN.name(), BackOfficeRole.BUREAU_REVIEWER.name())
                .requestMatchers("/sdmanager", "/sdmanager/**")
                .hasAnyRole(ROLES);
    }

    /** After a fallback login: a session in set-up goes to the set-up page, the others home. */
    static void loggedIn(HttpServletRequest request, HttpServletResponse response, Authentication login)
            throws IOException {
        boolean setup = login.getPrincipal() instanceof BackOfficeUser user && user.isSetupPending();
        response.sendRedirect(request.getContextPath() + (setup ? SETUP_PAGE : "/sdmanager/index.xhtml"));
    }

    /**
     * Back to the login page saying why, as far as that tells an attacker nothing: wrong name, password or code
     * alike (and whether the next try needs the captcha); locked; the captcha missing or wrong; too many tries from
     * this address; a replayed code or an expired one-time password only come after the right password.
     */
    static AuthenticationFailureHandler loginFailed(BackOfficeAuthentication logins) {
        return (request, response, failure) -> {
            String reason = "error";
            if (failure instanceof LoginNotTriedException refused) {
                reason = switch (refused.reason()) {
                    case THROTTLED -> "error=throttled&minutes=" + refused.retryAfterMinutes();
                    case LOCKED -> "error=locked";
                    case CAPTCHA_MISSING, CAPTCHA_WRONG ->
                        "error&captcha=" + refused.reason().word();
                };
            } else if (failure instanceof LockedException) {
                reason = "error=locked";
            } else if (failure instanceof CredentialsExpiredException) {
                reason = "error=expired";
            } else if (failure instanceof BackOfficeLoginRefusedException refused && refused.replayed()) {
                reason = "error=replayed";
            } else if (logins.captchaRequired(request.getParameter("username"))) {
                reason = "error&captcha";
            }
            response.sendRedirect(request.getContextPath() + "/sdmanager/login.xhtml?" + reason);
        };
    }

    /** A session in set-up that asks for any other page is sent to the set-up page. */
    static AccessDeniedHandler setupFirst(AccessDeniedHandler otherwise) {
        return (request, response, denied) -> {
            if (BackOfficeUser.current().filter(BackOfficeUser::isSetupPending).isPresent()) {
                response.sendRedirect(request.getContextPath() + SETUP_PAGE);
            } else {
                try {
                    otherwise.handle(request, response, denied);
                } catch (ServletException e) {
                    throw new IOException(e);
                }
            }
        };
    }
}

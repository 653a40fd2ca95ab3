package cn.hrss.zcrd.web.internal;

import cn.hrss.zcrd.account.BackOfficeAuthentication;
import cn.hrss.zcrd.account.BackOfficeUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a back-office session at its next request when its account was disabled, its role, scope or fallback
 * login changed (the session stamp moved), or — for a UKEY session — its UKEY was revoked. The check reads the
 * database (one primary-key lookup), so it holds on every application instance, for UKEY and password sessions
 * alike, with no in-memory session registry. The ended session is invalidated; on the fallback port the browser is
 * sent to the login page, on the UKEY port the certificate is checked afresh by the X.509 filter that follows
 * (a disabled account or revoked UKEY is then refused, a changed role gets its new rights).
 */
final class BackOfficeSessionCheck extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(BackOfficeSessionCheck.class);

    private final BackOfficeAuthentication logins;
    private final String endedUrl;

    /** @param endedUrl where a browser goes when its session ended, or null to go on unauthenticated */
    BackOfficeSessionCheck(BackOfficeAuthentication logins, String endedUrl) {
        this.logins = logins;
        this.endedUrl = endedUrl;
    }

    /** Static resources (public anyway) need no database lookup. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/jakarta.faces.resource/") || path.startsWith("/resources/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        BackOfficeUser user = BackOfficeUser.current().orElse(null);
        if (user != null && !logins.sessionStillValid(user)) {
            log.info(
                    "Ending back-office session of account {} ({}): account or UKEY changed",
                    user.getAccountId(),
                    user.getMethod());
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            if (endedUrl != null) {
                response.sendRedirect(request.getContextPath() + endedUrl);
                return;
            }
        }
        chain.doFilter(request, response);
    }
}

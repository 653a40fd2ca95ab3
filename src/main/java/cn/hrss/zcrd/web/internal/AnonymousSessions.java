package cn.hrss.zcrd.web.internal;

import cn.hrss.zcrd.shared.RateLimit;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Duration;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sessions of visitors who are not signed in cannot pile up. Pages that need no session make none (stateless
 * views, the CSRF token of a sessionless visitor in a cookie, no saved requests); what still makes one — a faces
 * form such as 个人注册 — gets:
 * <ul>
 *   <li>a short idle timeout ({@code zcrd.anonymous-sessions.timeout}, 10 minutes) instead of the signed-in 30;
 *   at the login the timeout becomes the ordinary one;</li>
 *   <li>a budget per client address (limit {@code anonymous-session}, counted by each node for its own sessions):
 *   over it, the session made for the request is dropped once the answer is written, so the page still shows
 *   but holds nothing on the server (a form sent from it is answered as expired).</li>
 * </ul>
 * A flood of page views from one address thus holds at most that budget's sessions, each for minutes.
 */
final class AnonymousSessions extends OncePerRequestFilter {

    private final RateLimit limit;
    private final int anonymousTimeoutSeconds;

    AnonymousSessions(RateLimit limit, Duration anonymousTimeout) {
        this.limit = limit;
        this.anonymousTimeoutSeconds = (int) Math.max(60, anonymousTimeout.toSeconds());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean hadSession = request.getSession(false) != null;
        try {
            chain.doFilter(request, response);
        } finally {
            review(request, hadSession);
        }
    }

    private void review(HttpServletRequest request, boolean hadSession) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return;
        }
        try {
            if (signedIn(session)) {
                if (session.getMaxInactiveInterval() == anonymousTimeoutSeconds) {
                    session.setMaxInactiveInterval(request.getServletContext().getSessionTimeout() * 60);
                }
            } else if (!hadSession) {
                if (limit.tryTake(request.getRemoteAddr()).allowed()) {
                    session.setMaxInactiveInterval(anonymousTimeoutSeconds);
                } else {
                    session.invalidate();
                }
            }
        } catch (IllegalStateException alreadyInvalidated) {
            // logged out or ended during the request: nothing is left to bound
        }
    }

    private static boolean signedIn(HttpSession session) {
        if (!(session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)
                instanceof SecurityContext context)) {
            return false;
        }
        Authentication authentication = context.getAuthentication();
        return authentication != null
                && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }
}

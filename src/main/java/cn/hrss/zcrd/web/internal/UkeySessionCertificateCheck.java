package cn.hrss.zcrd.web.internal;

import cn.hrss.zcrd.account.BackOfficeUser;
import cn.hrss.zcrd.account.UkeyCertificateChanged;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.security.cert.X509Certificate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * On the UKEY face the identity is the connection's client certificate. The session caches the login (so a login is
 * recorded once per session, not per request), and this filter holds the cache to the connection: a request whose
 * certificate is not the one the session was opened with ends that session (audited as
 * {@link UkeyCertificateChanged}); the X.509 filter that follows then logs the presented certificate in afresh.
 */
final class UkeySessionCertificateCheck extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(UkeySessionCertificateCheck.class);
    private static final String CERTIFICATES = "jakarta.servlet.request.X509Certificate";

    private final ApplicationEventPublisher events;

    UkeySessionCertificateCheck(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication login = SecurityContextHolder.getContext().getAuthentication();
        if (login != null
                && login.getPrincipal() instanceof BackOfficeUser user
                && login.getCredentials() instanceof X509Certificate opened) {
            X509Certificate presented = presented(request);
            if (presented == null || !presented.equals(opened)) {
                log.info(
                        "Ending UKEY session of account {}: the connection presents another certificate",
                        user.getAccountId());
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                events.publishEvent(new UkeyCertificateChanged(user, opened, presented, request.getRemoteAddr()));
            }
        }
        chain.doFilter(request, response);
    }

    private static X509Certificate presented(HttpServletRequest request) {
        return request.getAttribute(CERTIFICATES) instanceof X509Certificate[] chain && chain.length > 0
                ? chain[0]
                : null;
    }
}

package cn.hrss.zcrd.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;

/**
 * CSRF tokens in the session when there is one, else in an HttpOnly cookie: a visitor who is not signed in gets a
 * login page (or any page with a plain form) without a session being made for the token. Reading prefers the
 * session's token and falls back to the cookie's (a token handed out before the session existed); clearing clears
 * both. The token is always compared with the one in the submitted form (masked per response).
 */
final class SessionOrCookieCsrfTokens implements CsrfTokenRepository {

    private final HttpSessionCsrfTokenRepository session = new HttpSessionCsrfTokenRepository();
    private final CookieCsrfTokenRepository cookie = new CookieCsrfTokenRepository();

    SessionOrCookieCsrfTokens() {
        cookie.setCookieName("ZCRD-CSRF");
        cookie.setCookieCustomizer(c -> c.secure(true).httpOnly(true).sameSite("Lax"));
    }

    @Override
    public CsrfToken generateToken(HttpServletRequest request) {
        return session.generateToken(request);
    }

    @Override
    public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
        if (token == null) {
            session.saveToken(null, request, response);
            cookie.saveToken(null, request, response);
        } else if (request.getSession(false) != null) {
            session.saveToken(token, request, response);
        } else {
            cookie.saveToken(token, request, response);
        }
    }

    @Override
    public CsrfToken loadToken(HttpServletRequest request) {
        CsrfToken token = request.getSession(false) == null ? null : session.loadToken(request);
        return token != null ? token : cookie.loadToken(request);
    }
}

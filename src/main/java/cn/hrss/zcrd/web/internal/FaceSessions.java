package cn.hrss.zcrd.web.internal;

import cn.hrss.zcrd.web.ConnectorPorts;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.io.IOException;
import java.nio.charset.Charset;
import org.apache.catalina.Context;
import org.apache.catalina.Session;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.util.SessionConfig;
import org.apache.catalina.valves.ValveBase;
import org.apache.tomcat.util.http.CookieProcessor;
import org.apache.tomcat.util.http.MimeHeaders;
import org.apache.tomcat.util.http.ServerCookies;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Sessions kept apart per {@link Face}. One Tomcat context serves all three faces, and browsers send a host's
 * cookies to every port, so a shared {@code JSESSIONID} would let a session made on one face be used on another
 * (a password or portal session overriding the UKEY identity) and let the faces overwrite each other's cookie.
 * Here:
 * <ul>
 *   <li>each face writes its session cookie under its own name (and the password back office with the path
 *   {@code /sdmanager}) — {@link FaceCookies} renames the container's session cookie as it is written;</li>
 *   <li>each face reads only its own cookie — {@link FaceSessionValve} (an engine valve, so before the host's
 *   request listeners, which ask for the session) sets the requested session id from it before anything looks at
 *   the session (a {@code JSESSIONID} cookie or a {@code ;jsessionid=} in the URL is ignored);</li>
 *   <li>every session remembers the face that made it, and a session id of another face is not accepted even when
 *   sent under the right cookie name: the request goes on without a session.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class FaceSessions {

    /** The session attribute holding the name of the face that made the session; the request attribute its face. */
    static final String FACE = FaceSessions.class.getName() + ".FACE";

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> faceSessionCookies(ConnectorPorts ports) {
        return factory -> {
            // an engine valve: it must choose the session before the host fires the request's listeners, one of
            // which asks for the session (and Tomcat then keeps the one a JSESSIONID cookie named)
            factory.addEngineValves(new FaceSessionValve(ports));
            // runs after Boot configured the context's cookie processor (SameSite): wrap it, do not replace it
            factory.addContextCustomizers(context ->
                    context.setCookieProcessor(new FaceCookies(context, context.getCookieProcessor(), ports)));
        };
    }

    /** Marks each new session with the face of the request that made it. */
    @Bean
    HttpSessionListener faceOfNewSessions(ConnectorPorts ports) {
        return new HttpSessionListener() {
            @Override
            public void sessionCreated(HttpSessionEvent event) {
                if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
                    mark(event.getSession(), faceOf(attributes.getRequest(), ports));
                }
            }
        };
    }

    /** The face the valve found for the request (or, for a request it did not see, from its URI). */
    static Face faceOf(HttpServletRequest request, ConnectorPorts ports) {
        if (request.getAttribute(FACE) instanceof Face face) {
            return face;
        }
        String uri = request.getRequestURI();
        String path =
                uri.substring(Math.min(uri.length(), request.getContextPath().length()));
        return Face.of(request.getLocalPort(), path, ports);
    }

    private static void mark(HttpSession session, Face face) {
        try {
            if (session.getAttribute(FACE) == null) {
                session.setAttribute(FACE, face.name());
            }
        } catch (IllegalStateException invalidated) {
            // ended meanwhile: nothing to mark
        }
    }

    /** Which face made the session, or null for one not yet marked (made by a request still running). */
    static String faceOf(HttpSession session) {
        return session.getAttribute(FACE) instanceof String face ? face : null;
    }

    /** Chooses the requested session from the face's own cookie, and only a session of that face. */
    static final class FaceSessionValve extends ValveBase {

        private final ConnectorPorts ports;

        FaceSessionValve(ConnectorPorts ports) {
            super(true);
            this.ports = ports;
        }

        @Override
        public void invoke(Request request, Response response) throws IOException, ServletException {
            String path = request.getDecodedRequestURI();
            String contextPath = request.getContextPath();
            if (path != null && contextPath != null && path.startsWith(contextPath)) {
                path = path.substring(contextPath.length());
            }
            Face face = Face.of(request.getLocalPort(), path, ports);
            request.setAttribute(FACE, face);
            String sessionId = sessionOf(request, face);
            request.setRequestedSessionId(sessionId);
            request.setRequestedSessionCookie(sessionId != null);
            request.setRequestedSessionURL(false);
            request.setRequestedSessionSSL(false);
            getNext().invoke(request, response);
            Session made = request.getSessionInternal(false);
            if (made != null && made.isValid()) {
                mark(made.getSession(), face);
            }
        }

        /** The first cookie of the face's name that names a live session of this face (as Tomcat tries each). */
        private static String sessionOf(Request request, Face face) throws IOException {
            Cookie[] cookies = request.getCookies();
            if (cookies == null) {
                return null;
            }
            for (Cookie cookie : cookies) {
                if (!face.cookieName().equals(cookie.getName())) {
                    continue;
                }
                Session session = request.getContext().getManager().findSession(cookie.getValue());
                if (session != null && session.isValid()) {
                    String madeBy = faceOf(session.getSession());
                    if (madeBy == null || madeBy.equals(face.name())) {
                        return cookie.getValue();
                    }
                }
            }
            return null;
        }
    }

    /**
     * The container's cookie processor, except that the session cookie is written under the face's name and path
     * (its other attributes — Secure, HttpOnly, SameSite — as the container made them).
     */
    static final class FaceCookies implements CookieProcessor {

        private final Context context;
        private final CookieProcessor delegate;
        private final ConnectorPorts ports;

        FaceCookies(Context context, CookieProcessor delegate, ConnectorPorts ports) {
            this.context = context;
            this.delegate = delegate;
            this.ports = ports;
        }

        @Override
        public void parseCookieHeader(MimeHeaders headers, ServerCookies serverCookies) {
            delegate.parseCookieHeader(headers, serverCookies);
        }

        @Override
        public String generateHeader(Cookie cookie, HttpServletRequest request) {
            String sessionCookie = SessionConfig.getSessionCookieName(context);
            if (request == null || !sessionCookie.equals(cookie.getName())) {
                return delegate.generateHeader(cookie, request);
            }
            Face face = faceOf(request, ports);
            Cookie renamed = (Cookie) cookie.clone();
            String contextPath = request.getContextPath() == null ? "" : request.getContextPath();
            renamed.setPath(
                    face.cookiePath().equals("/")
                            ? (contextPath.isEmpty() ? "/" : contextPath)
                            : contextPath + face.cookiePath());
            // written by the delegate under the container's name (so its SameSite rule for the session cookie
            // applies), then renamed: the header starts with "name="
            String header = delegate.generateHeader(renamed, request);
            return face.cookieName() + header.substring(sessionCookie.length());
        }

        @Override
        public Charset getCharset() {
            return delegate.getCharset();
        }
    }
}

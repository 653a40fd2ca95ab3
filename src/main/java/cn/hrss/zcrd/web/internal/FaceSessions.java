package cn.hrss.zcrd.web.internal;

import cn.hrss.zcrd.web.ConnectorPorts;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.session.SessionIdGenerator;
import org.springframework.session.web.http.CookieHttpSessionIdResolver;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.session.web.http.HttpSessionIdResolver;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * HTTP sessions: shared by every node through the database (Spring Session JDBC, V111), and kept apart per
 * {@link Face}. One context serves all three faces, and browsers send a host's cookies to every port, so one session
 * cookie would let a session made on one face be used on another (a password or portal session overriding the UKEY
 * identity) and let the faces overwrite each other's cookie. Here:
 * <ul>
 *   <li>each face writes and reads its session cookie under its own name (and the password back office with the path
 *   {@code /sdmanager}); a {@code JSESSIONID} cookie or a {@code ;jsessionid=} in the URL is never read;</li>
 *   <li>a session's id begins with the mark of the face that made it ({@link Face#sessionIdMark()}), and a face
 *   looks up only ids with its own mark: a session id of another face, even sent under the right cookie name, opens
 *   nothing — the request goes on without a session.</li>
 * </ul>
 * The face of a request is decided once, on its first dispatch (a forward to the refusal page keeps it).
 */
@Configuration(proxyBeanMethods = false)
class FaceSessions {

    /** The request attribute holding the request's face. */
    static final String FACE = FaceSessions.class.getName() + ".FACE";

    @Bean
    FaceSessionIds faceSessionIds(ConnectorPorts ports, @Value("${server.servlet.context-path:}") String contextPath) {
        return new FaceSessionIds(ports, contextPath);
    }

    /** How session attributes are written to the shared table and read back ({@link SessionAttributeCodec}). */
    @Bean
    GenericConversionService springSessionConversionService(ConfigurableListableBeanFactory beans) {
        return new SessionAttributeCodec(beans).conversionService();
    }

    /**
     * {@code zcrd.sessions.active}: the unexpired sessions of the shared store (signed-in and anonymous, all nodes:
     * every node reports the same figure). Tomcat's own session gauge stays at 0, since no session is held there.
     */
    @Bean
    MeterBinder activeSessions(JdbcTemplate jdbc, Clock clock) {
        return registry -> Gauge.builder("zcrd.sessions.active", () -> {
                    try {
                        Long count = jdbc.queryForObject(
                                "SELECT COUNT(*) FROM SPRING_SESSION WHERE EXPIRY_TIME > ?",
                                Long.class,
                                clock.millis());
                        return count == null ? 0 : count;
                    } catch (DataAccessException unavailable) {
                        return Double.NaN;
                    }
                })
                .description("unexpired HTTP sessions in the shared session store")
                .register(registry);
    }

    /** The face of a request (decided on its first dispatch, kept for forwards and error pages). */
    static Face faceOf(HttpServletRequest request, ConnectorPorts ports) {
        if (request.getAttribute(FACE) instanceof Face face) {
            return face;
        }
        String pathInfo = request.getPathInfo();
        String path = request.getServletPath() + (pathInfo == null ? "" : pathInfo);
        Face face = Face.of(request.getLocalPort(), path, ports);
        request.setAttribute(FACE, face);
        return face;
    }

    /**
     * Which session a request names (its face's cookie, ids of its face only), how a new session's id is made (the
     * face's mark, then a random UUID) and how the cookie is written.
     */
    static final class FaceSessionIds implements HttpSessionIdResolver, SessionIdGenerator {

        /** The request attribute holding the id whose cookie this request already wrote. */
        private static final String COOKIE_WRITTEN = FaceSessionIds.class.getName() + ".WRITTEN";

        private final ConnectorPorts ports;
        private final Map<Face, CookieHttpSessionIdResolver> cookies = new EnumMap<>(Face.class);

        FaceSessionIds(ConnectorPorts ports, String contextPath) {
            this.ports = ports;
            for (Face face : Face.values()) {
                DefaultCookieSerializer cookie = new DefaultCookieSerializer();
                cookie.setCookieName(face.cookieName());
                cookie.setCookiePath(
                        face.cookiePath().equals("/")
                                ? (contextPath.isEmpty() ? "/" : contextPath)
                                : contextPath + face.cookiePath());
                cookie.setUseHttpOnlyCookie(true);
                cookie.setUseSecureCookie(true);
                cookie.setSameSite("Lax");
                cookie.setUseBase64Encoding(false);
                CookieHttpSessionIdResolver resolver = new CookieHttpSessionIdResolver();
                resolver.setCookieSerializer(cookie);
                cookies.put(face, resolver);
            }
        }

        @Override
        public List<String> resolveSessionIds(HttpServletRequest request) {
            Face face = faceOf(request, ports);
            return cookies.get(face).resolveSessionIds(request).stream()
                    .filter(id -> id.startsWith(face.sessionIdMark()))
                    .toList();
        }

        @Override
        public void setSessionId(HttpServletRequest request, HttpServletResponse response, String sessionId) {
            if (!sessionId.equals(request.getAttribute(COOKIE_WRITTEN))) {
                cookies.get(faceOf(request, ports)).setSessionId(request, response, sessionId);
            }
        }

        @Override
        public void expireSession(HttpServletRequest request, HttpServletResponse response) {
            cookies.get(faceOf(request, ports)).expireSession(request, response);
        }

        /**
         * A new session's id: the mark of the face of the request that makes it (none outside a request). Its cookie
         * is written at once: Spring Session writes it when the response is committed through its wrapper, but a
         * forward (the refusal page after a new certificate login, say) ends with the container committing the
         * response itself, and the new session would reach the browser without its cookie.
         */
        @Override
        public String generate() {
            String random = UUID.randomUUID().toString();
            if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
                return random;
            }
            HttpServletRequest request = attributes.getRequest();
            String id = faceOf(request, ports).sessionIdMark() + random;
            HttpServletResponse response = attributes.getResponse();
            if (response != null && !response.isCommitted()) {
                cookies.get(faceOf(request, ports)).setSessionId(request, response, id);
                request.setAttribute(COOKIE_WRITTEN, id);
            }
            return id;
        }
    }
}

package cn.hrss.zcrd.web.internal;

import cn.hrss.zcrd.web.ConnectorPorts;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Plain HTTP answers only what validators fetch over HTTP by convention (CRLs and CA certificates under
 * {@code /pki/}, RFC 5280 distribution points); every other request is sent to the same path
 * on the public HTTPS listener — 301 for GET and HEAD, 308 for the rest (a form posted over HTTP is not silently
 * turned into a GET, and its content is not processed here). Nothing else runs for such a request: no session, no
 * cookie, no security chain. (The health probes are on the management port, {@link ManagementSecurity}.)
 */
final class HttpsRedirect extends OncePerRequestFilter {

    private final ConnectorPorts ports;
    private final int redirectPort;

    /** {@code redirectPort}: the port browsers reach the HTTPS listener on (0: the port it listens on). */
    HttpsRedirect(ConnectorPorts ports, int redirectPort) {
        this.ports = ports;
        this.redirectPort = redirectPort;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!ports.isPlainHttpPort(request.getLocalPort()) || servedOverHttp(pathOf(request))) {
            chain.doFilter(request, response);
            return;
        }
        int port = redirectPort > 0 ? redirectPort : ports.httpsPort();
        StringBuilder target = new StringBuilder("https://").append(host(request.getServerName()));
        if (port != 443) {
            target.append(':').append(port);
        }
        target.append(request.getRequestURI());
        if (request.getQueryString() != null) {
            target.append('?').append(request.getQueryString());
        }
        boolean safe = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        response.setStatus(safe ? HttpServletResponse.SC_MOVED_PERMANENTLY : 308);
        response.setHeader("Location", target.toString());
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(0);
    }

    static boolean servedOverHttp(String path) {
        return path.startsWith("/pki/");
    }

    private static String pathOf(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return uri.substring(Math.min(context.length(), uri.length()));
    }

    /** An IPv6 literal goes in brackets. */
    private static String host(String name) {
        return name.indexOf(':') >= 0 && !name.startsWith("[") ? "[" + name + "]" : name;
    }
}

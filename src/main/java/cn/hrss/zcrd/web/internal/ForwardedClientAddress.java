package cn.hrss.zcrd.web.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.regex.Pattern;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The client's own address for a request the load balancer forwarded on the public HTTPS face
 * (docs/operations-cluster.md, "The faces"): HAProxy ends TLS there, sets {@code X-Forwarded-For} to the address the
 * client connected from (replacing whatever the client sent) and connects to the node over TLS again. A request that
 * arrived on the public HTTPS connector from one of {@code zcrd.http.trusted-proxies} gets that address as its remote
 * address before anything reads it (limits, sessions, security, audit). Every other request keeps the address of its
 * connection: the UKEY face (TLS passed through, where HAProxy cannot add a header and one would be the client's own),
 * plain HTTP, and any connection that is not from a trusted proxy, so a client cannot name its own address. With no
 * trusted proxy (one node, the default) nothing is believed.
 *
 * <p>Written here rather than taken from Tomcat's {@code RemoteIpValve} or Spring's {@code ForwardedHeaderFilter}: the
 * valve trusts its proxies on every connector of the engine, the UKEY face included, and the filter trusts every
 * sender; neither can be held to one connector.
 */
final class ForwardedClientAddress extends OncePerRequestFilter {

    static final String HEADER = "X-Forwarded-For";

    private static final Pattern IPV4 =
            Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private final List<IpAddressMatcher> proxies;
    private final IntSupplier publicPort;

    /**
     * @param proxies addresses or CIDR ranges ({@code 10.0.0.0/8}) of the load balancers, or host names resolved once
     *     here (a container's name)
     * @param publicPort the port of the public HTTPS connector ({@code ConnectorPorts.httpsPort})
     */
    ForwardedClientAddress(List<String> proxies, IntSupplier publicPort) {
        this.proxies = proxies.stream()
                .filter(p -> !p.isBlank())
                .flatMap(p -> matchers(p.strip()).stream())
                .toList();
        this.publicPort = publicPort;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String client = forwardedClient(request);
        chain.doFilter(client == null ? request : new ForwardedRequest(request, client), response);
    }

    /** The address the trusted proxy forwarded for, or null when the request's own address stands. */
    String forwardedClient(HttpServletRequest request) {
        if (proxies.isEmpty() || request.getLocalPort() != publicPort.getAsInt()) {
            return null;
        }
        String proxy = request.getRemoteAddr();
        if (proxies.stream().noneMatch(matcher -> matcher.matches(proxy))) {
            return null;
        }
        List<String> values = Collections.list(request.getHeaders(HEADER));
        if (values.isEmpty()) {
            return null;
        }
        // the last address is the one the trusted proxy wrote (HAProxy writes exactly one)
        String last = values.get(values.size() - 1);
        String client = last.substring(last.lastIndexOf(',') + 1).strip();
        return isAddress(client) ? client : null;
    }

    /** An IPv4 or IPv6 literal (never a name: nothing here may cause a DNS lookup). */
    static boolean isAddress(String value) {
        if (IPV4.matcher(value).matches()) {
            return true;
        }
        if (!value.contains(":") || !IPV6.matcher(value).matches()) {
            return false;
        }
        try {
            // with a colon, InetAddress parses an IPv6 literal and never looks a name up
            InetAddress.getByName(value);
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static List<IpAddressMatcher> matchers(String proxy) {
        if (proxy.contains("/") || isAddress(proxy)) {
            return List.of(new IpAddressMatcher(proxy));
        }
        try {
            List<IpAddressMatcher> resolved = new ArrayList<>();
            for (InetAddress address : InetAddress.getAllByName(proxy)) {
                resolved.add(new IpAddressMatcher(address.getHostAddress()));
            }
            return resolved;
        } catch (UnknownHostException e) {
            throw new IllegalStateException("zcrd.http.trusted-proxies: unknown host " + proxy, e);
        }
    }

    /** The request as the client sent it to the proxy: its address in place of the proxy's. */
    private static final class ForwardedRequest extends HttpServletRequestWrapper {

        private final String client;

        ForwardedRequest(HttpServletRequest request, String client) {
            super(request);
            this.client = client;
        }

        @Override
        public String getRemoteAddr() {
            return client;
        }

        @Override
        public String getRemoteHost() {
            return client;
        }
    }
}

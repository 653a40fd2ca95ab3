package cn.hrss.zcrd.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;

/**
 * The UKEY half of a browser test: headless Chromium cannot be handed a client certificate without a machine-wide
 * policy, so the browser talks plain HTTP to this small local gateway, which opens every connection to the
 * mutual-TLS port with the UKEY's key (the real handshake, client certificate and all) and passes requests and
 * answers through unchanged — except that redirects and cookies are rewritten to the gateway's own address.
 * The browser sees the back office exactly as a UKEY user's browser does; the server sees a UKEY session.
 *
 * <p>Open the gateway as {@code http://localhost:PORT} and the portal as {@code http://127.0.0.1:PORT}: cookies
 * ignore ports, so two faces on one host name would share (and overwrite) their session cookie.
 *
 * <p>Browser tests open it through the {@link UkeyGateways} that {@link BrowserExtension} gives them.
 */
public final class UkeyGateway implements AutoCloseable {

    private static final Set<String> NOT_FORWARDED = Set.of(
            "host",
            "connection",
            "content-length",
            "expect",
            "upgrade",
            "keep-alive",
            "transfer-encoding",
            "te",
            "trailer",
            "proxy-connection",
            "http2-settings");

    private final HttpServer server;
    private final HttpClient client;
    private final String target;
    private boolean closed;

    private UkeyGateway(String target, SSLContext ukey) throws IOException {
        this.target = target;
        this.client = HttpClient.newBuilder()
                .sslContext(ukey)
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::forward);
        server.start();
    }

    /** A gateway to {@code https://localhost:ukeyPort} presenting the UKEY of {@code ukey} (tests: {@link UkeyGateways}). */
    static UkeyGateway to(int ukeyPort, SSLContext ukey) throws IOException {
        return new UkeyGateway("https://localhost:" + ukeyPort, ukey);
    }

    /** A gateway to {@code target} (e.g. a load balancer's mutual-TLS face) presenting the UKEY of {@code ukey}. */
    public static UkeyGateway to(URI target, SSLContext ukey) throws IOException {
        return new UkeyGateway(target.toString(), ukey);
    }

    /** Where the browser goes: {@code http://localhost:PORT}. */
    public String base() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    private void forward(HttpExchange exchange) throws IOException {
        try {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + exchange.getRequestURI()))
                    .timeout(Duration.ofSeconds(120))
                    .method(
                            exchange.getRequestMethod(),
                            body.length == 0
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofByteArray(body));
            for (Map.Entry<String, List<String>> header :
                    exchange.getRequestHeaders().entrySet()) {
                String name = header.getKey().toLowerCase(Locale.ROOT);
                if (NOT_FORWARDED.contains(name)) {
                    continue;
                }
                for (String value : header.getValue()) {
                    request.header(
                            header.getKey(),
                            name.equals("origin") || name.equals("referer") ? value.replace(base(), target) : value);
                }
            }
            HttpResponse<byte[]> response;
            try {
                response = send(request.build());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.sendResponseHeaders(502, -1);
                return;
            } catch (IOException e) {
                exchange.sendResponseHeaders(502, -1);
                return;
            }
            response.headers().map().forEach((name, values) -> {
                String lower = name.toLowerCase(Locale.ROOT);
                if (NOT_FORWARDED.contains(lower) || lower.equals(":status")) {
                    return;
                }
                for (String value : values) {
                    String rewritten = switch (lower) {
                        case "location" -> value.replace(target, base());
                        case "set-cookie" -> value.replaceAll("(?i);\\s*Secure", "");
                        default -> value;
                    };
                    exchange.getResponseHeaders().add(name, rewritten);
                }
            });
            byte[] content = response.body();
            boolean noBody = exchange.getRequestMethod().equals("HEAD")
                    || response.statusCode() == 204
                    || response.statusCode() == 304;
            exchange.sendResponseHeaders(
                    response.statusCode(), noBody ? -1 : content.length == 0 ? -1 : content.length);
            if (!noBody && content.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(content);
                }
            }
        } finally {
            exchange.close();
        }
    }

    /**
     * Sends as a browser does: a request whose kept-alive connection turns out closed (the server behind a load
     * balancer died) is sent once more on a new connection, whatever its method.
     */
    private HttpResponse<byte[]> send(HttpRequest request) throws IOException, InterruptedException {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException connectionLost) {
            return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}

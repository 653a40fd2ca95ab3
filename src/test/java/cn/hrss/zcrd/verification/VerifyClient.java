package cn.hrss.zcrd.verification;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A visitor of the verification page and a caller of its API over plain HTTP: the page's forms are sent as a
 * browser sends them (CSRF token from the page, cookie kept), the API without either.
 */
public final class VerifyClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;

    public VerifyClient(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .connectTimeout(Duration.ofSeconds(20))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public CookieManager cookies() {
        return cookies;
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .timeout(Duration.ofSeconds(60))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The page's CSRF token (GET /verify/ first). */
    public String csrfToken() throws IOException, InterruptedException {
        Matcher m = CSRF.matcher(get("/verify/").body());
        if (!m.find()) {
            throw new AssertionError("no CSRF token on the page");
        }
        return m.group(1);
    }

    /** The page's number + name form. */
    public HttpResponse<String> lookUp(String number, String name) throws IOException, InterruptedException {
        String form = "_csrf=" + enc(csrfToken()) + "&number=" + enc(number) + "&name=" + enc(name);
        return http.send(
                HttpRequest.newBuilder(URI.create(base + "/verify/number"))
                        .timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The page's upload form; {@code csrf} null leaves the token out. */
    public HttpResponse<String> uploadOnPage(byte[] file, String csrf) throws IOException, InterruptedException {
        return multipart("/verify/upload", file, csrf);
    }

    /** POST /api/verify/pdf. */
    public HttpResponse<String> uploadToApi(byte[] file) throws IOException, InterruptedException {
        return multipart("/api/verify/pdf", file, null);
    }

    public HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> multipart(String path, byte[] file, String csrf)
            throws IOException, InterruptedException {
        String boundary = "----zcrd" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream(file.length + 1024);
        if (csrf != null) {
            body.writeBytes(
                    ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n")
                            .getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; "
                        + "filename=\"certificate.pdf\"\r\nContent-Type: application/pdf\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .timeout(Duration.ofSeconds(120))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** One GET over a socket bound to {@code from} (another loopback address): returns the status line and body. */
    public static String getFrom(InetAddress from, String host, int port, String path) throws IOException {
        // over the public HTTPS listener, from the given local address (the dev root is the tests' default trust)
        try (Socket plain = new Socket(InetAddress.getByName(host), port, from, 0);
                Socket socket = sslSocketFactory().createSocket(plain, host, port, true)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static javax.net.ssl.SSLSocketFactory sslSocketFactory() {
        try {
            return javax.net.ssl.SSLContext.getDefault().getSocketFactory();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

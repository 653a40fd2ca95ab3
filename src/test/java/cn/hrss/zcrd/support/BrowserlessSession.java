package cn.hrss.zcrd.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A plain-HTTP session with cookies, for form flows where a browser adds nothing to what is checked. */
public final class BrowserlessSession {

    private static final Pattern HIDDEN_INPUT = Pattern.compile("<input[^>]*type=\"hidden\"[^>]*>");
    /** The page's CSP nonce, which PrimeFaces' script adds to every form it sends ({@code primefaces.nonce}). */
    private static final Pattern CSP_NONCE = Pattern.compile("PrimeFaces\\.csp\\.init\\('([^']+)'\\)");

    private static final Pattern NAME = Pattern.compile("name=\"([^\"]+)\"");
    private static final Pattern VALUE = Pattern.compile("value=\"([^\"]*)\"");

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;

    public BrowserlessSession(String base) {
        this(base, null);
    }

    /** A session over TLS, e.g. with a UKEY's client key ({@link TlsClient#session}). */
    public BrowserlessSession(String base, javax.net.ssl.SSLContext tls) {
        this.base = base;
        HttpClient.Builder builder = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(10));
        if (tls != null) {
            builder.sslContext(tls);
        }
        this.http = builder.build();
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /**
     * Posts {@code fields} together with every hidden input of {@code formPage} (the CSRF token, the faces view
     * state), as the page's form would — or as a crafted request built on a real page would.
     */
    public HttpResponse<String> submit(String formPage, String action, Map<String, String> fields)
            throws IOException, InterruptedException {
        return submitOn(get(formPage).body(), action, fields);
    }

    /**
     * Posts {@code fields} with the hidden inputs of a page fetched earlier (its view state may have gone stale
     * meanwhile — what a second browser tab, or a reviewer who waited, sends).
     */
    public HttpResponse<String> submitOn(String pageBody, String action, Map<String, String> fields)
            throws IOException, InterruptedException {
        return http.send(
                formPost(pageBody, action, fields), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Like {@link #submitOn}, for a form whose answer is a file (a download button): the raw bytes and headers. */
    public HttpResponse<byte[]> submitForBytes(String pageBody, String action, Map<String, String> fields)
            throws IOException, InterruptedException {
        return http.send(formPost(pageBody, action, fields), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpRequest formPost(String pageBody, String action, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(hiddenInputs(pageBody));
        if (!all.containsKey("_csrf")) {
            throw new AssertionError("no CSRF token on the page posted from " + action);
        }
        all.putAll(fields);
        String body = all.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(URI.create(base + action))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    /**
     * Like {@link #submit} for a {@code multipart/form-data} form: the hidden inputs of {@code formPage} and
     * {@code fields} as parts, plus one file part {@code fileField}.
     */
    public HttpResponse<String> submitMultipart(
            String formPage,
            String action,
            Map<String, String> fields,
            String fileField,
            String fileName,
            String contentType,
            byte[] content)
            throws IOException, InterruptedException {
        Map<String, String> all = new LinkedHashMap<>(hiddenInputs(get(formPage).body()));
        if (!all.containsKey("_csrf")) {
            throw new AssertionError("no CSRF token on " + formPage);
        }
        all.putAll(fields);
        return http.send(
                MultipartForm.of(all, fileField, fileName, contentType, content)
                        .post(HttpRequest.newBuilder(URI.create(base + action)))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The raw bytes of a GET, with its status and headers. */
    public HttpResponse<byte[]> getBytes(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Signs a portal account in through the login form. */
    public HttpResponse<String> portalLogin(String kind, String loginName, String password)
            throws IOException, InterruptedException {
        return submit(
                "/rsrc/login.xhtml?kind=" + kind,
                "/rsrc/login",
                Map.of("kind", kind, "username", loginName, "password", password));
    }

    /** The value of a cookie the server set, or null. */
    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name))
                .map(java.net.HttpCookie::getValue)
                .findFirst()
                .orElse(null);
    }

    private static Map<String, String> hiddenInputs(String page) {
        Map<String, String> inputs = new LinkedHashMap<>();
        Matcher input = HIDDEN_INPUT.matcher(page);
        while (input.find()) {
            Matcher name = NAME.matcher(input.group());
            Matcher value = VALUE.matcher(input.group());
            if (name.find()) {
                inputs.putIfAbsent(name.group(1), value.find() ? value.group(1).replace("&amp;", "&") : "");
            }
        }
        Matcher nonce = CSP_NONCE.matcher(page);
        if (nonce.find()) {
            inputs.putIfAbsent("primefaces.nonce", nonce.group(1));
        }
        return inputs;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

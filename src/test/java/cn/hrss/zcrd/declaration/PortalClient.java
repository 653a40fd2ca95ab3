package cn.hrss.zcrd.declaration;

import cn.hrss.zcrd.support.MultipartForm;
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

/**
 * A portal user's session over plain HTTP that speaks to the faces pages as a browser would, one form at a time:
 * the page is read, then one of its forms is posted with that form's hidden inputs (CSRF token, view state) and
 * the fields given — normally, as PrimeFaces ajax, or as a multipart upload. Crafted requests are built the same
 * way. (The shared {@code BrowserlessSession} posts every hidden input of a page; the declaration pages hold
 * several forms.)
 */
final class PortalClient {

    private static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form>", Pattern.DOTALL);
    private static final Pattern HIDDEN_INPUT = Pattern.compile("<input[^>]*type=\"hidden\"[^>]*>");
    private static final Pattern CSP_NONCE = Pattern.compile("PrimeFaces\\.csp\\.init\\('([^']+)'\\)");
    private static final Pattern VIEW_STATE_UPDATE =
            Pattern.compile("<update id=\"[^\"]*jakarta.faces.ViewState[^\"]*\"><!\\[CDATA\\[(.*?)]]>");

    private final String base;
    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private String page = "";

    PortalClient(String base) {
        this.base = base;
    }

    /** Signs a person in through the login form. */
    PortalClient loginPerson(String idNumber, String password) throws Exception {
        open("/rsrc/login.xhtml?kind=person");
        Map<String, String> fields = new LinkedHashMap<>(hiddenInputs(attributeOrBody("login", false)));
        fields.put("kind", "person");
        fields.put("username", idNumber);
        fields.put("password", password);
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/rsrc/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(urlEncoded(fields))));
        if (!response.uri().getPath().endsWith("/rsrc/index.xhtml")) {
            throw new AssertionError("login failed: " + response.uri());
        }
        return this;
    }

    /** GETs a page and makes it the current one. */
    HttpResponse<String> open(String path) throws Exception {
        HttpResponse<String> response = get(path);
        page = response.body();
        return response;
    }

    /** GETs without changing the current page. */
    HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    HttpResponse<byte[]> getBytes(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    String page() {
        return page;
    }

    /** Posts one form of the current page as a normal (non-ajax) submit of {@code button}. */
    HttpResponse<String> submit(String formId, String button, Map<String, String> fields) throws Exception {
        Map<String, String> all = formFields(formId);
        all.putAll(fields);
        all.put(button, "");
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(action(formId)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(urlEncoded(all))));
        page = response.body();
        return response;
    }

    /** A PrimeFaces ajax request from {@code source} (a button or link of the form), executing {@code execute}. */
    HttpResponse<String> ajax(String formId, String source, String execute, Map<String, String> fields)
            throws Exception {
        Map<String, String> all = formFields(formId);
        all.putAll(fields);
        all.put("jakarta.faces.partial.ajax", "true");
        all.put("jakarta.faces.source", source);
        all.put("jakarta.faces.partial.execute", execute);
        all.put("jakarta.faces.partial.render", "@all");
        all.putIfAbsent(source, source); // a button names itself; an input sends its value
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(action(formId)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Faces-Request", "partial/ajax")
                .POST(HttpRequest.BodyPublishers.ofString(urlEncoded(all))));
        Matcher state = VIEW_STATE_UPDATE.matcher(response.body());
        if (state.find()) {
            page = page.replaceAll(
                    "(name=\"jakarta.faces.ViewState\"[^>]*value=\")[^\"]*\"",
                    "$1" + Matcher.quoteReplacement(state.group(1)) + "\"");
        }
        return response;
    }

    /** Posts one form of the current page as a multipart upload of {@code button}, with one file. */
    HttpResponse<String> upload(
            String formId,
            String button,
            Map<String, String> fields,
            String fileField,
            String fileName,
            String contentType,
            byte[] content)
            throws Exception {
        Map<String, String> all = formFields(formId);
        all.putAll(fields);
        all.put(button, "");
        HttpResponse<String> response = send(MultipartForm.of(all, fileField, fileName, contentType, content)
                .post(HttpRequest.newBuilder(uri(action(formId)))));
        page = response.body();
        return response;
    }

    /** The hidden inputs of one form of the current page (marker, CSRF token, view state). */
    Map<String, String> formFields(String formId) {
        Map<String, String> fields = new LinkedHashMap<>(hiddenInputs(attributeOrBody(formId, false)));
        // the page's CSP nonce, which PrimeFaces' script adds to every form it sends
        Matcher nonce = CSP_NONCE.matcher(page);
        if (nonce.find()) {
            fields.putIfAbsent("primefaces.nonce", nonce.group(1));
        }
        return fields;
    }

    private String action(String formId) {
        Matcher action = Pattern.compile("action=\"([^\"]*)\"").matcher(attributeOrBody(formId, true));
        if (!action.find()) {
            throw new AssertionError("form " + formId + " has no action");
        }
        return action.group(1).replace("&amp;", "&");
    }

    /** The start tag's attributes or the body of the form with the id. */
    private String attributeOrBody(String formId, boolean attributes) {
        Matcher form = FORM.matcher(page);
        while (form.find()) {
            if (form.group(1).contains("id=\"" + formId + "\"")) {
                return attributes ? form.group(1) : form.group(2);
            }
        }
        throw new AssertionError("no form " + formId + " on the page:\n" + page);
    }

    private static Map<String, String> hiddenInputs(String html) {
        Map<String, String> inputs = new LinkedHashMap<>();
        Matcher input = HIDDEN_INPUT.matcher(html);
        while (input.find()) {
            Matcher name = Pattern.compile("name=\"([^\"]+)\"").matcher(input.group());
            Matcher value = Pattern.compile("value=\"([^\"]*)\"").matcher(input.group());
            if (name.find()) {
                inputs.putIfAbsent(name.group(1), value.find() ? value.group(1).replace("&amp;", "&") : "");
            }
        }
        return inputs;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private URI uri(String path) {
        return URI.create(path.startsWith("http") ? path : base + path);
    }

    private static String urlEncoded(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}

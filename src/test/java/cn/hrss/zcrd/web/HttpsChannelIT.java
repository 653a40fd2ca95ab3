package cn.hrss.zcrd.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.zcrd.account.BackOfficeRole;
import cn.hrss.zcrd.support.BackOfficeLogins;
import cn.hrss.zcrd.support.BackOfficeStaff;
import cn.hrss.zcrd.support.BrowserlessSession;
import cn.hrss.zcrd.support.Faces;
import cn.hrss.zcrd.support.IntegrationTest;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The channels (issue 14 items 1 and 6): plain HTTP only redirects to the public HTTPS listener, except what
 * validators fetch over HTTP ({@code /pki/}; the health probes are on the management port, MetricsIT); HTTPS answers
 * carry HSTS, a Content-Security-Policy
 * and the other security headers — pages, error pages, the verification page and API alike; every cookie is
 * {@code Secure}, {@code HttpOnly} and {@code SameSite}.
 */
@IntegrationTest
class HttpsChannelIT {

    @Autowired
    BackOfficeStaff staff;

    @Autowired
    ConnectorPorts ports;

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    @Test
    void plainHttpRedirectsEveryPortalAndBackOfficePageToTheSamePathOverHttps() throws Exception {
        List<String> paths = new ArrayList<>(List.of(
                "/", "/rsrc", "/rsrc/", "/sdmanager/", "/verify/", "/api/verify/openapi.yaml", "/errors/error.xhtml"));
        paths.addAll(pages("rsrc"));
        paths.addAll(pages("sdmanager"));
        assertThat(paths).contains("/rsrc/login.xhtml", "/sdmanager/login.xhtml", "/rsrc/person/declarations.xhtml");
        for (String path : paths) {
            HttpResponse<String> answer = get(Faces.plainHttpBase(ports) + path + "?x=1");
            assertThat(answer.statusCode()).as("GET http %s", path).isEqualTo(301);
            assertThat(answer.headers().firstValue("Location"))
                    .as("GET http %s", path)
                    .contains(Faces.publicBase(ports) + path + "?x=1");
            assertThat(answer.headers().firstValue("Set-Cookie"))
                    .as("no session over HTTP")
                    .isEmpty();
        }
    }

    @Test
    void aFormPostedOverPlainHttpIsRedirectedWithItsMethodAndNotProcessed() throws Exception {
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create(Faces.plainHttpBase(ports) + "/rsrc/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=wrong"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(308);
        assertThat(answer.headers().firstValue("Location")).contains(Faces.publicBase(ports) + "/rsrc/login");
    }

    @Test
    void crlsAndCaCertificatesStayOnPlainHttp() throws Exception {
        for (String path : List.of("/pki/root-ca.crl", "/pki/root-ca.cer")) {
            HttpResponse<String> answer = get(Faces.plainHttpBase(ports) + path);
            assertThat(answer.statusCode()).as("GET http %s", path).isEqualTo(200);
            assertThat(answer.headers().firstValue("Strict-Transport-Security"))
                    .as("no HSTS over plain HTTP")
                    .isEmpty();
        }
    }

    @Test
    void httpsPagesCarryHstsAndTheSecurityHeadersWithANoncePerResponse() throws Exception {
        for (String path : List.of("/rsrc/login.xhtml", "/sdmanager/login.xhtml", "/rsrc/register/person.xhtml")) {
            HttpResponse<String> page = get(Faces.publicBase(ports) + path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertSecurityHeaders(page, path);
            String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
            assertThat(policy).as(path).containsPattern("script-src 'self' 'nonce-[A-Za-z0-9+/=_-]+'");
            String nonce = policy.replaceAll(".*'nonce-([^']+)'.*", "$1");
            // PrimeFaces puts the nonce on its script tags; no inline handler is left in the markup
            assertThat(page.body()).as(path).contains("nonce=\"" + nonce + "\"");
            assertThat(page.body()).as(path).doesNotContainPattern("\\son(click|change|complete|load)=\"");
            String again = get(Faces.publicBase(ports) + path)
                    .headers()
                    .firstValue("Content-Security-Policy")
                    .orElseThrow();
            assertThat(again).as("a new nonce for each answer").isNotEqualTo(policy);
        }
    }

    @Test
    void errorPagesTheVerificationPageAndTheApiCarryTheHeadersToo() throws Exception {
        HttpResponse<String> missing = get(Faces.publicBase(ports) + "/errors/no-such-page.xhtml");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertSecurityHeaders(missing, "404 page");
        HttpResponse<String> refused = get(Faces.publicBase(ports) + "/sdmanager/system/accounts.xhtml");
        assertThat(refused.statusCode()).isBetween(300, 403);
        assertSecurityHeaders(refused, "back office without login");
        HttpResponse<String> verify = get(Faces.publicBase(ports) + "/verify/");
        assertThat(verify.statusCode()).isEqualTo(200);
        assertSecurityHeaders(verify, "/verify/");
        assertThat(verify.headers().firstValue("Content-Security-Policy").orElseThrow())
                .as("no inline script outside faces pages")
                .contains("script-src 'self';")
                .doesNotContain("unsafe-inline' ;", "nonce-");
        HttpResponse<String> api = get(Faces.publicBase(ports) + "/api/verify/c/ZC0000?k=x");
        assertThat(api.statusCode()).isBetween(400, 404);
        assertSecurityHeaders(api, "/api/verify/");
    }

    @Test
    void everyCookieIsSecureHttpOnlyAndSameSite() throws Exception {
        List<String> cookies = new ArrayList<>();
        cookies.addAll(setCookies(get(Faces.publicBase(ports) + "/sdmanager/login.xhtml")));
        cookies.addAll(setCookies(get(Faces.publicBase(ports) + "/rsrc/register/person.xhtml")));
        cookies.addAll(setCookies(get(Faces.publicBase(ports) + "/verify/")));
        BrowserlessSession session = Faces.publicSession(ports);
        BackOfficeLogins.Fallback reviewer =
                staff.fallback("https-reviewer", "钱安全", BackOfficeRole.BUREAU_REVIEWER, "Https-Passw0rd");
        cookies.addAll(setCookies(reviewer.login(session)));
        assertThat(cookies)
                .as("the session cookie and the CSRF cookies were set")
                .anyMatch(c -> c.startsWith("ZCRD_SDM="))
                .anyMatch(c -> c.startsWith("ZCRD-CSRF="))
                .anyMatch(c -> c.startsWith("XSRF-TOKEN="));
        assertThat(cookies)
                .allSatisfy(cookie -> assertThat(cookie.toLowerCase(java.util.Locale.ROOT))
                        .contains("; secure", "; httponly", "; samesite="));
    }

    private static void assertSecurityHeaders(HttpResponse<?> answer, String what) {
        var headers = answer.headers();
        assertThat(headers.firstValue("Strict-Transport-Security"))
                .as(what)
                .hasValueSatisfying(v -> assertThat(v).contains("max-age=31536000"));
        assertThat(headers.firstValue("Content-Security-Policy"))
                .as(what)
                .hasValueSatisfying(v ->
                        assertThat(v).contains("default-src 'self'", "frame-ancestors 'self'", "object-src 'none'"));
        assertThat(headers.firstValue("X-Content-Type-Options")).as(what).contains("nosniff");
        assertThat(headers.firstValue("Referrer-Policy")).as(what).contains("same-origin");
        assertThat(headers.firstValue("X-Frame-Options")).as(what).contains("SAMEORIGIN");
        assertThat(headers.firstValue("Cache-Control"))
                .as(what)
                .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
    }

    /** Every Set-Cookie of an answer and of the redirects that led to it. */
    private static List<String> setCookies(HttpResponse<?> answer) {
        List<String> cookies = new ArrayList<>();
        for (Optional<? extends HttpResponse<?>> r = Optional.of(answer);
                r.isPresent();
                r = r.get().previousResponse()) {
            cookies.addAll(r.get().headers().allValues("Set-Cookie"));
        }
        return cookies;
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The faces pages of a face, as shipped (new pages are covered without touching this test). */
    private static List<String> pages(String face) throws IOException, URISyntaxException {
        Path root = Path.of(HttpsChannelIT.class
                        .getClassLoader()
                        .getResource("META-INF/resources/" + face)
                        .toURI())
                .getParent();
        try (Stream<Path> files = Files.walk(root.resolve(face))) {
            return files.filter(f -> f.toString().endsWith(".xhtml"))
                    .map(f -> "/" + root.relativize(f).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
    }
}

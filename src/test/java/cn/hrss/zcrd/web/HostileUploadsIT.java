package cn.hrss.zcrd.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.zcrd.support.Faces;
import cn.hrss.zcrd.support.HostileFiles;
import cn.hrss.zcrd.support.IntegrationTest;
import cn.hrss.zcrd.support.MultipartForm;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The anonymous upload paths ({@code /api/verify/pdf}, {@code /verify/upload}) against the hostile-file corpus, and
 * the error answers of malformed requests: never a 500, never the container's English page, JSON under
 * {@code /api/}, a Chinese text elsewhere, each within a second. (The attachment and seal checks get the same corpus
 * in {@code HostileAttachmentsTest} and {@code SealImageInspectorTest}; verification does not parse PDFs at all but
 * scans them linearly, so a hostile one is a verdict or a refusal.)
 */
@IntegrationTest
class HostileUploadsIT {

    static final long BUDGET_MILLIS = 1000;

    @Autowired
    ConnectorPorts ports;

    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void everyHostileFileGetsAChineseAnswerQuicklyAndNeverA500() throws Exception {
        List<HostileFiles.Sample> corpus = new ArrayList<>(HostileFiles.pdfs());
        corpus.addAll(HostileFiles.activePdfs());
        corpus.addAll(HostileFiles.pngs());
        post("/api/verify/pdf", multipart("file", "warm.pdf", "application/pdf", new byte[] {'%'}));
        for (HostileFiles.Sample sample : corpus) {
            // /verify/upload is the same check behind a CSRF token (a form post without one is 403)
            for (String path : List.of("/api/verify/pdf")) {
                long start = System.nanoTime();
                HttpResponse<String> answer =
                        post(path, multipart("file", sample.name() + ".pdf", "application/pdf", sample.bytes()));
                long millis = (System.nanoTime() - start) / 1_000_000;
                String what = sample.name() + " → " + path;
                assertThat(answer.statusCode()).as(what).isIn(200, 400, 413, 422);
                assertThat(millis).as(what + " ms").isLessThan(BUDGET_MILLIS);
                assertThat(answer.body()).as(what).containsPattern("\\p{IsHan}").doesNotContain("Exception");
                if (path.startsWith("/api/")) {
                    assertThat(answer.headers().firstValue("Content-Type").orElse(""))
                            .as(what)
                            .startsWith("application/json");
                    // a hostile file is never 真实有效
                    assertThat(answer.body()).as(what).doesNotContain("\"GENUINE\"");
                }
            }
        }
    }

    @Test
    void aTruncatedMultipartBodyIsABadRequestInChineseJsonOnTheApiAndAPageElsewhere() throws Exception {
        String boundary = "----zcrdcut";
        byte[] cut = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n"
                        + "Content-Type: application/pdf\r\n\r\n%PDF-1.7 and then nothing")
                .getBytes(StandardCharsets.ISO_8859_1);
        HttpResponse<String> api =
                post("/api/verify/pdf", new MultipartForm("multipart/form-data; boundary=" + boundary, cut));
        assertThat(api.statusCode()).isEqualTo(400);
        assertJsonInChinese(api);
        HttpResponse<String> page =
                post("/verify/upload", new MultipartForm("multipart/form-data; boundary=" + boundary, cut));
        assertThat(page.statusCode()).isEqualTo(400);
        assertProductPage(page);
        HttpResponse<String> faces = post(
                "/rsrc/register/person.xhtml", new MultipartForm("multipart/form-data; boundary=" + boundary, cut));
        assertThat(faces.statusCode()).isBetween(400, 499);
        assertProductPage(faces);
    }

    @Test
    void aWrongContentTypeOrMethodOnTheApiIsAnsweredInChineseJson() throws Exception {
        HttpResponse<String> plain = post("/api/verify/pdf", new MultipartForm("text/plain", "hello".getBytes()));
        assertThat(plain.statusCode()).isEqualTo(415);
        assertJsonInChinese(plain);
        HttpResponse<String> get = http.send(
                HttpRequest.newBuilder(URI.create(Faces.publicBase(ports) + "/api/verify/pdf"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(get.statusCode()).isEqualTo(405);
        assertJsonInChinese(get);
    }

    @Test
    void anOversizedUploadIsAnsweredInChineseNotByTheContainer() throws Exception {
        byte[] thirtyMegabytes = new byte[30 * 1024 * 1024];
        HttpResponse<String> api =
                post("/api/verify/pdf", multipart("file", "big.pdf", "application/pdf", thirtyMegabytes));
        assertThat(api.statusCode()).isEqualTo(413);
        assertJsonInChinese(api);
        HttpResponse<String> faces =
                post("/rsrc/register/person.xhtml", multipart("file", "big.pdf", "application/pdf", thirtyMegabytes));
        assertThat(faces.statusCode()).isBetween(400, 499);
        assertProductPage(faces);
    }

    private static void assertJsonInChinese(HttpResponse<String> answer) {
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(answer.body()).startsWith("{").contains("\"message\"").containsPattern("\\p{IsHan}");
    }

    private static void assertProductPage(HttpResponse<String> answer) {
        assertThat(answer.body())
                .containsPattern("\\p{IsHan}")
                .doesNotContain("Apache Tomcat")
                .doesNotContain("HTTP Status")
                .doesNotContain("Exception");
    }

    /** A form of one file part and nothing else. */
    static MultipartForm multipart(String field, String fileName, String contentType, byte[] content) {
        return MultipartForm.of(Map.of(), field, fileName, contentType, content);
    }

    private HttpResponse<String> post(String path, MultipartForm body) throws IOException, InterruptedException {
        return http.send(
                body.post(HttpRequest.newBuilder(URI.create(Faces.publicBase(ports) + path))
                                .timeout(Duration.ofSeconds(30)))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}

package cn.hrss.zcrd.verification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.zcrd.account.BackOfficeRole;
import cn.hrss.zcrd.account.BackOfficeUser;
import cn.hrss.zcrd.certificate.CertificatePageFixtures;
import cn.hrss.zcrd.certificate.OriginalCertificate;
import cn.hrss.zcrd.certificate.SpecimenCertificateService;
import cn.hrss.zcrd.certificate.TitleCertificates;
import cn.hrss.zcrd.signing.SignatureToken;
import cn.hrss.zcrd.signing.TimeStampProperties;
import cn.hrss.zcrd.support.BackOfficeStaff;
import cn.hrss.zcrd.support.Faces;
import cn.hrss.zcrd.support.IntegrationTest;
import cn.hrss.zcrd.support.Pdfsig;
import cn.hrss.zcrd.verification.internal.HostilePdfs;
import cn.hrss.zcrd.web.ConnectorPorts;
import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yaml.snakeyaml.Yaml;

/**
 * The public verification page and API over HTTP with certificates signed through the token: each kind of file
 * gets its verdict on both, look-ups by number + name and by the QR key, hostile uploads get a message in bounded
 * time (never a 500), no session, CSRF on the page's forms only, the OpenAPI description, the rate limit.
 */
@IntegrationTest
class VerificationIT {

    @Autowired
    BackOfficeStaff staff;

    @Autowired
    SignatureToken token;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ConnectorPorts ports;

    @Autowired
    TitleCertificates certificates;

    @Autowired
    VerificationFixtures fixtures;

    static VerificationFixtures.Issuer issuer;
    static VerificationFixtures.Issued valid;
    static VerificationFixtures.Issued revoked;
    static VerificationFixtures.Issued unregistered;
    static VerificationFixtures.Issued foreign;
    VerifyClient client;

    @BeforeEach
    void setUp() throws Exception {
        String base = Faces.publicBase(ports);
        if (issuer == null) {
            issuer = fixtures.issuer("验证测试发证单位");
            valid = fixtures.issued(issuer, "李有效");
            revoked = fixtures.issued(issuer, "王注销");
            fixtures.revoke(issuer, revoked, "证书信息有误，予以注销");
            unregistered = fixtures.unregistered(issuer, "赵未登记");
            foreign = fixtures.foreign(issuer, "钱伪造");
        }
        client = new VerifyClient(base);
    }

    @Test
    void aPdfSignedWithAPlatformKeyThatIsNotASealIsNeverGenuine(
            @Autowired TimeStampProperties tsa, @Autowired SpecimenCertificateService specimens) throws Exception {
        // the health check makes its test-profile key with its first real check
        HttpResponse<String> health = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(
                                        java.net.URI.create(Faces.managementBase(ports) + "/actuator/health"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        BackOfficeUser admin = staff.passwordUser(
                "verify-specimen-" + System.nanoTime() % 100_000, "样本", BackOfficeRole.SYSTEM_ADMIN, "Specimen123!");
        Map<String, byte[]> files = Map.of(
                "signed with the TSA key, registered",
                fixtures.signedWithPlatformKey(issuer, "孙时间戳", tsa.keyAlias()).pdf(),
                "signed with the health-check key, registered",
                fixtures.signedWithPlatformKey(issuer, "周检测", "platform-health-1")
                        .pdf(),
                "a specimen",
                CertificatePageFixtures.as(admin, () -> specimens.issueSpecimen("吴样本")));
        for (var file : files.entrySet()) {
            HttpResponse<String> api = client.uploadToApi(file.getValue());
            assertThat(api.statusCode()).as(file.getKey()).isEqualTo(200);
            assertThat(api.body())
                    .as(file.getKey())
                    .contains("\"verdict\":\"SIGNER_INVALID\"")
                    .contains("\"verdictLabel\":\"签名证书无效\"")
                    .doesNotContain("GENUINE");
            HttpResponse<String> page = client.uploadOnPage(file.getValue(), client.csrfToken());
            assertThat(page.body()).as(file.getKey()).contains("<strong id=\"verdict\">签名证书无效</strong>");
        }
    }

    @Test
    void eachKindOfFileGetsItsVerdictOnThePageAndInTheApi() throws Exception {
        byte[] tampered = flipOneByte(valid.pdf());
        Map<String, byte[]> files = Map.of(
                "GENUINE",
                valid.pdf(),
                "REVOKED",
                revoked.pdf(),
                "TAMPERED",
                tampered,
                "FOREIGN",
                foreign.pdf(),
                "UNREGISTERED",
                unregistered.pdf());
        Map<String, String> labels = Map.of(
                "GENUINE",
                "真实有效",
                "REVOKED",
                "已注销",
                "TAMPERED",
                "文件被篡改",
                "FOREIGN",
                "非本平台签发",
                "UNREGISTERED",
                "签名有效但未登记");
        for (var file : files.entrySet()) {
            String verdict = file.getKey();
            HttpResponse<String> page = client.uploadOnPage(file.getValue(), client.csrfToken());
            assertThat(page.statusCode()).as(verdict).isEqualTo(200);
            assertThat(page.body()).as(verdict).contains("<strong id=\"verdict\">" + labels.get(verdict) + "</strong>");
            HttpResponse<String> api = client.uploadToApi(file.getValue());
            assertThat(api.statusCode()).as(verdict).isEqualTo(200);
            assertThat(api.body())
                    .as(verdict)
                    .contains("\"verdict\":\"" + verdict + "\"")
                    .contains("\"verdictLabel\":\"" + labels.get(verdict) + "\"");
        }
        // what the page tells about the genuine one: unchanged, signer unit, chain, registered data with masked ID
        String page = client.uploadOnPage(valid.pdf(), client.csrfToken()).body();
        assertThat(page)
                .contains(
                        "id=\"check-unchanged\" class=\"yes\"",
                        "id=\"check-chain\" class=\"yes\"",
                        "id=\"check-valid-at-signing\" class=\"yes\"",
                        "id=\"check-registered\" class=\"yes\"",
                        issuer.unit().name(),
                        valid.number(),
                        "李有效",
                        VerificationFixtures.masked(valid.idNumber()))
                .doesNotContain(valid.idNumber());
        String revokedPage =
                client.uploadOnPage(revoked.pdf(), client.csrfToken()).body();
        assertThat(revokedPage).contains("证书信息有误，予以注销", "id=\"field-revoked-at\"");
        String tamperedPage = client.uploadOnPage(tampered, client.csrfToken()).body();
        assertThat(tamperedPage)
                .contains("id=\"check-unchanged\" class=\"no\"")
                .doesNotContain("id=\"check-registered\""); // never looked up for a changed file
        String foreignApi = client.uploadToApi(foreign.pdf()).body();
        assertThat(foreignApi).contains("\"unchanged\":true", "\"chainsToPlatformRoot\":false");
        String unregisteredApi = client.uploadToApi(unregistered.pdf()).body();
        assertThat(unregisteredApi)
                .contains(
                        "\"chainsToPlatformRoot\":true",
                        "\"registered\":false",
                        "\"signerUnit\":\"" + issuer.unit().name() + "\"");
        // independent opinions on the same files
        assertThat(Pdfsig.validate(valid.pdf())).contains("Signature is Valid");
        assertThat(Pdfsig.validate(tampered)).doesNotContain("Signature is Valid");
    }

    @Test
    void anArchiveTimeStampedCertificateAndItsEarlierVersionBothVerifyAsTheSameRegisteredCertificate(
            @Autowired cn.hrss.zcrd.certificate.internal.CertificateArchiving archiving) throws Exception {
        VerificationFixtures.Issued lta = fixtures.issued(issuer, "吴长期");
        var stamped = archiving.stamp(fixtures.idOf(lta), "test").orElseThrow();
        assertThat(jdbc.queryForObject(
                        "SELECT sha256 FROM title_certificate WHERE number = ?", String.class, lta.number()))
                .isEqualTo(stamped.sha256());
        for (byte[] version : java.util.List.of(lta.pdf(), stamped.pdf())) {
            String api = client.uploadToApi(version).body();
            assertThat(api).contains("\"verdict\":\"GENUINE\"", "\"registered\":true", lta.number());
        }
        String api = client.uploadToApi(stamped.pdf()).body();
        assertThat(api)
                .contains("\"unchanged\":true", "\"archiveTimeStamps\":[\"", "\"evidenceUntil\":\"")
                .doesNotContain("\"archiveTimeStamps\":[]");
        assertThat(client.uploadToApi(lta.pdf()).body()).contains("\"archiveTimeStamps\":[]");
        String page = client.uploadOnPage(stamped.pdf(), client.csrfToken()).body();
        assertThat(page).contains("真实有效", "归档时间戳", "证据有效期至", "id=\"check-unchanged\" class=\"yes\"");
        // a foreign update after the archive time-stamp is still an appended change
        String latin = new String(stamped.pdf(), java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] appended = (latin + "3 0 obj\n<</Type/Page>>\nendobj\n%%EOF\n")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(client.uploadToApi(appended).body()).contains("\"verdict\":\"TAMPERED\"");
        assertThat(Pdfsig.validate(stamped.pdf()))
                .contains("Signature is Valid")
                .doesNotContain("Signature is Invalid");
    }

    @Test
    void lookUpByNumberAndNameAndByTheQrCodesKey() throws Exception {
        HttpResponse<String> found = client.lookUp(valid.number(), " 李有效 ");
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(found.body())
                .contains(
                        "<strong id=\"status\">有效</strong>",
                        valid.number(),
                        VerificationFixtures.masked(valid.idNumber()),
                        issuer.unit().name())
                .doesNotContain(valid.idNumber());
        assertThat(client.lookUp(valid.number(), "李无效").body())
                .contains("id=\"problem\"", "未找到相符的证书")
                .doesNotContain("李有效");
        assertThat(client.lookUp("ZC2026999999000001", "李有效").body()).contains("未找到相符的证书");
        assertThat(client.lookUp("<script>", "x").body()).contains("未找到相符的证书").doesNotContain("<script>");
        assertThat(client.lookUp("", "").body()).contains("请输入证书编号和持证人姓名");

        String qr = valid.address().getRawPath() + "?" + valid.address().getRawQuery();
        assertThat(client.get(qr).body()).contains("<strong id=\"status\">有效</strong>", "李有效");
        assertThat(client.get("/verify/c/" + valid.number() + "?k=00"
                                + valid.key().substring(2))
                        .statusCode())
                .isEqualTo(404);
        HttpResponse<String> revokedPage = client.get("/verify/c/" + revoked.number() + "?k=" + revoked.key());
        assertThat(revokedPage.body()).contains("<strong id=\"status\">已注销</strong>", "证书信息有误，予以注销");

        HttpResponse<String> api =
                client.postJson("/api/verify/number", "{\"number\":\"" + valid.number() + "\",\"holderName\":\"李有效\"}");
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.body())
                .contains(
                        "\"found\":true",
                        "\"status\":\"VALID\"",
                        "\"statusLabel\":\"有效\"",
                        "\"maskedIdNumber\":\"" + VerificationFixtures.masked(valid.idNumber()) + "\"")
                .doesNotContain(valid.idNumber());
        assertThat(client.postJson(
                                "/api/verify/number", "{\"number\":\"" + valid.number() + "\",\"holderName\":\"别人\"}")
                        .statusCode())
                .isEqualTo(404);
        assertThat(client.postJson("/api/verify/number", "not json").statusCode())
                .isEqualTo(400);
        HttpResponse<String> byKey = client.get("/api/verify/c/" + revoked.number() + "?k=" + revoked.key());
        assertThat(byKey.statusCode()).isEqualTo(200);
        assertThat(byKey.body())
                .contains("\"status\":\"REVOKED\"", "\"statusLabel\":\"已注销\"", "\"revocationReason\":\"证书信息有误，予以注销\"");
        assertThat(client.get("/api/verify/c/" + revoked.number() + "?k=wrong").statusCode())
                .isEqualTo(404);
    }

    @Test
    void theApiGivesTheKindOfCertificateAndAConfirmationsOriginalCertificateAsThePageShowsThem() throws Exception {
        VerificationFixtures.Issued confirmed = fixtures.confirmed(
                issuer,
                "孙确认",
                new OriginalCertificate("江苏省人力资源和社会保障厅", "JS2023-000188", java.time.LocalDate.of(2023, 6, 30)));

        // the page: 证书类别 职称确认 and the original certificate's rows
        String page = client.get("/verify/c/" + confirmed.number() + "?k=" + confirmed.key())
                .body();
        assertThat(page)
                .contains("<td id=\"field-kind\">职称确认</td>")
                .contains("<td id=\"field-original-authority\">江苏省人力资源和社会保障厅</td>")
                .contains("<td id=\"field-original-number\">JS2023-000188</td>")
                .contains("<td id=\"field-original-obtained-on\">2023-06-30</td>");

        // the API says the same by number + name, by the QR key and for the uploaded PDF
        String original = "\"original\":{\"issuingAuthority\":\"江苏省人力资源和社会保障厅\",\"number\":\"JS2023-000188\","
                + "\"obtainedOn\":\"2023-06-30\"}";
        for (HttpResponse<String> api : List.of(
                client.postJson(
                        "/api/verify/number", "{\"number\":\"" + confirmed.number() + "\",\"holderName\":\"孙确认\"}"),
                client.get("/api/verify/c/" + confirmed.number() + "?k=" + confirmed.key()),
                client.uploadToApi(confirmed.pdf()))) {
            assertThat(api.statusCode()).isEqualTo(200);
            assertThat(api.body()).contains("\"kind\":\"CONFIRMATION\"", "\"kindLabel\":\"职称确认\"", original);
        }

        // a recognition certificate: 职称认定, no original certificate — on the page and in the API
        assertThat(client.get("/verify/c/" + valid.number() + "?k=" + valid.key())
                        .body())
                .contains("<td id=\"field-kind\">职称认定</td>")
                .doesNotContain("field-original");
        assertThat(client.get("/api/verify/c/" + valid.number() + "?k=" + valid.key())
                        .body())
                .contains("\"kind\":\"RECOGNITION\"", "\"kindLabel\":\"职称认定\"", "\"original\":null");

        // and the OpenAPI description names both
        Map<String, Object> certificate = schema("Certificate");
        assertThat(certificate).containsKeys("kind", "kindLabel", "original");
        assertThat(schema("OriginalCertificate")).containsKeys("issuingAuthority", "number", "obtainedOn");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> schema(String name) throws Exception {
        Map<String, Object> doc =
                new Yaml().load(client.get("/api/verify/openapi.yaml").body());
        Map<String, Object> schemas =
                (Map<String, Object>) ((Map<String, Object>) doc.get("components")).get("schemas");
        return (Map<String, Object>) ((Map<String, Object>) schemas.get(name)).get("properties");
    }

    @Test
    void badUploadsGetAClearMessageInBoundedTimeAndNever500() throws Exception {
        record Bad(String what, byte[] file, int status, String message) {}
        List<Bad> bad = List.of(
                new Bad(
                        "not a PDF",
                        "MZ this is an executable renamed .pdf".repeat(50).getBytes(StandardCharsets.UTF_8),
                        400,
                        "该文件不是PDF文件"),
                new Bad("truncated", Arrays.copyOf(valid.pdf(), valid.pdf().length * 2 / 3), 400, "不完整"),
                new Bad("50 MB", HostilePdfs.bigPdf(50 * 1024 * 1024), 413, "文件过大"),
                new Bad("thousands of signatures", HostilePdfs.manySignatures(valid.pdf(), 5000), 200, "多个签名"),
                new Bad("deeply nested", HostilePdfs.deeplyNestedArrays(1_000_000), 200, "没有电子签名"),
                new Bad("nested signature container", HostilePdfs.signatureWithNestedContainer(10_000), 200, "签名数据已损坏"),
                new Bad("empty", new byte[0], 400, "请选择要验证的PDF文件"));
        for (Bad b : bad) {
            long start = System.nanoTime();
            HttpResponse<String> page = client.uploadOnPage(b.file(), client.csrfToken());
            HttpResponse<String> api = client.uploadToApi(b.file());
            double seconds = (System.nanoTime() - start) / 1e9;
            assertThat(page.statusCode()).as(b.what()).isEqualTo(b.status());
            assertThat(page.body()).as(b.what()).contains(b.message());
            assertThat(api.statusCode()).as(b.what()).isEqualTo(b.status());
            assertThat(api.body()).as(b.what()).contains(b.message());
            assertThat(seconds).as(b.what() + " answered in bounded time").isLessThan(30);
        }
    }

    @Test
    void noSessionIsMadeAndOnlyThePagesFormsNeedTheCsrfToken() throws Exception {
        HttpResponse<String> page = client.get("/verify/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("职称证书查询验证", "name=\"_csrf\"");
        assertThat(page.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("ZCRD_PORTAL"));
        HttpResponse<String> withoutToken = client.uploadOnPage(valid.pdf(), null);
        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(withoutToken.body()).contains("页面已过期或请求无效");
        HttpResponse<String> api = client.uploadToApi(valid.pdf());
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(client.cookies().getCookieStore().getCookies())
                .noneMatch(c -> c.getName().equals("ZCRD_PORTAL"));
    }

    @Test
    void theApiIsDescribedByAnOpenApiDocument() throws Exception {
        HttpResponse<String> yaml = client.get("/api/verify/openapi.yaml");
        assertThat(yaml.statusCode()).isEqualTo(200);
        Map<String, Object> doc = new Yaml().load(yaml.body());
        assertThat(String.valueOf(doc.get("openapi"))).startsWith("3.");
        @SuppressWarnings("unchecked")
        Map<String, Object> paths = (Map<String, Object>) doc.get("paths");
        assertThat(paths)
                .containsKeys(
                        "/api/verify/number", "/api/verify/c/{number}", "/api/verify/pdf", "/api/verify/openapi.yaml");
        // every described path answers (not 404 / 405)
        assertThat(client.postJson("/api/verify/number", "{}").statusCode()).isEqualTo(404);
        assertThat(client.get("/api/verify/c/" + valid.number() + "?k=" + valid.key())
                        .statusCode())
                .isEqualTo(200);
        assertThat(client.uploadToApi(valid.pdf()).statusCode()).isEqualTo(200);
    }

    @Test
    void aClientAddressThatAsksTooOftenIsToldToWait() throws Exception {
        InetAddress other = InetAddress.getByName("127.0.0.2");
        String last = "";
        int limited = 0;
        for (int i = 0; i < 15; i++) {
            last = VerifyClient.getFrom(
                    other, "127.0.0.1", ports.httpsPort(), "/api/verify/c/" + valid.number() + "?k=" + valid.key());
            if (last.startsWith("HTTP/1.1 429")) {
                limited++;
            }
        }
        assertThat(limited).as("requests over the test capacity (10)").isGreaterThanOrEqualTo(4);
        assertThat(last).startsWith("HTTP/1.1 429").contains("查询过于频繁，请稍后再试", "Retry-After");
        String page = VerifyClient.getFrom(other, "127.0.0.1", ports.httpsPort(), "/verify/");
        assertThat(page).startsWith("HTTP/1.1 429").contains("查询过于频繁，请稍后再试");
        // others are not affected
        assertThat(client.get("/verify/").statusCode()).isEqualTo(200);
    }

    @Test
    void thePageShowsOnlyTheChecksThatRanWithCertificateNamesAsChineseLabelsAndALinkToThePortal() throws Exception {
        // a change in the signed part: the integrity check failed, nothing after it ran
        String tampered = client.uploadOnPage(flipOneByte(valid.pdf()), client.csrfToken())
                .body();
        assertThat(tampered)
                .contains("文件被篡改", "id=\"check-unchanged\" class=\"no\"", "签名部分未被修改")
                .doesNotContain(
                        "id=\"check-chain\"",
                        "签名证书链至本平台根证书",
                        "id=\"check-valid-at-signing\"",
                        "id=\"check-registered\"",
                        "id=\"field-signer-subject\"");
        // a foreign signer: integrity and chain ran, the chain failed; validity and register never looked at
        String foreignPage =
                client.uploadOnPage(foreign.pdf(), client.csrfToken()).body();
        assertThat(foreignPage)
                .contains("id=\"check-unchanged\" class=\"yes\"", "id=\"check-chain\" class=\"no\"")
                .doesNotContain("id=\"check-valid-at-signing\"", "id=\"check-registered\"");
        // the signer's subject in Chinese labels, not as a DN
        String genuine = client.uploadOnPage(valid.pdf(), client.csrfToken()).body();
        assertThat(fieldText(genuine, "field-signer-subject"))
                .contains(
                        "单位：" + issuer.unit().name(),
                        "统一社会信用代码：" + issuer.unit().creditCode())
                .doesNotContain("organizationIdentifier", "O=", "CN=", "2.5.4.97");
        assertThat(genuine).contains("id=\"check-after-signature\" class=\"yes\"");
        // the portal is one click away, on the form and on every answer
        for (String page : List.of(genuine, client.get("/verify/").body())) {
            assertThat(page).contains("id=\"portal-link\" href=\"/rsrc/\"", "返回门户首页");
        }
    }

    @Test
    void aFileWhoseValidationDataWasAlteredAfterSigningIsNotCalledUnchanged() throws Exception {
        // one byte inside the last stream of the DSS update (the unsigned validation data after the signature)
        String latin = new String(valid.pdf(), StandardCharsets.ISO_8859_1);
        int signedEnd = latin.indexOf("%%EOF") + 5;
        int at = latin.lastIndexOf("stream\n") + 30;
        assertThat(at).as("the DSS update follows the signed revision").isGreaterThan(signedEnd + 30);
        byte[] altered = valid.pdf().clone();
        altered[at] ^= 0x01;

        String page = client.uploadOnPage(altered, client.csrfToken()).body();
        assertThat(page)
                .contains(
                        "id=\"check-unchanged\" class=\"yes\"",
                        "签名部分未被修改",
                        "id=\"check-after-signature\" class=\"no\"",
                        "id=\"check-registered\" class=\"no\"")
                .doesNotContain("真实有效", "文件未被修改", "自签名后未被修改", "文件自签名后未被修改");
        assertThat(fieldText(page, "check-after-signature")).contains("签名");
    }

    /** The text of the table cell with this id (tags removed). */
    private static String fieldText(String page, String id) {
        int start = page.indexOf("id=\"" + id + "\"");
        assertThat(start).as(id + " on the page").isPositive();
        int from = page.indexOf('>', start) + 1;
        return page.substring(from, page.indexOf("</td>", from)).replaceAll("<[^>]+>", " ");
    }

    /** One byte changed inside the signed range (a digit of the creation date). */
    static byte[] flipOneByte(byte[] pdf) {
        String latin = new String(pdf, StandardCharsets.ISO_8859_1);
        int at = latin.indexOf("(D:20") + 5;
        byte[] copy = pdf.clone();
        copy[at] = (byte) (copy[at] == '9' ? '8' : copy[at] + 1);
        return copy;
    }
}

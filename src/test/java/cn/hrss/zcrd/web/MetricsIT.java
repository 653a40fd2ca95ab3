package cn.hrss.zcrd.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.zcrd.account.Applicants;
import cn.hrss.zcrd.account.PersonRegistration;
import cn.hrss.zcrd.certificate.CertificateFixtures;
import cn.hrss.zcrd.certificate.CertificateIssuance;
import cn.hrss.zcrd.support.BrowserlessSession;
import cn.hrss.zcrd.support.Faces;
import cn.hrss.zcrd.support.IntegrationTest;
import cn.hrss.zcrd.support.TestIdentities;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;

/**
 * What a monitoring system and a load balancer see on the management port (loopback, not a face): the Prometheus
 * scrape moves with what the application does — certificates issued, token signatures and time stamps timed,
 * verifications and logins counted — and the probes answer; the public faces serve no {@code /actuator/} at all.
 */
@IntegrationTest
class MetricsIT {

    static final LocalDate PUBLISHED = LocalDate.of(2026, 6, 30);

    @Autowired
    ConnectorPorts ports;

    @Autowired
    CertificateFixtures fixtures;

    @Autowired
    CertificateIssuance issuance;

    @Autowired
    Applicants applicants;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aBatchIssuedShowsInTheScrapeWithItsSignaturesAndTimeStamps() throws Exception {
        CertificateFixtures.IssuingUnit unit = fixtures.issuingUnit("指标发证单位");
        List<Long> entries = fixtures.seedEntries(unit, 3);
        String before = scrape();

        fixtures.issued(unit.ukeyOperator(), entries, PUBLISHED);

        String after = scrape();
        String firstRecognition =
                "zcrd_certificates_issued_total{application=\"zcrd\",business=\"full-time-recognition\","
                        + "issuance=\"first\"}";
        assertThat(value(after, firstRecognition) - value(before, firstRecognition))
                .isEqualTo(3);
        String signed = "zcrd_token_signature_seconds_count{application=\"zcrd\",outcome=\"success\"}";
        assertThat(value(after, signed) - value(before, signed)).isGreaterThanOrEqualTo(3);
        String stamped =
                "zcrd_tsa_time_stamp_seconds_count{application=\"zcrd\",outcome=\"success\",source=\"platform\"}";
        assertThat(value(after, stamped) - value(before, stamped)).isGreaterThanOrEqualTo(3);
        assertThat(after)
                .contains("zcrd_token_signature_seconds_bucket{application=\"zcrd\",outcome=\"success\",le=\"0.01\"}")
                .contains("zcrd_issuance_certificates_remaining{application=\"zcrd\"} 0.0")
                .contains("hikaricp_connections_active")
                .contains("jvm_memory_used_bytes")
                .containsPattern("zcrd_sessions_active\\{application=\"zcrd\"\\} [0-9]");
    }

    @Test
    void aVerificationAndLoginsMoveTheirCounters() throws Exception {
        String idNumber = TestIdentities.idNumber();
        applicants.register(new PersonRegistration(
                "钱指标", idNumber, "13900000019", "metrics@example.cn", "Right-Passw0rd", "Right-Passw0rd"));
        String notFound = "zcrd_verifications_total{application=\"zcrd\",method=\"qr\",outcome=\"not-found\"}";
        String success = "zcrd_logins_total{application=\"zcrd\",face=\"portal\",outcome=\"success\"}";
        String failure = "zcrd_logins_total{application=\"zcrd\",face=\"portal\",outcome=\"failure\"}";
        String before = scrape();

        HttpResponse<String> lookup = http.send(
                HttpRequest.newBuilder(URI.create(Faces.publicBase(ports) + "/api/verify/c/ZC-2026-999999?k=none"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(lookup.statusCode()).isEqualTo(404);
        Faces.publicSession(ports).portalLogin("person", idNumber, "Wrong-Passw0rd");
        BrowserlessSession person = Faces.publicSession(ports);
        assertThat(person.portalLogin("person", idNumber, "Right-Passw0rd").statusCode())
                .isLessThan(400);

        String after = scrape();
        String sessions = "zcrd_sessions_active{application=\"zcrd\"}";
        assertThat(value(after, sessions))
                .as("the signed-in person's session is in the store")
                .isPositive();
        assertThat(value(after, notFound) - value(before, notFound)).isEqualTo(1);
        assertThat(value(after, success) - value(before, success)).isEqualTo(1);
        assertThat(value(after, failure) - value(before, failure)).isEqualTo(1);
    }

    @Test
    void theProbesAnswerOnTheManagementPortAndReadinessWatchesTheTokenAndTheDatabase(
            @Autowired HealthEndpointGroups groups) throws Exception {
        for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness", "/actuator/health")) {
            HttpResponse<String> answer = get(Faces.managementBase(ports) + probe);
            assertThat(answer.statusCode()).as(probe).isEqualTo(200);
            assertThat(answer.body()).as(probe).contains("\"status\":\"UP\"");
        }
        assertThat(groups.get("readiness").isMember("platformToken")).isTrue();
        assertThat(groups.get("readiness").isMember("db")).isTrue();
        assertThat(groups.get("liveness").isMember("platformToken"))
                .as("a token outage makes the node unready, not dead: restarting it would not help")
                .isFalse();
    }

    @Test
    void noFaceServesTheActuator() throws Exception {
        for (String base : List.of(Faces.publicBase(ports), Faces.plainHttpBase(ports))) {
            for (String path : List.of("/actuator/prometheus", "/actuator/health", "/actuator")) {
                HttpResponse<String> answer = get(base + path);
                assertThat(answer.statusCode()).as(base + path).isEqualTo(404);
                assertThat(answer.body()).as(base + path).doesNotContain("jvm_").doesNotContain("\"status\"");
            }
        }
        assertThat(get(Faces.managementBase(ports) + "/rsrc/login.xhtml").statusCode())
                .as("the management port is no face either")
                .isIn(403, 404);
    }

    private String scrape() throws Exception {
        HttpResponse<String> answer = get(Faces.managementBase(ports) + "/actuator/prometheus");
        assertThat(answer.statusCode()).isEqualTo(200);
        return answer.body();
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The sample's value in a scrape (0 when the series does not exist yet). */
    static double value(String scrape, String series) {
        return Arrays.stream(scrape.split("\n"))
                .filter(line -> line.startsWith(series + " "))
                .mapToDouble(line ->
                        Double.parseDouble(line.substring(series.length() + 1).trim()))
                .findFirst()
                .orElse(0);
    }
}

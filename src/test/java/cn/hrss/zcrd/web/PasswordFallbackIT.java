package cn.hrss.zcrd.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.zcrd.account.BackOfficeRole;
import cn.hrss.zcrd.support.BackOfficeLogins;
import cn.hrss.zcrd.support.BackOfficeStaff;
import cn.hrss.zcrd.support.BrowserlessSession;
import cn.hrss.zcrd.support.Faces;
import cn.hrss.zcrd.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The back office's password fallback on the ordinary HTTP port. */
@IntegrationTest
class PasswordFallbackIT {

    static final String PASSWORD = "Fallback-Passw0rd";

    @Autowired
    BackOfficeStaff staff;

    @Autowired
    ConnectorPorts ports;

    @Autowired
    Clock clock;

    BrowserlessSession session;
    BackOfficeLogins.Fallback reviewer;

    @BeforeEach
    void setUp() {
        reviewer = staff.fallback("reviewer", "李审核", BackOfficeRole.BUREAU_REVIEWER, PASSWORD);
        session = Faces.publicSession(ports);
    }

    @Test
    void theRightPasswordAndCodeOpenALimitedSession() throws Exception {
        HttpResponse<String> home = reviewer.login(session);

        assertThat(home.uri().getPath()).isEqualTo("/sdmanager/index.xhtml");
        assertThat(home.body())
                .contains("欢迎，李审核（reviewer）")
                .contains("用户名密码（非UKEY）")
                .contains("只能查询");
    }

    @Test
    void oneAccountSignsInFourTimesInARowWithoutWaitingForTheNextTotpStep() throws Exception {
        // the server takes each 30-second step once per account and one step either side of now: the fourth login
        // needs a step two ahead, which the TOTP check's test clock reaches by moving, not by the test waiting
        long start = System.nanoTime();
        for (int i = 1; i <= 4; i++) {
            assertThat(reviewer.login(Faces.publicSession(ports)).uri().getPath())
                    .as("login " + i)
                    .isEqualTo("/sdmanager/index.xhtml");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
        assertThat(Duration.between(Instant.now(), clock.instant()).abs())
                .as("business time is not moved with the TOTP clock")
                .isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aWrongPasswordIsRefusedInChineseWithoutSayingWhetherTheAccountExists() throws Exception {
        HttpResponse<String> wrongPassword = BackOfficeLogins.logIn(session, "reviewer", "not-the-password");
        HttpResponse<String> unknownUser = BackOfficeLogins.logIn(session, "nobody-here", "not-the-password");

        assertThat(wrongPassword.uri().getPath()).isEqualTo("/sdmanager/login.xhtml");
        assertThat(wrongPassword.body()).contains("用户名、密码或动态口令错误");
        assertThat(unknownUser.body()).contains("用户名、密码或动态口令错误");
        assertThat(session.get("/sdmanager/index.xhtml").uri().getPath()).isEqualTo("/sdmanager/login.xhtml");
    }

    @Test
    void aLoginWithoutCsrfTokenIsRefused() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var response = http.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(Faces.publicBase(ports) + "/sdmanager/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                                "username=reviewer&password=" + PASSWORD))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(403);
    }
}

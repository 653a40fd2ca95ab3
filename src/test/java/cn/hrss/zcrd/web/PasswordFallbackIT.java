package cn.hrss.zcrd.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.zcrd.account.BackOfficeAccounts;
import cn.hrss.zcrd.account.BackOfficeRole;
import cn.hrss.zcrd.support.BackOfficeLogins;
import cn.hrss.zcrd.support.BrowserlessSession;
import cn.hrss.zcrd.support.Faces;
import cn.hrss.zcrd.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The back office's password fallback on the ordinary HTTP port. */
@IntegrationTest
class PasswordFallbackIT {

    static final String PASSWORD = "Fallback-Passw0rd";

    @Autowired
    ConnectorPorts ports;

    @Autowired
    BackOfficeAccounts accounts;

    BrowserlessSession session;
    BackOfficeLogins.Fallback reviewer;

    @BeforeEach
    void setUp() {
        reviewer = BackOfficeLogins.account(accounts, "reviewer", "李审核", BackOfficeRole.BUREAU_REVIEWER, PASSWORD);
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
    void aWrongPasswordIsRefusedInChineseWithoutSayingWhetherTheAccountExists() throws Exception {
        HttpResponse<String> wrongPassword = session.submit(
                "/sdmanager/login.xhtml",
                "/sdmanager/login",
                Map.of("username", "reviewer", "password", "not-the-password"));
        HttpResponse<String> unknownUser = session.submit(
                "/sdmanager/login.xhtml",
                "/sdmanager/login",
                Map.of("username", "nobody-here", "password", "not-the-password"));

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

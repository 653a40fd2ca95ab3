package cn.hrss.zcrd.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.zcrd.support.BrowserlessSession;
import cn.hrss.zcrd.support.Faces;
import cn.hrss.zcrd.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Anonymous page views hold nothing on the server where nothing is needed: the portal home and both login pages
 * make no session (the login form's CSRF token comes in a cookie, and the login still works with it); a page with
 * a faces form (个人注册) does make one.
 */
@IntegrationTest
class AnonymousSessionsIT {

    @Autowired
    ConnectorPorts ports;

    @Test
    void pagesThatNeedNoSessionMakeNone() throws Exception {
        for (String page : List.of(
                "/",
                "/rsrc/",
                "/rsrc/index.xhtml",
                "/rsrc/login.xhtml",
                "/rsrc/login.xhtml?kind=unit",
                "/sdmanager/login.xhtml",
                "/sdmanager/",
                "/rsrc/person/declarations.xhtml")) {
            BrowserlessSession visitor = Faces.publicSession(ports);
            HttpResponse<String> answer = visitor.get(page);
            assertThat(answer.statusCode()).as(page).isEqualTo(200);
            assertThat(visitor.cookie("ZCRD_PORTAL"))
                    .as("session made by " + page)
                    .isNull();
            assertThat(visitor.cookie("ZCRD_SDM")).as("session made by " + page).isNull();
        }
        BrowserlessSession visitor = Faces.publicSession(ports);
        assertThat(visitor.get("/rsrc/login.xhtml").body()).contains("name=\"_csrf\"");
        assertThat(visitor.cookie("ZCRD-CSRF")).isNotNull();
        // the registration form keeps its state in a session
        visitor.get("/rsrc/register/person.xhtml");
        assertThat(visitor.cookie("ZCRD_PORTAL")).isNotNull();
    }
}

package cn.hrss.zcrd.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.hrss.zcrd.shared.Captcha;
import cn.hrss.zcrd.shared.FieldProblem;
import cn.hrss.zcrd.shared.RefusedException;
import cn.hrss.zcrd.support.BrowserlessSession;
import cn.hrss.zcrd.support.Captchas;
import cn.hrss.zcrd.support.IntegrationTest;
import cn.hrss.zcrd.support.PublicFace;
import cn.hrss.zcrd.support.TestIdentities;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Registration under bulk probing: the captcha on every 立即注册 (missing or wrong: said at the field, nothing
 * stored), and a budget per address for "already registered" answers — once used up, no form of that address is
 * answered about any number, while other addresses go on.
 */
@IntegrationTest
class RegistrationThrottleIT {

    @Autowired
    PublicFace face;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Applicants applicants;

    @Autowired
    RegistrationThrottle throttle;

    @Autowired
    Captcha captcha;

    @Autowired
    MessageSource messages;

    @Test
    void theCaptchaIsAskedForOnRegistrationAndAWrongOneStoresNothing() throws Exception {
        String idNumber = TestIdentities.idNumber();
        BrowserlessSession session = face.session();
        String form = session.get("/rsrc/register/person.xhtml").body();
        assertThat(Captchas.shown(form)).isTrue();
        assertThat(form).contains("workerurl=").doesNotContain("cdn.", "altcha.org/");

        HttpResponse<String> without = review(session, form, idNumber, null);
        assertThat(without.body()).contains("请先完成人机验证").doesNotContain("confirm-id-number");
        HttpResponse<String> forged = review(session, without.body(), idNumber, "eyJudW1iZXIiOjF9");
        assertThat(forged.body()).contains("人机验证未通过或已过期").doesNotContain("confirm-id-number");
        assertThat(accounts(idNumber)).isZero();

        HttpResponse<String> solved = review(session, forged.body(), idNumber, Captchas.solve(forged.body()));
        assertThat(solved.body()).contains("confirm-id-number", idNumber);
        assertThat(accounts(idNumber)).isZero();
    }

    @Test
    void alreadyRegisteredAnswersCostABudgetPerAddress() {
        String prober = "10.71." + (int) (Math.random() * 250) + ".9";
        String other = "10.72." + (int) (Math.random() * 250) + ".9";
        String registered = face.person("周已注", "Secret123").idNumber();

        for (int i = 0; i < 5; i++) {
            assertThat(check(prober, registered))
                    .extracting(FieldProblem::messageKey)
                    .contains("idnumber.taken");
        }
        // the budget is used up: a registered number and a free one get the same refusal, in Chinese
        for (String idNumber : List.of(registered, TestIdentities.idNumber())) {
            assertThatThrownBy(() -> check(prober, idNumber))
                    .isInstanceOfSatisfying(RefusedException.class, refused -> {
                        assertThat(refused.messageKey()).isEqualTo("register.probe-throttled");
                        assertThat(messages.getMessage(
                                        refused.messageKey(),
                                        refused.arguments().toArray(),
                                        Locale.SIMPLIFIED_CHINESE))
                                .startsWith("本机查询已注册的证件号码过于频繁，请")
                                .endsWith("分钟后再试。");
                    });
        }
        assertThat(check(other, registered))
                .extracting(FieldProblem::messageKey)
                .contains("idnumber.taken");
    }

    private List<FieldProblem> check(String address, String idNumber) {
        PersonRegistration form =
                new PersonRegistration("吴探测", idNumber, "13900000012", "q@example.cn", "Secret123", "Secret123");
        return throttle.check(
                address,
                Captchas.solveChallenge(captcha.challengeJson()),
                () -> applicants.check(form),
                "idnumber.taken");
    }

    private HttpResponse<String> review(BrowserlessSession session, String page, String idNumber, String solution)
            throws Exception {
        Map<String, String> fields = new HashMap<>(Map.of(
                "reg:name", "郑验证",
                "reg:idNumber", idNumber,
                "reg:mobile", "13900000013",
                "reg:email", "captcha@example.cn",
                "reg:password", "Secret123",
                "reg:passwordConfirmation", "Secret123",
                "reg:review", ""));
        if (solution != null) {
            fields.put(Captchas.FIELD, solution);
        }
        return session.submitOn(page, "/rsrc/register/person.xhtml", fields);
    }

    private int accounts(String idNumber) {
        Integer count = jdbc.queryForObject(
                "select count(*) from portal_account where login_name = ?", Integer.class, idNumber);
        return count == null ? 0 : count;
    }
}

package cn.hrss.zcrd.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.hrss.zcrd.support.BackOfficeLogins;
import cn.hrss.zcrd.support.BackOfficeStaff;
import cn.hrss.zcrd.support.BrowserlessSession;
import cn.hrss.zcrd.support.Captchas;
import cn.hrss.zcrd.support.CountingPasswordEncoder;
import cn.hrss.zcrd.support.Faces;
import cn.hrss.zcrd.support.IntegrationTest;
import cn.hrss.zcrd.support.TestIdentities;
import cn.hrss.zcrd.support.TestUkey;
import cn.hrss.zcrd.web.ConnectorPorts;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

/**
 * Password logins under attack (portal and back office): parallel wrong passwords reach the password check at most
 * {@code max-failures} (5) times and never end in a 500, a lock in force is never lifted by a failure, a locked
 * back-office account still enters with its UKEY, one address cannot lock many names nor shut out another, and the
 * captcha is asked for from the configured failure on.
 */
@IntegrationTest
class LoginLockoutIT {

    static final int RACERS = 40;

    @Autowired
    BackOfficeStaff staff;

    @Autowired
    Applicants applicants;

    @Autowired
    PortalAccounts portalAccounts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ConnectorPorts ports;

    @Test
    void fortyParallelWrongPortalPasswordsReachThePasswordCheckAtMostFiveTimes() throws Exception {
        String idNumber = person("赵并发", "Right-Passw0rd");
        String wrong = "Wrong-" + UUID.randomUUID();

        // an attacker who solves the captcha too (from the third failure on the name needs it)
        List<HttpResponse<String>> answers =
                race(() -> Captchas.personLogin(Faces.publicSession(ports), idNumber, wrong));

        assertThat(CountingPasswordEncoder.checksOf(wrong)).isBetween(1, 5);
        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.uri().getPath()).isEqualTo("/rsrc/login.xhtml");
            assertThat(answer.body()).containsAnyOf("账号或密码错误", "请15分钟后再试", "请先完成人机验证");
        });
        Timestamp lockedUntil = lockedUntil("PERSON", idNumber, "127.0.0.1");
        assertThat(lockedUntil).isNotNull();

        // the lock in force: neither another wrong password nor the right one gets through, nor moves it
        BrowserlessSession session = Faces.publicSession(ports);
        String againWrong = "Wrong-" + UUID.randomUUID();
        assertThat(session.portalLogin("person", idNumber, againWrong).body()).contains("请15分钟后再试");
        assertThat(session.portalLogin("person", idNumber, "Right-Passw0rd").body())
                .contains("请15分钟后再试")
                .doesNotContain("您好");
        assertThat(CountingPasswordEncoder.checksOf(againWrong)).isZero();
        assertThat(lockedUntil("PERSON", idNumber, "127.0.0.1")).isEqualTo(lockedUntil);
    }

    @Test
    void fortyParallelWrongBackOfficePasswordsAndTheUkeyStillOpensTheBackOffice() throws Exception {
        String username = "lock-" + UUID.randomUUID().toString().substring(0, 8);
        BackOfficeLogins.Fallback fallback =
                staff.fallback(username, "锁定测试", BackOfficeRole.SYSTEM_ADMIN, "Adm1n-Passw0rd");
        TestUkey ukey = TestUkey.fresh(username);
        staff.ukeys().bindUkey(fallback.account().getId(), ukey.certificate());
        String wrong = "Wrong-" + UUID.randomUUID();

        List<HttpResponse<String>> answers = race(() -> {
            BrowserlessSession attacker = Faces.publicSession(ports);
            String page = attacker.get("/sdmanager/login.xhtml?error&captcha").body();
            return attacker.submitOn(
                    page,
                    "/sdmanager/login",
                    Map.of(
                            "username",
                            username,
                            "password",
                            wrong,
                            "totp",
                            "000000",
                            Captchas.FIELD,
                            Captchas.solve(page)));
        });

        assertThat(CountingPasswordEncoder.checksOf(wrong)).isBetween(1, 5);
        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).containsAnyOf("用户名、密码或动态口令错误", "请15分钟后再试", "请先完成人机验证");
        });
        // locked for passwords, even the right one with a right code
        HttpResponse<String> right = fallback.login(Faces.publicSession(ports));
        assertThat(right.body()).contains("请15分钟后再试");
        assertThat(right.uri().getPath()).isEqualTo("/sdmanager/login.xhtml");

        // the UKEY is another door
        HttpResponse<String> home = ukey.client().get(Faces.ukeyBase(ports) + "/sdmanager/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("锁定测试");
    }

    @Test
    void oneAddressCannotLockManyNamesAndAnotherAddressIsUnaffected() {
        String attacker = "10.66." + (int) (Math.random() * 200) + ".7";
        String owner = "10.67." + (int) (Math.random() * 200) + ".8";
        List<String> names = new ArrayList<>();
        for (String name : List.of("钱甲", "钱乙", "钱丙", "钱丁", "钱戊", "钱己")) {
            names.add(person(name, "Right-Passw0rd"));
        }
        int failed = 0;
        int throttled = 0;
        for (int round = 0; round < 5; round++) {
            for (String name : names) {
                try {
                    login(name, "Wrong-Passw0rd", attacker, Captchas.solveChallenge(captcha.challengeJson()));
                } catch (LoginNotTriedException e) {
                    if (e.reason() == LoginNotTriedException.Reason.THROTTLED) {
                        throttled++;
                    }
                } catch (BadCredentialsException | LockedException e) {
                    failed++;
                }
            }
        }
        // the address's budget of failures (20 an hour) ran out before it could fail 5 times on each of 6 names
        assertThat(failed).isEqualTo(20);
        assertThat(throttled).isEqualTo(10);
        // none of the names is locked for everyone; the owner's address logs in
        for (String name : names) {
            assertThat(login(name, "Right-Passw0rd", owner, Captchas.solveChallenge(captcha.challengeJson())))
                    .isNotNull();
        }
    }

    @Test
    void fiveFailuresLockOutTheAddressThatFailedNotTheOwner() {
        String attacker = "10.68." + (int) (Math.random() * 200) + ".7";
        String owner = "10.69." + (int) (Math.random() * 200) + ".8";
        String name = person("李锁址", "Right-Passw0rd");
        for (int i = 1; i <= 4; i++) {
            String solution = Captchas.solveChallenge(captcha.challengeJson());
            assertThatThrownBy(() -> login(name, "Wrong-Passw0rd", attacker, solution))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(
                        () -> login(name, "Wrong-Passw0rd", attacker, Captchas.solveChallenge(captcha.challengeJson())))
                .isInstanceOf(LockedException.class);
        assertThatThrownBy(
                        () -> login(name, "Right-Passw0rd", attacker, Captchas.solveChallenge(captcha.challengeJson())))
                .isInstanceOfSatisfying(
                        LoginNotTriedException.class,
                        e -> assertThat(e.reason()).isEqualTo(LoginNotTriedException.Reason.LOCKED));
        // the owner, elsewhere, needs the captcha (the name failed 5 times) and is let in
        assertThatThrownBy(() -> login(name, "Right-Passw0rd", owner, null))
                .isInstanceOfSatisfying(
                        LoginNotTriedException.class,
                        e -> assertThat(e.reason()).isEqualTo(LoginNotTriedException.Reason.CAPTCHA_MISSING));
        assertThat(login(name, "Right-Passw0rd", owner, Captchas.solveChallenge(captcha.challengeJson())))
                .isInstanceOf(PortalUser.class);
    }

    @Test
    void theCaptchaIsAskedForFromTheThirdFailureOnAndCountsOnce() throws Exception {
        String idNumber = person("孙验证", "Right-Passw0rd");
        BrowserlessSession session = Faces.publicSession(ports);

        for (int i = 1; i <= 2; i++) {
            HttpResponse<String> failed = session.portalLogin("person", idNumber, "Wrong-" + i);
            assertThat(failed.body()).contains("账号或密码错误");
            assertThat(Captchas.shown(failed.body()))
                    .as("captcha after failure " + i)
                    .isFalse();
        }
        HttpResponse<String> third = session.portalLogin("person", idNumber, "Wrong-3");
        assertThat(third.body()).contains("账号或密码错误", "登录前需完成人机验证");
        assertThat(Captchas.shown(third.body())).isTrue();

        // without the captcha: refused before the password is compared
        String unchecked = "Wrong-" + UUID.randomUUID();
        HttpResponse<String> without = session.portalLogin("person", idNumber, unchecked);
        assertThat(without.body()).contains("请先完成人机验证");
        assertThat(Captchas.shown(without.body())).isTrue();
        assertThat(CountingPasswordEncoder.checksOf(unchecked)).isZero();
        // a made-up solution is refused the same way, and says so
        HttpResponse<String> forged =
                loginWithCaptcha(session, idNumber, unchecked, "eyJhbGdvcml0aG0iOiJTSEEtMjU2In0=");
        assertThat(forged.body()).contains("人机验证未通过或已过期");
        assertThat(CountingPasswordEncoder.checksOf(unchecked)).isZero();

        // solved as the widget does: the login goes through; the same solution a second time does not
        String page = session.get("/rsrc/login.xhtml?kind=person&error&captcha").body();
        String solution = Captchas.solve(page);
        HttpResponse<String> in = session.submitOn(
                page,
                "/rsrc/login",
                Map.of("kind", "person", "username", idNumber, "password", "Right-Passw0rd", Captchas.FIELD, solution));
        assertThat(in.body()).contains("您好");
        BrowserlessSession replay = Faces.publicSession(ports);
        for (int i = 0; i < 3; i++) {
            replay.portalLogin("person", idNumber, "Wrong-again-" + i);
        }
        HttpResponse<String> replayed = loginWithCaptcha(replay, idNumber, "Right-Passw0rd", solution);
        assertThat(replayed.body()).contains("人机验证未通过或已过期").doesNotContain("您好");
    }

    @Autowired
    cn.hrss.zcrd.shared.Captcha captcha;

    private HttpResponse<String> loginWithCaptcha(
            BrowserlessSession session, String idNumber, String password, String solution) throws Exception {
        return session.submit(
                "/rsrc/login.xhtml?kind=person",
                "/rsrc/login",
                Map.of("kind", "person", "username", idNumber, "password", password, Captchas.FIELD, solution));
    }

    /** The real portal login provider, as the login form's request from {@code address} reaches it. */
    private Object login(String idNumber, String password, String address, String captchaSolution) {
        UsernamePasswordAuthenticationToken request =
                UsernamePasswordAuthenticationToken.unauthenticated(idNumber, password);
        request.setDetails(new PortalLoginDetails(PortalAccountKind.PERSON, address, captchaSolution));
        return portalAccounts.loginProvider().authenticate(request).getPrincipal();
    }

    private String person(String name, String password) {
        String idNumber = TestIdentities.idNumber();
        applicants.register(
                new PersonRegistration(name, idNumber, "13900000009", "lockout@example.cn", password, password));
        return idNumber;
    }

    private Timestamp lockedUntil(String kind, String loginName, String address) {
        return jdbc.queryForObject(
                "select locked_until from login_failure where kind = ? and login_name = ? and address = ?",
                Timestamp.class,
                kind,
                loginName,
                address);
    }

    /** {@link #RACERS} requests let go at one moment. */
    private static <T> List<T> race(Callable<T> request) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        try {
            List<Future<T>> outcomes = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                outcomes.add(pool.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> outcome : outcomes) {
                results.add(outcome.get(5, TimeUnit.MINUTES));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}

package cn.hrss.zcrd.account;

import static java.time.format.DateTimeFormatter.BASIC_ISO_DATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.hrss.zcrd.shared.BusinessTime;
import cn.hrss.zcrd.shared.InvalidInputException;
import cn.hrss.zcrd.support.BrowserlessSession;
import cn.hrss.zcrd.support.Captchas;
import cn.hrss.zcrd.support.Faces;
import cn.hrss.zcrd.support.IntegrationTest;
import cn.hrss.zcrd.support.TestIdentities;
import cn.hrss.zcrd.web.ConnectorPorts;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** 个人注册 on MariaDB: one account per ID number even under a race, and name / ID number never change. */
@IntegrationTest
class PersonRegistrationIT {

    @Autowired
    Applicants applicants;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ConnectorPorts ports;

    @Test
    void twoRegistrationsWithTheSameIdNumberRacingMakeExactlyOneAccount() throws Exception {
        String idNumber = TestIdentities.idNumber();
        int racers = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        List<Future<String>> outcomes = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            String mobile = "1380000000" + i;
            outcomes.add(pool.submit(() -> {
                start.await();
                try {
                    applicants.register(new PersonRegistration(
                            "陈同时", idNumber, mobile, "race@example.cn", "Secret123", "Secret123"));
                    return "registered";
                } catch (InvalidInputException e) {
                    return e.problems().get(0).field() + ":"
                            + e.problems().get(0).messageKey();
                }
            }));
        }
        start.countDown();
        List<String> results = new ArrayList<>();
        for (Future<String> outcome : outcomes) {
            results.add(outcome.get());
        }
        pool.shutdown();

        assertThat(results).containsOnlyOnce("registered");
        assertThat(results).filteredOn(r -> !r.equals("registered")).containsOnly("idNumber:idnumber.taken");
        assertThat(count("select count(*) from applicant where id_number = ?", idNumber))
                .isEqualTo(1);
        assertThat(count("select count(*) from portal_account where login_name = ?", idNumber))
                .isEqualTo(1);
    }

    @Test
    void aRefusedRegistrationStoresNothing() {
        String idNumber = TestIdentities.idNumber();

        assertThatThrownBy(() -> applicants.register(
                        new PersonRegistration("王<script>", idNumber, "13800000000", "a@example.cn", "short", "short")))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(p -> p.field() + ":" + p.messageKey())
                                .containsExactly("name:format.person-name", "password:password.weak"));
        assertThat(count("select count(*) from portal_account where login_name = ?", idNumber))
                .isZero();
    }

    @Test
    void anIdNumberOfNoRealDivisionOrOfAChildIsRefusedAtItsField() {
        String noCounty = TestIdentities.idNumber("37019919900101123");
        String child = TestIdentities.idNumber("370102"
                + LocalDate.now(BusinessTime.DEFAULT_ZONE).minusYears(10).format(BASIC_ISO_DATE) + "123");

        for (String[] bad : new String[][] {{noCounty, "idnumber.invalid.region"}, {child, "idnumber.too-young"}}) {
            assertThat(applicants.check(new PersonRegistration(
                            "王小明", bad[0], "13800000000", "a@example.cn", "Secret123", "Secret123")))
                    .extracting(p -> p.field() + ":" + p.messageKey())
                    .containsExactly("idNumber:" + bad[1]);
        }
    }

    @Test
    void aCraftedRequestCannotChangeNameOrIdNumber() throws Exception {
        String idNumber = TestIdentities.idNumber();
        ApplicantDetails registered = applicants.register(
                new PersonRegistration("刘不变", idNumber, "13900000001", "fixed@example.cn", "Secret123", "Secret123"));
        BrowserlessSession session = Faces.publicSession(ports);
        assertThat(session.portalLogin("person", idNumber, "Secret123").body()).contains("您好，刘不变");

        var saved = session.submit(
                "/rsrc/person/profile.xhtml",
                "/rsrc/person/profile.xhtml",
                Map.of(
                        "profile",
                        "profile",
                        "profile:mobile",
                        "13900000002",
                        "profile:email",
                        "new@example.cn",
                        "profile:save",
                        "保存",
                        // what a crafted request adds: the registered data under every plausible name
                        "profile:name",
                        "张改名",
                        "name",
                        "张改名",
                        "profile:idNumber",
                        TestIdentities.idNumber(),
                        "idNumber",
                        TestIdentities.idNumber(),
                        "applicant.name",
                        "张改名"));

        assertThat(saved.body()).contains("已保存");
        Map<String, Object> row = jdbc.queryForMap(
                "select name, id_number, mobile, email from applicant where account_id = ?", registered.accountId());
        assertThat(row)
                .containsEntry("name", "刘不变")
                .containsEntry("id_number", idNumber)
                .containsEntry("mobile", "13900000002")
                .containsEntry("email", "new@example.cn");
        assertThat(jdbc.queryForObject(
                        "select display_name from portal_account where login_name = ?", String.class, idNumber))
                .isEqualTo("刘不变");
    }

    @Test
    void fiveWrongPasswordsLockTheNameAndAnUnknownNameLooksTheSame() throws Exception {
        String idNumber = TestIdentities.idNumber();
        applicants.register(
                new PersonRegistration("孙锁定", idNumber, "13900000003", "lock@example.cn", "Secret123", "Secret123"));
        String unknown = TestIdentities.idNumber();
        BrowserlessSession session = Faces.publicSession(ports);

        for (int i = 0; i < 4; i++) {
            assertThat(Captchas.personLogin(session, idNumber, "wrong-" + i).body())
                    .contains("账号或密码错误");
            assertThat(Captchas.personLogin(session, unknown, "wrong-" + i).body())
                    .contains("账号或密码错误");
        }
        assertThat(Captchas.personLogin(session, idNumber, "wrong-5").body()).contains("请15分钟后再试");
        assertThat(Captchas.personLogin(session, unknown, "wrong-5").body()).contains("请15分钟后再试");

        var withRightPassword = Captchas.personLogin(session, idNumber, "Secret123");
        assertThat(withRightPassword.body()).contains("请15分钟后再试").doesNotContain("您好，孙锁定");
    }

    @Test
    void loggingInChangesTheSessionId() throws Exception {
        String idNumber = TestIdentities.idNumber();
        applicants.register(
                new PersonRegistration("周会话", idNumber, "13900000004", "s@example.cn", "Secret123", "Secret123"));
        BrowserlessSession session = Faces.publicSession(ports);
        session.get("/rsrc/login.xhtml");
        String before = session.cookie("ZCRD_PORTAL");

        session.portalLogin("person", idNumber, "Secret123");

        assertThat(session.cookie("ZCRD_PORTAL")).isNotNull().isNotEqualTo(before);
    }

    @Test
    void theApplicantChangesThePasswordKnowingTheCurrentOne() throws Exception {
        String idNumber = TestIdentities.idNumber();
        applicants.register(
                new PersonRegistration("吴改密", idNumber, "13900000005", "p@example.cn", "Secret123", "Secret123"));
        BrowserlessSession session = Faces.publicSession(ports);
        session.portalLogin("person", idNumber, "Secret123");

        var wrongCurrent = changePassword(session, "Nope12345", "Better2026", "Better2026");
        assertThat(wrongCurrent.body()).contains("当前密码不正确");
        var weak = changePassword(session, "Secret123", "short", "short");
        assertThat(weak.body()).contains("密码应为8至64位");
        var changed = changePassword(session, "Secret123", "Better2026", "Better2026");
        assertThat(changed.body()).contains("密码已修改");

        BrowserlessSession later = Faces.publicSession(ports);
        assertThat(later.portalLogin("person", idNumber, "Secret123").body()).contains("账号或密码错误");
        assertThat(later.portalLogin("person", idNumber, "Better2026").body()).contains("您好，吴改密");
    }

    /** 修改密码 on the page: current password, new password and its confirmation; the page it answers. */
    private static java.net.http.HttpResponse<String> changePassword(
            BrowserlessSession session, String current, String newPassword, String confirmation) throws Exception {
        return session.submit(
                "/rsrc/account/password.xhtml",
                "/rsrc/account/password.xhtml",
                Map.of(
                        "pwd",
                        "pwd",
                        "pwd:save",
                        "保存",
                        "pwd:currentPassword",
                        current,
                        "pwd:newPassword",
                        newPassword,
                        "pwd:newPasswordConfirmation",
                        confirmation));
    }

    private int count(String sql, String value) {
        return jdbc.queryForObject(sql, Integer.class, value);
    }
}

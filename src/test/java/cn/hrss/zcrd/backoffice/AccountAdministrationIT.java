package cn.hrss.zcrd.backoffice;

import static cn.hrss.zcrd.support.TestIdentities.shortId;
import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.zcrd.account.BackOfficeAccount;
import cn.hrss.zcrd.account.BackOfficeAccounts;
import cn.hrss.zcrd.account.BackOfficeRole;
import cn.hrss.zcrd.account.NewBackOfficeAccount;
import cn.hrss.zcrd.approval.ApprovalFixtures;
import cn.hrss.zcrd.approval.ApprovalKind;
import cn.hrss.zcrd.approval.ApprovalRequest;
import cn.hrss.zcrd.approval.ApprovalState;
import cn.hrss.zcrd.approval.ApprovalTarget;
import cn.hrss.zcrd.approval.Approvals;
import cn.hrss.zcrd.shared.BusinessTime;
import cn.hrss.zcrd.support.BackOfficeLogins;
import cn.hrss.zcrd.support.BackOfficeStaff;
import cn.hrss.zcrd.support.BrowserlessSession;
import cn.hrss.zcrd.support.Captchas;
import cn.hrss.zcrd.support.IntegrationTest;
import cn.hrss.zcrd.support.PublicFace;
import cn.hrss.zcrd.support.RegionalStaff;
import cn.hrss.zcrd.support.TestUkey;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * 后台用户 as a system admin runs it: create an account (a one-time password shown once), its first login with
 * that password lands in the set-up (own password, TOTP enrolment from the QR code's secret), then password + TOTP
 * logs in and a wrong or replayed code is refused; disabling the account or changing its role ends its open
 * sessions at once, by password and by UKEY; a new system admin exists only once a second admin approves the request
 * (four eyes), who then hands over its one-time password. Everything is on the audit trail.
 */
@IntegrationTest
class AccountAdministrationIT {

    @Autowired
    BackOfficeStaff staff;

    @Autowired
    PublicFace face;

    @Autowired
    BackOfficeAccounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    BusinessTime businessTime;

    @Autowired
    Approvals approvals;

    @Autowired
    ApprovalFixtures fourEyes;

    @Autowired
    BackOfficeAdministration administration;

    @Test
    void aNewAccountSetsUpItsFallbackThenLogsInWithPasswordAndTotpAndACodeWorksOnce() throws Exception {
        BrowserlessSession admin = ukeyAdmin();
        String username = "admin-made-" + shortId();
        String page = "/sdmanager/system/account.xhtml";
        HttpResponse<String> created = admin.submit(
                page,
                page,
                Map.of(
                        "account:username",
                        username,
                        "account:displayName",
                        "冯新人",
                        "account:role",
                        "BUREAU_REVIEWER",
                        "account:region",
                        "370100",
                        "account:passwordFallback",
                        "on",
                        "account:save",
                        ""));
        assertThat(created.body()).contains("后台用户已创建");
        String oneTimePassword = codeOf(created.body(), "one-time-password");
        BackOfficeAccount account = accounts.findByUsername(username).orElseThrow();
        assertThat(account.getRegionCode()).isEqualTo("370100");
        assertThat(account.isPasswordChangeRequired()).isTrue();

        // first login: the one-time password opens the set-up only
        BrowserlessSession user = face.session();
        HttpResponse<String> setup = BackOfficeLogins.logIn(user, username, oneTimePassword);
        assertThat(setup.uri().getPath()).isEqualTo("/sdmanager/setup.xhtml");
        assertThat(setup.body()).contains("首次登录设置").contains("data:image/png;base64,");
        assertThat(user.get("/sdmanager/index.xhtml").uri().getPath()).isEqualTo("/sdmanager/setup.xhtml");
        String secret = codeOf(setup.body(), "totp-secret").replace(" ", "");

        HttpResponse<String> wrongCode = completeSetup(user, "Own-Passw0rd-1", "000000");
        assertThat(wrongCode.body()).contains("动态口令不正确");
        // the page made a new secret for this view; take the one shown now
        secret = codeOf(wrongCode.body(), "totp-secret").replace(" ", "");
        HttpResponse<String> home = completeSetup(user, "Own-Passw0rd-1", BackOfficeLogins.code(secret));
        assertThat(home.uri().getPath()).isEqualTo("/sdmanager/index.xhtml");
        assertThat(home.body())
                .contains("欢迎，冯新人（" + username + "）")
                .contains("人社局审核员")
                .contains("济南市");

        // later logins: password + a fresh code; the same code a second time is refused
        String code = BackOfficeLogins.code(secret);
        HttpResponse<String> second = BackOfficeLogins.logIn(face.session(), username, "Own-Passw0rd-1", code);
        assertThat(second.uri().getPath()).isEqualTo("/sdmanager/index.xhtml");
        HttpResponse<String> replay = BackOfficeLogins.logIn(face.session(), username, "Own-Passw0rd-1", code);
        assertThat(replay.uri().getPath()).isEqualTo("/sdmanager/login.xhtml");
        assertThat(replay.body()).contains("该动态口令已经使用过");
        HttpResponse<String> wrong =
                BackOfficeLogins.logIn(face.session(), username, "Own-Passw0rd-1", otherThan(code));
        assertThat(wrong.body()).contains("用户名、密码或动态口令错误");
        HttpResponse<String> noCode = BackOfficeLogins.logIn(face.session(), username, "Own-Passw0rd-1");
        assertThat(noCode.body()).contains("用户名、密码或动态口令错误");
        // three failures in a row: the name now needs the captcha, solved as the widget would
        BrowserlessSession fourth = face.session();
        String loginPage = fourth.get("/sdmanager/login.xhtml?error&captcha").body();
        HttpResponse<String> oldPassword = fourth.submitOn(
                loginPage,
                "/sdmanager/login",
                Map.of(
                        "username",
                        username,
                        "password",
                        oneTimePassword,
                        "totp",
                        BackOfficeLogins.code(secret),
                        Captchas.FIELD,
                        Captchas.solve(loginPage)));
        assertThat(oldPassword.uri().getPath()).isEqualTo("/sdmanager/login.xhtml");

        assertThat(details("BACKOFFICE_LOGIN_FAILED", username))
                .contains("reason=totp-replayed", "reason=totp-wrong", "reason=bad-credentials");
        assertThat(actions(account.getId())).contains("BACKOFFICE_ACCOUNT_CREATED", "BACKOFFICE_FALLBACK_ENROLLED");
        String stored = jdbc.queryForObject(
                "select totp_secret from back_office_account where id = ?", String.class, account.getId());
        assertThat(stored).startsWith("v1:").doesNotContain(secret);
    }

    @Test
    void disablingAnAccountEndsItsPasswordAndUkeySessionsAtOnce() throws Exception {
        BrowserlessSession admin = ukeyAdmin();
        String username = "to-disable-" + shortId();
        var fallback = staff.fallback(username, "陈停用", BackOfficeRole.BUREAU_REVIEWER, "Disable-Passw0rd");
        TestUkey key = staff.freshUkey(fallback.account());
        BrowserlessSession byPassword = face.session();
        assertThat(fallback.login(byPassword).uri().getPath()).isEqualTo("/sdmanager/index.xhtml");
        BrowserlessSession byUkey = key.session(staff.ukeyBase());
        assertThat(byUkey.get("/sdmanager/index.xhtml").statusCode()).isEqualTo(200);

        String page = "/sdmanager/system/account.xhtml?id=" + fallback.account().getId();
        HttpResponse<String> disabled = admin.submit(page, page, Map.of("account:toggle-enabled", ""));
        assertThat(disabled.body()).contains("账号已停用");

        HttpResponse<String> next = byPassword.get("/sdmanager/index.xhtml");
        assertThat(next.uri().getPath()).isEqualTo("/sdmanager/login.xhtml");
        assertThat(next.body()).contains("您的会话已结束");
        HttpResponse<String> nextByUkey = byUkey.get("/sdmanager/index.xhtml");
        assertThat(nextByUkey.statusCode()).isEqualTo(403);
        assertThat(nextByUkey.body()).contains("已被停用");
        assertThat(fallback.login(face.session()).uri().getPath()).isEqualTo("/sdmanager/login.xhtml");
        assertThat(actions(fallback.account().getId())).contains("BACKOFFICE_ACCOUNT_DISABLED");

        // enabled again: the UKEY logs in again, with the rights of now
        admin.submit(page, page, Map.of("account:toggle-enabled", ""));
        assertThat(byUkey.get("/sdmanager/index.xhtml").statusCode()).isEqualTo(200);
    }

    @Test
    void aChangedRoleEndsTheSessionAndTheNextOneHasTheNewRights() throws Exception {
        BrowserlessSession admin = ukeyAdmin();
        String username = "to-promote-" + shortId();
        var fallback = staff.fallback(username, "褚晋升", BackOfficeRole.BUREAU_REVIEWER, "Promote-Passw0rd");
        BrowserlessSession session = face.session();
        fallback.login(session);
        assertThat(session.get("/sdmanager/system/accounts.xhtml").statusCode()).isEqualTo(403);

        String page = "/sdmanager/system/account.xhtml?id=" + fallback.account().getId();
        HttpResponse<String> saved = admin.submit(
                page,
                page,
                Map.of(
                        "account:displayName",
                        "褚晋升",
                        "account:role",
                        "SYSTEM_ADMIN",
                        "account:region",
                        "370000",
                        "account:reason",
                        "晋升为系统管理员",
                        "account:save",
                        ""));
        // raising to system admin takes a second admin (four eyes)
        assertThat(saved.body()).contains("提升为系统管理员的申请已提交");
        RegionalStaff second = staff.regional(BackOfficeRole.SYSTEM_ADMIN, "370000", "管理员复核");
        fourEyes.approveAs(
                second.ukeyUser(),
                approvals
                        .about("BACKOFFICE_ACCOUNT", fallback.account().getId())
                        .get(0));

        assertThat(session.get("/sdmanager/index.xhtml").body()).contains("您的会话已结束");
        fallback.login(session);
        assertThat(session.get("/sdmanager/system/accounts.xhtml").statusCode()).isEqualTo(200);
    }

    @Test
    void aRegionChangeEndsTheUkeySessionAndSuspendsTheUkeyUntilAnAdminConfirmsIt() throws Exception {
        BrowserlessSession admin = ukeyAdmin();
        String username = "to-move-" + shortId();
        BackOfficeAccount moved = accounts.create(new NewBackOfficeAccount(
                        username, "卫调动", BackOfficeRole.BUREAU_REVIEWER, "370100", null, false))
                .account();
        TestUkey key = TestUkey.fresh(username);
        long bindingId =
                staff.ukeys().bindUkey(moved.getId(), key.certificate()).getId();
        BrowserlessSession byUkey = key.session(staff.ukeyBase());
        assertThat(byUkey.get("/sdmanager/seals.xhtml").statusCode()).isEqualTo(200);

        String page = "/sdmanager/system/account.xhtml?id=" + moved.getId();
        HttpResponse<String> saved = admin.submit(
                page,
                page,
                Map.of(
                        "account:displayName",
                        "卫调动",
                        "account:role",
                        "BUREAU_REVIEWER",
                        "account:region",
                        "370200",
                        "account:save",
                        ""));
        assertThat(saved.body()).contains("已保存");

        // the open UKEY session ends, and the UKEY logs nobody in until confirmed
        HttpResponse<String> next = byUkey.get("/sdmanager/seals.xhtml");
        assertThat(next.statusCode()).isEqualTo(403);
        assertThat(next.body()).contains("UKEY已暂停使用");
        HttpResponse<String> fresh = key.session(staff.ukeyBase()).get("/sdmanager/index.xhtml");
        assertThat(fresh.statusCode()).isEqualTo(403);
        assertThat(fresh.body()).contains("UKEY已暂停使用");
        assertThat(staff.ukeys().findBinding(bindingId).orElseThrow().isSuspended())
                .isTrue();

        // the admin sees it suspended and confirms it (UKEY session); it logs in again with the new region
        String ukeysPage = "/sdmanager/system/ukeys.xhtml?account=" + moved.getId();
        String list = admin.get(ukeysPage).body();
        assertThat(list).contains("已暂停");
        Matcher button = Pattern.compile("name=\"(ukeys:[^\"]*:confirm)\"").matcher(list);
        assertThat(button.find()).as("a confirm button").isTrue();
        HttpResponse<String> confirmed = admin.submitOn(list, ukeysPage, Map.of(button.group(1), ""));
        assertThat(confirmed.body()).contains("UKEY已确认");
        assertThat(staff.ukeys().findBinding(bindingId).orElseThrow().isSuspended())
                .isFalse();
        BrowserlessSession again = key.session(staff.ukeyBase());
        assertThat(again.get("/sdmanager/seals.xhtml").statusCode()).isEqualTo(200);
        assertThat(jdbc.queryForList(
                        "select action_code from audit_record where target_type = 'UKEY' and target_id = ?",
                        String.class,
                        String.valueOf(bindingId)))
                .contains("UKEY_CONFIRMED");
    }

    @Test
    void anAdminCannotDisableThemselves() throws Exception {
        String username = "self-admin-" + shortId();
        BackOfficeAccount self = accounts.create(username, "自己", BackOfficeRole.SYSTEM_ADMIN, null);
        BrowserlessSession session = staff.freshUkey(self).session(staff.ukeyBase());
        String page = "/sdmanager/system/account.xhtml?id=" + self.getId();

        assertThat(session.get(page).body()).doesNotContain("account:toggle-enabled");
        // a crafted request naming the button anyway is refused by the service
        HttpResponse<String> crafted = session.submit(page, page, Map.of("account:toggle-enabled", ""));
        assertThat(accounts.find(self.getId()).orElseThrow().isEnabled()).isTrue();
        assertThat(crafted.statusCode()).isEqualTo(200);
    }

    @Test
    void opsCreateAdminPrintsAOneTimePasswordAndRefusesAnExistingName() throws Exception {
        String username = "ops-admin-" + shortId();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        CreateAdminCommand command = command(username);

        int code = command.createAdmin(new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(code).isZero();
        String text = printed.toString(StandardCharsets.UTF_8);
        Matcher password = Pattern.compile("One-time password \\(shown only now\\): (\\S+)")
                .matcher(text);
        assertThat(password.find()).as(text).isTrue();
        BackOfficeAccount admin = accounts.findByUsername(username).orElseThrow();
        assertThat(admin.getRole()).isEqualTo(BackOfficeRole.SYSTEM_ADMIN);
        assertThat(admin.isPasswordChangeRequired()).isTrue();
        HttpResponse<String> setup = BackOfficeLogins.logIn(face.session(), username, password.group(1));
        assertThat(setup.uri().getPath()).isEqualTo("/sdmanager/setup.xhtml");
        assertThat(jdbc.queryForList(
                        "select actor_login from audit_record where action_code = ? and target_id = ?",
                        String.class,
                        "BACKOFFICE_ADMIN_CREATED_BY_OPS",
                        String.valueOf(admin.getId())))
                .containsExactly("ops/create-admin");

        assertThat(command(username).createAdmin(new PrintStream(new ByteArrayOutputStream())))
                .isEqualTo(2);
    }

    @Autowired
    UkeyLifecycle ukeys;

    @Autowired
    cn.hrss.zcrd.catalog.Regions regions;

    @Autowired
    cn.hrss.zcrd.audit.AuditTrail trail;

    @Test
    void aNewSystemAdminExistsOnlyOnceASecondAdminApprovesWhoGetsItsOneTimePassword() throws Exception {
        RegionalStaff first = staff.regional(BackOfficeRole.SYSTEM_ADMIN, "370000", "管理员甲");
        RegionalStaff second = staff.regional(BackOfficeRole.SYSTEM_ADMIN, "370000", "管理员乙");
        String username = "four-eyes-admin-" + shortId();
        String page = "/sdmanager/system/account.xhtml";
        Map<String, String> form = new java.util.HashMap<>(Map.of(
                "account:username", username,
                "account:displayName", "卫值班",
                "account:role", "SYSTEM_ADMIN",
                "account:region", "370000",
                "account:passwordFallback", "on",
                "account:save", ""));
        BrowserlessSession asker = first.session(staff.ukeyBase());
        assertThat(asker.submit(page, page, form).body()).contains("请填写申请理由。");
        form.put("account:reason", "省厅信息中心新增值班管理员");
        HttpResponse<String> asked = asker.submit(page, page, form);
        assertThat(asked.body()).contains("新增系统管理员" + username + "的申请已提交").doesNotContain("one-time-password");
        assertThat(accounts.findByUsername(username))
                .as("a request creates nothing")
                .isEmpty();
        ApprovalRequest request = approvals
                .about("NEW_BACKOFFICE_ACCOUNT", ApprovalTarget.keyOf(username))
                .get(0);
        assertThat(request.kind()).isEqualTo(ApprovalKind.CREATE_ADMIN);
        assertThat(asker.submit(page, page, form).body()).contains("该事项已有待审批的申请");

        // the requester cannot approve it (server-side)
        fourEyes.ownApprovalRefused(first.ukeyUser(), request);
        assertThat(accounts.findByUsername(username)).isEmpty();

        // the second admin approves it in 双人复核: the account exists, its one-time password shown to them once
        BrowserlessSession approver = second.session(staff.ukeyBase());
        String listed = approver.get("/sdmanager/approvals.xhtml").body();
        assertThat(listed).contains(username).contains("新增系统管理员").contains("省厅信息中心新增值班管理员");
        Matcher button = Pattern.compile(
                        "data-id=\"" + request.id() + "\".*?id=\"(pending:[^\"]*approve)\"", Pattern.DOTALL)
                .matcher(listed);
        assertThat(button.find()).isTrue();
        HttpResponse<String> approved =
                approver.submitOn(listed, "/sdmanager/approvals.xhtml", Map.of(button.group(1), ""));
        assertThat(approved.body()).contains("已批准并执行");
        String oneTimePassword = codeOf(approved.body(), "hand-over");
        BackOfficeAccount made = accounts.findByUsername(username).orElseThrow();
        assertThat(made.getRole()).isEqualTo(BackOfficeRole.SYSTEM_ADMIN);
        assertThat(made.getRegionCode()).isEqualTo("370000");
        HttpResponse<String> setup = BackOfficeLogins.logIn(face.session(), username, oneTimePassword);
        assertThat(setup.uri().getPath()).isEqualTo("/sdmanager/setup.xhtml");
        assertThat(details("BACKOFFICE_ACCOUNT_CREATED", second.account().getUsername()))
                .singleElement()
                .asString()
                .contains("username=" + username)
                .contains("approval #" + request.id())
                .contains("管理员甲");

        // a rejected request creates nothing
        String refusedName = "four-eyes-refused-" + shortId();
        first.signIn();
        ApprovalRequest refused = administration
                .create(
                        new NewBackOfficeAccount(
                                refusedName, "褚拒绝", BackOfficeRole.SYSTEM_ADMIN, "370000", null, false),
                        "临时需要")
                .requested();
        fourEyes.rejectAs(second.ukeyUser(), refused, "无正式任命文件");
        assertThat(accounts.findByUsername(refusedName)).isEmpty();
        SecurityContextHolder.clearContext();
    }

    @Test
    void raisingAnAccountToSystemAdminTakesEffectOnlyOnceASecondAdminApproves() throws Exception {
        RegionalStaff first = staff.regional(BackOfficeRole.SYSTEM_ADMIN, "370000", "管理员丙");
        RegionalStaff second = staff.regional(BackOfficeRole.SYSTEM_ADMIN, "370000", "管理员丁");
        BackOfficeAccount reviewer =
                accounts.create("elevate-" + shortId(), "冯提升", BackOfficeRole.BUREAU_REVIEWER, null);
        String page = "/sdmanager/system/account.xhtml?id=" + reviewer.getId();
        Map<String, String> form = new java.util.HashMap<>(Map.of(
                "account:displayName", "冯提升",
                "account:role", "SYSTEM_ADMIN",
                "account:region", "370000",
                "account:save", ""));
        BrowserlessSession asker = first.session(staff.ukeyBase());
        assertThat(asker.submit(page, page, form).body()).contains("请填写申请理由。");
        assertThat(accounts.find(reviewer.getId()).orElseThrow().getRole()).isEqualTo(BackOfficeRole.BUREAU_REVIEWER);
        form.put("account:reason", "接任省厅系统管理员");
        assertThat(asker.submit(page, page, form).body()).contains("将" + reviewer.getUsername() + "提升为系统管理员的申请已提交");
        assertThat(accounts.find(reviewer.getId()).orElseThrow().getRole())
                .as("the role stays until a second admin approves")
                .isEqualTo(BackOfficeRole.BUREAU_REVIEWER);
        ApprovalRequest request =
                approvals.about("BACKOFFICE_ACCOUNT", reviewer.getId()).get(0);
        assertThat(request.kind()).isEqualTo(ApprovalKind.ELEVATE_ADMIN);
        assertThat(request.state()).isEqualTo(ApprovalState.PENDING);

        fourEyes.ownApprovalRefused(first.ukeyUser(), request);
        assertThat(accounts.find(reviewer.getId()).orElseThrow().getRole()).isEqualTo(BackOfficeRole.BUREAU_REVIEWER);

        fourEyes.approveAs(second.ukeyUser(), request);
        assertThat(accounts.find(reviewer.getId()).orElseThrow().getRole()).isEqualTo(BackOfficeRole.SYSTEM_ADMIN);
        assertThat(details("BACKOFFICE_ACCOUNT_UPDATED", second.account().getUsername()))
                .singleElement()
                .asString()
                .contains("role=BUREAU_REVIEWER")
                .contains("role=SYSTEM_ADMIN")
                .contains("approval #" + request.id());
        SecurityContextHolder.clearContext();
    }

    private CreateAdminCommand command(String username) {
        return new CreateAdminCommand(
                accounts,
                ukeys,
                regions,
                trail,
                null,
                username,
                "",
                false,
                "",
                "",
                "https://zcrd.example.cn",
                businessTime);
    }

    private BrowserlessSession ukeyAdmin() throws Exception {
        return staff.ukeySession("acct-admin-" + shortId(), "蒋管理", BackOfficeRole.SYSTEM_ADMIN);
    }

    private List<String> details(String action, String login) {
        return jdbc.queryForList(
                "select detail from audit_record where action_code = ? and actor_login = ?",
                String.class,
                action,
                login);
    }

    private List<String> actions(long accountId) {
        return jdbc.queryForList(
                "select action_code from audit_record where target_type = 'BACKOFFICE_ACCOUNT' " + "and target_id = ?",
                String.class,
                String.valueOf(accountId));
    }

    /** 首次登录设置: the own password (twice) and the authenticator's code. */
    private static HttpResponse<String> completeSetup(BrowserlessSession user, String password, String code)
            throws Exception {
        return user.submit(
                "/sdmanager/setup.xhtml",
                "/sdmanager/setup.xhtml",
                Map.of(
                        "setup:password",
                        password,
                        "setup:passwordConfirmation",
                        password,
                        "setup:code",
                        code,
                        "setup:complete",
                        ""));
    }

    private static String otherThan(String code) {
        return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
    }

    private static String codeOf(String page, String id) {
        Matcher matcher =
                Pattern.compile("<code id=\"" + id + "\">([^<]+)</code>").matcher(page);
        assertThat(matcher.find()).as("#" + id + " on the page").isTrue();
        return matcher.group(1).strip();
    }
}

package cn.hrss.zcrd.backoffice;

import static cn.hrss.zcrd.support.TestIdentities.shortId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.hrss.zcrd.account.BackOfficeAccessDeniedException;
import cn.hrss.zcrd.account.BackOfficeAccount;
import cn.hrss.zcrd.account.BackOfficeRole;
import cn.hrss.zcrd.account.NewBackOfficeAccount;
import cn.hrss.zcrd.account.UkeyLoginAddress;
import cn.hrss.zcrd.catalog.ReferenceDataKind;
import cn.hrss.zcrd.seal.internal.SealImpressionDesk;
import cn.hrss.zcrd.seal.internal.SealImpressionException;
import cn.hrss.zcrd.shared.InvalidInputException;
import cn.hrss.zcrd.support.BackOfficeLogins;
import cn.hrss.zcrd.support.BackOfficeStaff;
import cn.hrss.zcrd.support.BrowserlessSession;
import cn.hrss.zcrd.support.IntegrationTest;
import cn.hrss.zcrd.support.PageButtons;
import cn.hrss.zcrd.support.PublicFace;
import cn.hrss.zcrd.support.SignsOut;
import cn.hrss.zcrd.support.TestUkey;
import cn.hrss.zcrd.support.TlsClient;
import cn.hrss.zcrd.unit.IssuingAuthorities;
import cn.hrss.zcrd.unit.UnitFixtures;
import cn.hrss.zcrd.unit.UnitRegistration;
import cn.hrss.zcrd.unit.UnitVerifications;
import cn.hrss.zcrd.unit.Units;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;

/**
 * Who opens what in the back office: every view (and the parts other features will fill) with each role, by UKEY
 * and by the password fallback, a session still in set-up, portal sessions of a person and of a unit, and nobody;
 * the menu by role; and the services' own checks of every action (role, UKEY policy, region).
 */
@IntegrationTest
@ExtendWith(SignsOut.class)
class BackOfficeAccessMatrixIT {

    static final String PASSWORD = "Matrix-Passw0rd";
    /** What each back-office role opens . */
    static final Map<String, String> VIEWS = new LinkedHashMap<>();

    static {
        VIEWS.put("/sdmanager/index.xhtml", "SYSTEM_ADMIN BUREAU_REVIEWER UNIT_OPERATOR");
        VIEWS.put("/sdmanager/", "SYSTEM_ADMIN BUREAU_REVIEWER UNIT_OPERATOR");
        VIEWS.put("/sdmanager/approvals.xhtml", "SYSTEM_ADMIN BUREAU_REVIEWER UNIT_OPERATOR");
        VIEWS.put("/sdmanager/audit.xhtml", "SYSTEM_ADMIN");
        VIEWS.put("/sdmanager/statistics.xhtml", "SYSTEM_ADMIN BUREAU_REVIEWER");
        VIEWS.put("/sdmanager/system/accounts.xhtml", "SYSTEM_ADMIN");
        VIEWS.put("/sdmanager/system/account.xhtml", "SYSTEM_ADMIN");
        VIEWS.put("/sdmanager/system/ukeys.xhtml", "SYSTEM_ADMIN");
        VIEWS.put("/sdmanager/system/dictionary.xhtml", "SYSTEM_ADMIN");
        VIEWS.put("/sdmanager/dev/specimen.xhtml", "SYSTEM_ADMIN");
        VIEWS.put("/sdmanager/system/audit-integrity.xhtml", "SYSTEM_ADMIN");
        VIEWS.put("/sdmanager/system/archive.xhtml", "SYSTEM_ADMIN");
        VIEWS.put("/sdmanager/system/seal-certificates.xhtml", "SYSTEM_ADMIN");
        VIEWS.put("/sdmanager/authority/review.xhtml?status=PENDING", "BUREAU_REVIEWER");
        VIEWS.put("/sdmanager/seals.xhtml", "BUREAU_REVIEWER");
        VIEWS.put("/sdmanager/units/verification.xhtml", "BUREAU_REVIEWER");
        VIEWS.put("/sdmanager/units/verification.xhtml?status=", "BUREAU_REVIEWER");
        VIEWS.put("/sdmanager/setup.xhtml", "");
        VIEWS.put("/sdmanager/authority/review.xhtml", "BUREAU_REVIEWER");
        VIEWS.put("/sdmanager/seals/review.xhtml", "BUREAU_REVIEWER");
        VIEWS.put("/sdmanager/seal/electronic.xhtml", "BUREAU_REVIEWER");
        VIEWS.put("/sdmanager/certificates/index.xhtml", "UNIT_OPERATOR");
        VIEWS.put("/sdmanager/certificates/library.xhtml", "UNIT_OPERATOR");
        VIEWS.put("/sdmanager/certificates/manage.xhtml", "UNIT_OPERATOR");
    }

    /** Pages of those parts that exist already (the others answer 404 to the right role). */
    static final java.util.Set<String> BUILT =
            java.util.Set.of("/sdmanager/certificates/library.xhtml", "/sdmanager/certificates/manage.xhtml");

    @Autowired
    BackOfficeStaff staff;

    @Autowired
    PublicFace face;

    @Autowired
    BackOfficeAdministration administration;

    @Autowired
    UkeyLifecycle ukeys;

    @Autowired
    UkeyLoginAddress ukeyAddress;

    @Autowired
    Units units;

    @Autowired
    DictionaryMaintenance dictionary;

    @Autowired
    IssuingAuthorities authorities;

    @Autowired
    SealImpressionDesk seals;

    @Autowired
    cn.hrss.zcrd.seal.internal.ElectronicSealDesk electronicSeals;

    @Autowired
    cn.hrss.zcrd.approval.Approvals approvals;

    @Autowired
    UnitVerifications unitVerifications;

    @Autowired
    cn.hrss.zcrd.statistics.Statistics statistics;

    @Autowired
    cn.hrss.zcrd.seal.internal.ExternalSealCertificateDesk sealCertificates;

    @Test
    void everyViewOpensForItsRolesOnlyByUkeyAndByFallback() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (BackOfficeRole role : BackOfficeRole.values()) {
            check(wrong, role + " UKEY", ukeySession(role), role.name());
            check(wrong, role + " fallback", fallbackSession(role), role.name());
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void portalSessionsAndNobodyOpenNoBackOfficeView() throws Exception {
        String idNumber = face.person("门户人", "Portal-Pass1").idNumber();
        BrowserlessSession person = face.session();
        person.portalLogin("person", idNumber, "Portal-Pass1");
        UnitRegistration unitForm = UnitFixtures.aUnit("矩阵测试单位" + shortId());
        units.register(unitForm);
        BrowserlessSession unit = face.session();
        unit.portalLogin("unit", unitForm.creditCode(), unitForm.password());
        assertThat(person.get("/rsrc/person/profile.xhtml").statusCode())
                .as("the person is signed in")
                .isEqualTo(200);

        for (String view : VIEWS.keySet()) {
            for (BrowserlessSession portal : List.of(person, unit)) {
                // the portal's session is not the back office's (a cookie of its own): the login page, as for nobody
                HttpResponse<String> page = portal.get(view);
                assertThat(page.uri().getPath()).as(view).isEqualTo("/sdmanager/login.xhtml");
            }
            HttpResponse<String> anonymous = face.session().get(view);
            assertThat(anonymous.uri().getPath()).as(view).isEqualTo("/sdmanager/login.xhtml");
        }
        assertThat(person.get("/rsrc/person/profile.xhtml").statusCode())
                .as("still signed in on the portal")
                .isEqualTo(200);
        assertThatThrownBy(() -> TlsClient.withoutClientCertificate().get(staff.ukeyBase() + "/sdmanager/"))
                .isInstanceOf(java.io.IOException.class);
    }

    @Test
    void aSessionInSetUpIsSentToTheSetUpPageWhateverItAsks() throws Exception {
        String username = "matrix-setup-" + shortId();
        var created = staff.accounts()
                .create(new NewBackOfficeAccount(username, "吴设置", BackOfficeRole.SYSTEM_ADMIN, "370000", null, true));
        BrowserlessSession session = face.session();
        HttpResponse<String> landing = session.submit(
                "/sdmanager/login.xhtml",
                "/sdmanager/login",
                Map.of("username", username, "password", created.oneTimePassword()));
        assertThat(landing.uri().getPath()).isEqualTo("/sdmanager/setup.xhtml");
        for (String view : VIEWS.keySet()) {
            assertThat(session.get(view).uri().getPath()).as(view).isEqualTo("/sdmanager/setup.xhtml");
        }
        assertThat(session.get("/sdmanager/setup.xhtml").body()).doesNotContain("id=\"menu-accounts\"");
    }

    @Test
    void theMenuShowsEachRoleItsEntries() throws Exception {
        Map<BackOfficeRole, List<String>> entries = Map.of(
                BackOfficeRole.SYSTEM_ADMIN,
                        List.of(
                                "menu-approvals",
                                "menu-statistics",
                                "menu-accounts",
                                "menu-ukeys",
                                "menu-dictionary",
                                "menu-audit"),
                BackOfficeRole.BUREAU_REVIEWER,
                        List.of(
                                "menu-approvals",
                                "menu-statistics",
                                "menu-authority-review",
                                "menu-unit-verification",
                                "menu-seal-review",
                                "menu-electronic-seals"),
                BackOfficeRole.UNIT_OPERATOR,
                        List.of("menu-approvals", "menu-certificate-intake", "menu-certificate-management"));
        List<String> all =
                entries.values().stream().flatMap(List::stream).distinct().toList();
        for (BackOfficeRole role : BackOfficeRole.values()) {
            String home = ukeySession(role).get("/sdmanager/index.xhtml").body();
            for (String entry : all) {
                if (entries.get(role).contains(entry)) {
                    assertThat(home).as(role + " " + entry).contains("id=\"" + entry + "\"");
                } else {
                    assertThat(home).as(role + " " + entry).doesNotContain("id=\"" + entry + "\"");
                }
            }
        }
    }

    @Test
    void everyActionIsCheckedInItsServiceWhateverThePageShows() throws Exception {
        BackOfficeAccount target =
                staff.accounts().create("matrix-target-" + shortId(), "郑目标", BackOfficeRole.BUREAU_REVIEWER, null);
        String request = CertificateRequests.rsa2048();
        List<Action> actions = List.of(
                new Action("search accounts", false, () -> administration.search(null)),
                new Action(
                        "create account",
                        true,
                        () -> administration.create(new NewBackOfficeAccount(
                                "matrix-new-" + shortId(),
                                "新用户",
                                BackOfficeRole.BUREAU_REVIEWER,
                                "370000",
                                null,
                                false))),
                new Action("disable account", true, () -> administration.setEnabled(target.getId(), true)),
                new Action("reset fallback", true, () -> administration.resetFallback(target.getId())),
                new Action("change account", true, () -> administration.update(target.getId(), roleChange(target))),
                new Action("remove fallback", true, () -> administration.removeFallback(target.getId())),
                new Action("confirm UKEY", true, () -> ukeys.confirm(Long.MAX_VALUE)),
                new Action("list UKEYs", false, () -> ukeys.bindings(target.getId())),
                new Action("issue UKEY", true, () -> ukeys.issueFromRequest(target.getId(), request)),
                new Action("revoke UKEY", true, () -> ukeys.revoke(Long.MAX_VALUE, UkeyRevocationReason.SUPERSEDED)),
                new Action(
                        "edit dictionary",
                        true,
                        () -> {
                            try {
                                dictionary.rename(ReferenceDataKind.SPECIALTY, Long.MAX_VALUE, "矩阵");
                            } catch (InvalidInputException unknownEntry) {
                                // allowed: the entry does not exist (DictionaryMaintenanceIT edits real ones)
                            }
                        },
                        BackOfficeRole.SYSTEM_ADMIN),
                new Action(
                        "list issuing-authority applications",
                        false,
                        () -> authorities.reviewQueue(null),
                        BackOfficeRole.BUREAU_REVIEWER),
                new Action(
                        "open an issuing-authority application",
                        false,
                        () -> authorities.forReview(Long.MAX_VALUE),
                        BackOfficeRole.BUREAU_REVIEWER),
                new Action(
                        "decide issuing authority",
                        true,
                        () -> authorities.review(Long.MAX_VALUE, true, null),
                        BackOfficeRole.BUREAU_REVIEWER),
                new Action(
                        "list unit verifications",
                        false,
                        () -> unitVerifications.queue(null),
                        BackOfficeRole.BUREAU_REVIEWER),
                new Action(
                        "open a unit verification",
                        false,
                        () -> unitVerifications.forReview(Long.MAX_VALUE),
                        BackOfficeRole.BUREAU_REVIEWER),
                new Action(
                        "verify unit",
                        true,
                        () -> unitVerifications.review(Long.MAX_VALUE, true, null),
                        BackOfficeRole.BUREAU_REVIEWER),
                new Action("list seal impressions", false, () -> seals.queue(), BackOfficeRole.BUREAU_REVIEWER),
                new Action(
                        "open a seal impression",
                        false,
                        () -> seals.forReview(Long.MAX_VALUE),
                        BackOfficeRole.BUREAU_REVIEWER),
                new Action(
                        "approve seal",
                        true,
                        () -> seals.approve(Long.MAX_VALUE, null),
                        BackOfficeRole.BUREAU_REVIEWER),
                new Action(
                        "reject seal", true, () -> seals.reject(Long.MAX_VALUE, "矩阵"), BackOfficeRole.BUREAU_REVIEWER),
                new Action(
                        "request seal revocation",
                        true,
                        () -> electronicSeals.requestRevocation(
                                Long.MAX_VALUE, cn.hrss.zcrd.seal.internal.SealRevocationReason.SUPERSEDED, "矩阵"),
                        BackOfficeRole.BUREAU_REVIEWER),
                new Action(
                        "look at statistics",
                        false,
                        () -> statistics.report(cn.hrss.zcrd.statistics.StatisticsQuery.twelveMonthsTo(
                                java.time.YearMonth.of(2026, 1))),
                        java.util.EnumSet.of(BackOfficeRole.SYSTEM_ADMIN, BackOfficeRole.BUREAU_REVIEWER)),
                new Action("list approvals", false, () -> approvals.pending(), ALL_ROLES),
                new Action("approve a request", true, () -> approvals.approve(Long.MAX_VALUE), ALL_ROLES),
                new Action("reject a request", true, () -> approvals.reject(Long.MAX_VALUE, "矩阵"), ALL_ROLES),
                new Action("list seal keys awaiting a certificate", true, () -> sealCertificates.awaiting()),
                new Action(
                        "download a seal request", true, () -> sealCertificates.certificationRequest(Long.MAX_VALUE)),
                new Action(
                        "import a seal certificate",
                        true,
                        () -> sealCertificates.importCertificate(Long.MAX_VALUE, new byte[] {1})));

        for (BackOfficeRole role : BackOfficeRole.values()) {
            for (boolean ukey : List.of(true, false)) {
                signIn(role, ukey);
                for (Action action : actions) {
                    String expected = !action.roles().contains(role)
                            ? "backoffice.refused.role"
                            : action.ukeyOnly() && !ukey ? "backoffice.refused.ukey-required" : null;
                    if (expected == null && DECIDING.contains(action.name())) {
                        continue; // allowed: nothing to decide here (the features' own tests decide real ones)
                    }
                    String refused = refusal(action);
                    assertThat(refused)
                            .as(role + (ukey ? " UKEY " : " fallback ") + action.name())
                            .isEqualTo(expected);
                }
            }
        }
        SecurityContextHolder.clearContext();
        assertThat(refusal(actions.get(0))).isEqualTo("backoffice.refused.not-signed-in");
    }

    /**
     * A password session is not offered what it would be refused: on the system admin's pages whose actions need a
     * UKEY (dictionary, an account, a new account, an account's UKEYs) every button that would act is disabled, and
     * the page names the UKEY address; only looking (查询, 显示, 取消, the unit picker) and 退出 stay pressable. The
     * reviewers' and operators' pages are checked where their data is made (IssuingAuthorityReviewIT,
     * UnitVerificationBrowserIT, CertificatePagesAccessIT, UnitOnboardingIT).
     */
    @Test
    void aPasswordSessionIsOfferedNoActionItWouldBeRefused() throws Exception {
        BrowserlessSession admin = face.session();
        staff.fallback("matrix-buttons-" + shortId(), "按钮", BackOfficeRole.SYSTEM_ADMIN, PASSWORD)
                .login(admin);
        BackOfficeAccount target = staff.accounts()
                .create("matrix-buttons-target-" + shortId(), "目标", BackOfficeRole.BUREAU_REVIEWER, "Target-Pass1");
        String address = ukeyAddress.url();
        for (String page : List.of(
                "/sdmanager/system/dictionary.xhtml?series=GONGCHENG",
                "/sdmanager/system/account.xhtml?id=" + target.getId(),
                "/sdmanager/system/account.xhtml",
                "/sdmanager/system/ukeys.xhtml?account=" + target.getId())) {
            String html = admin.get(page).body();
            assertThat(html).as(page).contains("通过UKEY登录地址 " + address + " 重新登录");
            assertThat(PageButtons.all(html).size())
                    .as(page + ": has action buttons")
                    .isGreaterThan(PageButtons.enabled(html).size());
            assertThat(PageButtons.enabled(html))
                    .as(page + ": pressable buttons")
                    .allMatch(id -> id.matches("(.*:)?(search|show|cancel|unitFind|unitConfirm|unitCancel|\\w*Pick)")
                            || id.equals("logout-submit"));
        }
    }

    @Test
    void aCityBureauAdminSeesAndManagesItsOwnRegionOnly() throws Exception {
        BackOfficeAccount jinanAdmin = staff.accounts()
                .create(new NewBackOfficeAccount(
                        "matrix-jinan-" + shortId(), "济南管理", BackOfficeRole.SYSTEM_ADMIN, "370100", null, false))
                .account();
        BackOfficeAccount jinanStaff = staff.accounts()
                .create(new NewBackOfficeAccount(
                        "matrix-jn-staff-" + shortId(), "济南审核", BackOfficeRole.BUREAU_REVIEWER, "370100", null, false))
                .account();
        BackOfficeAccount qingdaoStaff = staff.accounts()
                .create(new NewBackOfficeAccount(
                        "matrix-qd-staff-" + shortId(), "青岛审核", BackOfficeRole.BUREAU_REVIEWER, "370200", null, false))
                .account();
        TestUkey key = staff.freshUkey(jinanAdmin);
        BrowserlessSession jinan = key.session(staff.ukeyBase());

        String list = jinan.get("/sdmanager/system/accounts.xhtml").body();
        assertThat(list).contains(jinanStaff.getUsername()).doesNotContain(qingdaoStaff.getUsername());
        HttpResponse<String> foreign = jinan.get("/sdmanager/system/account.xhtml?id=" + qingdaoStaff.getId());
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.body()).contains("该数据不在您的管辖范围内");
        assertThat(jinan.get("/sdmanager/system/ukeys.xhtml?account=" + qingdaoStaff.getId())
                        .statusCode())
                .isEqualTo(403);

        // a crafted form for another city is refused, nothing stored — by the page, and by the service itself
        String page = "/sdmanager/system/account.xhtml";
        String crafted = "matrix-qd-new-" + shortId();
        HttpResponse<String> refused = jinan.submit(
                page,
                page,
                Map.of(
                        "account:username",
                        crafted,
                        "account:displayName",
                        "越权",
                        "account:role",
                        "BUREAU_REVIEWER",
                        "account:region",
                        "370200",
                        "account:save",
                        ""));
        assertThat(refused.body()).contains("ui-message-error").doesNotContain("后台用户已创建");
        X509Certificate certificate = key.certificate();
        var principal = staff.ukeyLogin(certificate);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                new PreAuthenticatedAuthenticationToken(principal, certificate, principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
        assertThatThrownBy(() -> administration.create(
                        new NewBackOfficeAccount(crafted, "越权", BackOfficeRole.BUREAU_REVIEWER, "370200", null, false)))
                .isInstanceOfSatisfying(
                        cn.hrss.zcrd.shared.InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(p -> p.messageKey())
                                .containsExactly("backoffice.account.out-of-scope"));
        assertThatThrownBy(() -> administration.setEnabled(qingdaoStaff.getId(), false))
                .isInstanceOfSatisfying(
                        BackOfficeAccessDeniedException.class,
                        e -> assertThat(e.reasonKey()).isEqualTo("backoffice.refused.scope"));
        assertThat(administration.search(null))
                .extracting(BackOfficeAccount::getUsername)
                .contains(jinanStaff.getUsername())
                .doesNotContain(qingdaoStaff.getUsername());
        assertThat(staff.accounts().findByUsername(crafted)).isEmpty();
        assertThat(staff.accounts().find(qingdaoStaff.getId()).orElseThrow().isEnabled())
                .isTrue();
    }

    /** Actions on a made-up id: when allowed they fail for want of the row, which says nothing here. */
    static final List<String> DECIDING = List.of(
            "revoke UKEY",
            "confirm UKEY",
            "request seal revocation",
            "approve a request",
            "reject a request",
            "decide issuing authority",
            "verify unit",
            "approve seal",
            "reject seal",
            "download a seal request",
            "import a seal certificate");

    private static NewBackOfficeAccount roleChange(BackOfficeAccount target) {
        return new NewBackOfficeAccount(
                target.getUsername(), "郑目标", BackOfficeRole.BUREAU_REVIEWER, "370000", null, false);
    }

    static final java.util.Set<BackOfficeRole> ALL_ROLES = java.util.EnumSet.allOf(BackOfficeRole.class);

    record Action(String name, boolean ukeyOnly, Runnable run, java.util.Set<BackOfficeRole> roles) {

        Action(String name, boolean ukeyOnly, Runnable run) {
            this(name, ukeyOnly, run, BackOfficeRole.SYSTEM_ADMIN);
        }

        Action(String name, boolean ukeyOnly, Runnable run, BackOfficeRole role) {
            this(name, ukeyOnly, run, java.util.EnumSet.of(role));
        }
    }

    private static String refusal(Action action) {
        try {
            action.run().run();
            return null;
        } catch (BackOfficeAccessDeniedException e) {
            return e.reasonKey();
        } catch (SealImpressionException e) {
            // the seal page's own wording of the UKEY refusal (SealApprovalIT checks its text)
            return "seal.review.ukey-required".equals(e.messageKey()) ? "backoffice.refused.ukey-required" : null;
        }
    }

    /** Signs in on this thread as the service layer sees a session: by UKEY or by password + TOTP. */
    private void signIn(BackOfficeRole role, boolean ukey) throws Exception {
        Authentication user;
        if (ukey) {
            X509Certificate certificate =
                    TestUkey.fresh("matrix-svc-" + shortId()).certificate();
            BackOfficeAccount account = staff.accounts().create("matrix-svc-" + shortId(), "服务", role, null);
            var principal = staff.ukeyUser(account.getId(), certificate);
            user = new PreAuthenticatedAuthenticationToken(principal, certificate, principal.getAuthorities());
        } else {
            var fallback = staff.fallback("matrix-svc-pw-" + role, "服务", role, PASSWORD);
            var request = UsernamePasswordAuthenticationToken.unauthenticated(fallback.username(), PASSWORD);
            request.setDetails(new cn.hrss.zcrd.account.BackOfficeLoginDetails(
                    "127.0.0.1", BackOfficeLogins.code(fallback.secret())));
            user = staff.logins().passwordLogin().authenticate(request);
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(user);
        SecurityContextHolder.setContext(context);
    }

    private void check(List<String> wrong, String who, BrowserlessSession session, String role) throws Exception {
        for (Map.Entry<String, String> view : VIEWS.entrySet()) {
            HttpResponse<String> page = session.get(view.getKey());
            boolean allowed = view.getValue().contains(role);
            int expected = !allowed
                    ? 403
                    : view.getKey().matches(".*/(seals|certificates)/.*") && !BUILT.contains(view.getKey()) ? 404 : 200;
            if (page.statusCode() != expected) {
                wrong.add(who + " " + view.getKey() + ": " + page.statusCode() + " (expected " + expected + ")");
            }
        }
    }

    private BrowserlessSession ukeySession(BackOfficeRole role) throws Exception {
        return staff.ukeySession("matrix-ukey-" + role.name().toLowerCase() + "-" + shortId(), "矩阵", role);
    }

    private BrowserlessSession fallbackSession(BackOfficeRole role) throws Exception {
        BrowserlessSession session = face.session();
        var fallback = staff.fallback("matrix-pw-" + role.name().toLowerCase(), "矩阵", role, PASSWORD);
        assertThat(fallback.login(session).uri().getPath()).isEqualTo("/sdmanager/index.xhtml");
        return session;
    }
}

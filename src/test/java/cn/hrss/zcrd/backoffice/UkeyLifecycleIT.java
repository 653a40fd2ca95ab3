package cn.hrss.zcrd.backoffice;

import static cn.hrss.zcrd.support.TestIdentities.shortId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.hrss.zcrd.account.BackOfficeAccount;
import cn.hrss.zcrd.account.BackOfficeRole;
import cn.hrss.zcrd.account.UkeyBinding;
import cn.hrss.zcrd.support.BackOfficeStaff;
import cn.hrss.zcrd.support.BrowserlessSession;
import cn.hrss.zcrd.support.Faces;
import cn.hrss.zcrd.support.IntegrationTest;
import cn.hrss.zcrd.support.IntegrationTestInitializer;
import cn.hrss.zcrd.support.TlsClient;
import cn.hrss.zcrd.web.ConnectorPorts;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The UKEY life cycle end to end, as an administrator does it in the back office over mutual TLS: issue a UKEY (a
 * NEW SoftHSM2 token with its key generated inside) for an account, log in with it through SunPKCS11, revoke it —
 * the next handshake fails without a restart and its open session is over — and the replacement UKEY works. Two
 * tokens in all (the original and the replacement): token creation and key generation are the slow part.
 */
@IntegrationTest
class UkeyLifecycleIT {

    static final List<String> TOKENS = new ArrayList<>();

    @Autowired
    BackOfficeStaff staff;

    @Autowired
    ConnectorPorts ports;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aUkeyIssuedInTheBackOfficeLogsInUntilRevokedAndItsReplacementWorks() throws Exception {
        BrowserlessSession admin = ukeyAdmin();
        String username = "ukey-holder-" + shortId();
        BackOfficeAccount holder = staff.accounts().create(username, "钱持有", BackOfficeRole.BUREAU_REVIEWER, null);
        String page = "/sdmanager/system/ukeys.xhtml?account=" + holder.getId();

        HttpResponse<String> issued = admin.submit(page, page, Map.of("ukeys:issue-dev-token", ""));
        assertThat(issued.statusCode()).isEqualTo(200);
        // said once (the page's messages), not again in the block that shows what was issued
        assertThat(issued.body().split("UKEY证书已签发并绑定到该账号", -1)).hasSize(2);
        DevToken first = devToken(issued.body());

        // the holder plugs the UKEY in: SunPKCS11 over the new token, key never leaves it
        TlsClient ukey = TlsClient.withNewUkeyToken(first.config(), first.pinFile());
        BrowserlessSession holderSession = ukey.session(staff.ukeyBase());
        HttpResponse<String> home = holderSession.get("/sdmanager/index.xhtml");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("欢迎，钱持有（" + username + "）").contains("UKEY数字证书");
        UkeyBinding binding = staff.ukeys().bindingsOf(holder.getId()).get(0);
        assertThat(binding.getIssuedVia()).hasToString("DEV_TOKEN");
        assertThat(binding.getTokenLabel()).isEqualTo(first.label());

        // a replacement before the old one goes (an account may hold more than one)
        DevToken second = devToken(
                admin.submit(page, page, Map.of("ukeys:issue-dev-token", "")).body());
        assertThat(staff.ukeys().bindingsOf(holder.getId())).hasSize(2);

        HttpResponse<String> revoked = admin.submit(
                page,
                page,
                Map.of(
                        "ukeys:reason",
                        "KEY_COMPROMISE",
                        revokeButton(admin.get(page).body(), binding.getSerialHex()),
                        ""));
        assertThat(revoked.body()).contains("UKEY已注销");
        assertThat(crlSerials()).contains(new BigInteger(binding.getSerialHex(), 16));

        // its open session is over: the next request on it is refused (or the connection is refused outright)
        assertThat(TlsClient.statusOrRefused(() -> holderSession.get("/sdmanager/index.xhtml")))
                .isIn(403, -1);
        // and a new handshake with the revoked UKEY fails — no restart
        assertThatThrownBy(() -> TlsClient.withNewUkeyToken(first.config(), first.pinFile())
                        .get(staff.ukeyBase() + "/sdmanager/"))
                .isInstanceOf(IOException.class);
        // the replacement works
        HttpResponse<String> replaced =
                TlsClient.withNewUkeyToken(second.config(), second.pinFile()).get(staff.ukeyBase() + "/sdmanager/");
        assertThat(replaced.statusCode()).isEqualTo(200);
        assertThat(replaced.body()).contains("欢迎，钱持有（" + username + "）");

        assertThat(jdbc.queryForList(
                        "select action_code from audit_record where target_type = 'UKEY' and target_id in (?, ?)",
                        String.class,
                        binding.getId(),
                        staff.ukeys().bindingsOf(holder.getId()).get(0).getId()))
                .contains("UKEY_ISSUED", "UKEY_REVOKED");
    }

    @Test
    void aFallbackSessionSeesTheUkeysButIsToldWhyItCannotIssueOrRevoke() throws Exception {
        var fallback = staff.fallback("ukey-fallback-admin", "孙管理", BackOfficeRole.SYSTEM_ADMIN, "Ukey-Fallback-1");
        BrowserlessSession admin = Faces.publicSession(ports);
        fallback.login(admin);
        BackOfficeAccount other =
                staff.accounts().create("ukey-other-" + shortId(), "李其他", BackOfficeRole.UNIT_OPERATOR, null);

        HttpResponse<String> page = admin.get("/sdmanager/system/ukeys.xhtml?account=" + other.getId());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("该操作需要使用UKEY登录后办理").contains("只能查询");
        assertThat(page.body()).containsPattern("id=\"ukeys:issue-dev-token\"[^>]*disabled");
    }

    @Test
    void aCertificateRequestFromAUkeyIsIssuedAndAForgedOneRefused() throws Exception {
        BrowserlessSession admin = ukeyAdmin();
        BackOfficeAccount holder =
                staff.accounts().create("ukey-csr-" + shortId(), "周请求", BackOfficeRole.SYSTEM_ADMIN, null);
        String page = "/sdmanager/system/ukeys.xhtml?account=" + holder.getId();

        HttpResponse<String> bad = admin.submit(
                page,
                page,
                Map.of(
                        "ukeys:csr",
                        "-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n" + "-----END CERTIFICATE REQUEST-----",
                        "ukeys:issue-csr",
                        ""));
        assertThat(bad.body()).contains("证书请求无效");
        assertThat(staff.ukeys().bindingsOf(holder.getId())).isEmpty();

        HttpResponse<String> good =
                admin.submit(page, page, Map.of("ukeys:csr", CertificateRequests.rsa2048(), "ukeys:issue-csr", ""));
        assertThat(good.body()).contains("UKEY证书已签发").contains("BEGIN CERTIFICATE");
        assertThat(staff.ukeys().bindingsOf(holder.getId()))
                .singleElement()
                .satisfies(b -> assertThat(b.getIssuedVia()).hasToString("CSR"));
    }

    @AfterAll
    static void removeTokens() {
        for (String label : TOKENS) {
            try {
                new ProcessBuilder("softhsm2-util", "--delete-token", "--token", label)
                        .redirectErrorStream(true)
                        .start()
                        .waitFor();
            } catch (IOException | InterruptedException e) {
                // best effort: a left-over dev token does no harm
            }
        }
    }

    /** A system admin in a UKEY session (a PKCS#12 UKEY of the UKEY CA, bound to a new account). */
    private BrowserlessSession ukeyAdmin() throws Exception {
        return staff.ukeySession("ukey-admin-" + shortId(), "赵管理", BackOfficeRole.SYSTEM_ADMIN);
    }

    record DevToken(String label, Path config, Path pinFile) {}

    private static DevToken devToken(String page) {
        DevToken token = new DevToken(
                codeOf(page, "issued-token"),
                Path.of(codeOf(page, "issued-config")),
                Path.of(codeOf(page, "issued-pin-file")));
        TOKENS.add(token.label());
        assertThat(token.config()).exists();
        assertThat(token.pinFile()).exists();
        return token;
    }

    private static String codeOf(String page, String id) {
        Matcher matcher =
                Pattern.compile("<code id=\"" + id + "\">([^<]+)</code>").matcher(page);
        assertThat(matcher.find()).as("#" + id + " on the page").isTrue();
        return matcher.group(1).strip();
    }

    /** The name of the 注销 button in the row of the binding with {@code serial}. */
    private static String revokeButton(String page, String serial) {
        int row = page.indexOf("data-serial=\"" + serial + "\"");
        assertThat(row).as("binding row " + serial).isPositive();
        Matcher button = Pattern.compile("name=\"(ukeys:[^\"]*:revoke)\"").matcher(page.substring(row));
        assertThat(button.find()).isTrue();
        return button.group(1);
    }

    private static List<BigInteger> crlSerials() throws Exception {
        try (InputStream in = Files.newInputStream(IntegrationTestInitializer.UKEY_CRL)) {
            X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(in);
            return crl.getRevokedCertificates().stream()
                    .map(e -> e.getSerialNumber())
                    .toList();
        }
    }
}

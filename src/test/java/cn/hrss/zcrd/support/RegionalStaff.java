package cn.hrss.zcrd.support;

import cn.hrss.zcrd.account.BackOfficeAccount;
import cn.hrss.zcrd.account.BackOfficeRole;
import cn.hrss.zcrd.account.BackOfficeUser;
import cn.hrss.zcrd.account.NewBackOfficeAccount;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;

/**
 * Back-office staff of one region (a city bureau's or the province's) holding a fresh UKEY: as the service layer
 * sees their UKEY session ({@link #signIn()}) and as a TLS client for the mutual-TLS port ({@link #tls()}).
 */
public record RegionalStaff(BackOfficeAccount account, BackOfficeUser ukeyUser, SSLContext tls) {

    private static final char[] KEY_PASSWORD = "test".toCharArray();

    public static RegionalStaff of(BackOfficeStaff staff, BackOfficeRole role, String regionCode, String displayName)
            throws Exception {
        String username = "staff-" + role.name().toLowerCase().replace('_', '-') + "-" + regionCode + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        // an issuing-unit operator belongs to a unit, not a region: created as the other tests do, without one
        BackOfficeAccount account = role == BackOfficeRole.UNIT_OPERATOR
                ? staff.accounts().create(username, displayName, role, null)
                : staff.accounts()
                        .create(new NewBackOfficeAccount(username, displayName, role, regionCode, null, false))
                        .account();
        KeyStore key = TestCertificates.freshUkeyCertificate(username, KEY_PASSWORD);
        X509Certificate certificate = (X509Certificate) key.getCertificate("ukey");
        BackOfficeUser user = staff.ukeyUser(account.getId(), certificate);
        return new RegionalStaff(account, user, TlsClient.sslContext(key, KEY_PASSWORD));
    }

    /** Makes this UKEY session the signed-in user of the current thread. */
    public void signIn() {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new PreAuthenticatedAuthenticationToken(ukeyUser, null, ukeyUser.getAuthorities()));
        SecurityContextHolder.setContext(context);
    }

    /** A session on the mutual-TLS (UKEY) port. */
    public BrowserlessSession session(String ukeyBase) {
        return new BrowserlessSession(ukeyBase, tls);
    }
}

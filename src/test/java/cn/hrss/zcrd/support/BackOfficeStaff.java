package cn.hrss.zcrd.support;

import cn.hrss.zcrd.account.BackOfficeAccount;
import cn.hrss.zcrd.account.BackOfficeAccounts;
import cn.hrss.zcrd.account.BackOfficeAuthentication;
import cn.hrss.zcrd.account.BackOfficeCredentials;
import cn.hrss.zcrd.account.BackOfficeRole;
import cn.hrss.zcrd.account.BackOfficeUser;
import cn.hrss.zcrd.account.CertificateIdentity;
import cn.hrss.zcrd.account.UkeyBindings;
import cn.hrss.zcrd.web.ConnectorPorts;
import java.security.cert.X509Certificate;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;

/**
 * Back-office people for the integration tests, made through the account services ({@link BackOfficeAccounts},
 * {@link BackOfficeCredentials}, {@link UkeyBindings}, {@link BackOfficeAuthentication}): a bean of the shared test
 * context (ask for it with {@code @Autowired}) instead of passing those services to static helpers.
 */
public class BackOfficeStaff {

    private final BackOfficeAccounts accounts;
    private final BackOfficeCredentials credentials;
    private final UkeyBindings ukeys;
    private final BackOfficeAuthentication logins;
    private final ConnectorPorts ports;

    public BackOfficeStaff(
            BackOfficeAccounts accounts,
            BackOfficeCredentials credentials,
            UkeyBindings ukeys,
            BackOfficeAuthentication logins,
            ConnectorPorts ports) {
        this.accounts = accounts;
        this.credentials = credentials;
        this.ukeys = ukeys;
        this.logins = logins;
        this.ports = ports;
    }

    public BackOfficeAccounts accounts() {
        return accounts;
    }

    public BackOfficeCredentials credentials() {
        return credentials;
    }

    public UkeyBindings ukeys() {
        return ukeys;
    }

    public BackOfficeAuthentication logins() {
        return logins;
    }

    /** See {@link BackOfficeLogins#account}: an account with its own password and an enrolled authenticator. */
    public BackOfficeLogins.Fallback fallback(
            String username, String displayName, BackOfficeRole role, String password) {
        return BackOfficeLogins.account(this, username, displayName, role, password);
    }

    /** See {@link BackOfficeLogins#passwordUser}: a fallback (password + TOTP) session's user, really logged in. */
    public BackOfficeUser passwordUser(String username, String displayName, BackOfficeRole role, String password) {
        return BackOfficeLogins.passwordUser(this, username, displayName, role, password);
    }

    /** See {@link RegionalStaff#of}: staff of one region holding a fresh UKEY. */
    public RegionalStaff regional(BackOfficeRole role, String regionCode, String displayName) throws Exception {
        return RegionalStaff.of(this, role, regionCode, displayName);
    }

    /** Binds the UKEY's certificate to the account and logs in with it: the UKEY session's user. */
    public BackOfficeUser ukeyUser(long accountId, X509Certificate certificate) {
        ukeys.bindUkey(accountId, certificate);
        return ukeyLogin(certificate);
    }

    /** The user the UKEY port's login finds for the certificate (refused as the port refuses it). */
    public BackOfficeUser ukeyLogin(X509Certificate certificate) {
        return (BackOfficeUser) logins.ukeyLogins()
                .loadUserDetails(new PreAuthenticatedAuthenticationToken(
                        CertificateIdentity.fingerprint(certificate), certificate));
    }

    /** A fresh UKEY ({@link TestUkey#fresh}, named after the account) bound to the account. */
    public TestUkey freshUkey(BackOfficeAccount account) throws Exception {
        TestUkey ukey = TestUkey.fresh(account.getUsername());
        ukeys.bindUkey(account.getId(), ukey.certificate());
        return ukey;
    }

    /** A new account (no region) holding a fresh UKEY, in a session on the UKEY port. */
    public BrowserlessSession ukeySession(String username, String displayName, BackOfficeRole role) throws Exception {
        return freshUkey(accounts.create(username, displayName, role, null)).session(ukeyBase());
    }

    /**
     * Binds the dev UKEY ({@code var/pki/ukey-dev-admin.pem}) to the system admin {@code ukey-admin} (made if
     * missing), unless it is bound already.
     */
    public void devAdminHoldsTheDevUkey() {
        X509Certificate ukey = DevPki.certificate("ukey-dev-admin.pem");
        if (!ukeys.isBound(ukey)) {
            var account = accounts.findByUsername("ukey-admin")
                    .orElseGet(() -> accounts.create("ukey-admin", "张管理", BackOfficeRole.SYSTEM_ADMIN, null));
            ukeys.bindUkey(account.getId(), ukey);
        }
    }

    /** The UKEY back office, {@link Faces#ukeyBase}. */
    public String ukeyBase() {
        return Faces.ukeyBase(ports);
    }
}

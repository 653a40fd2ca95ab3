package cn.hrss.zcrd.support;

import cn.hrss.zcrd.account.BackOfficeAccounts;
import cn.hrss.zcrd.account.BackOfficeAuthentication;
import cn.hrss.zcrd.account.BackOfficeCredentials;
import cn.hrss.zcrd.account.BackOfficeRole;
import cn.hrss.zcrd.account.BackOfficeUser;
import cn.hrss.zcrd.account.CertificateIdentity;
import cn.hrss.zcrd.account.UkeyBindings;
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

    public BackOfficeStaff(
            BackOfficeAccounts accounts,
            BackOfficeCredentials credentials,
            UkeyBindings ukeys,
            BackOfficeAuthentication logins) {
        this.accounts = accounts;
        this.credentials = credentials;
        this.ukeys = ukeys;
        this.logins = logins;
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
}

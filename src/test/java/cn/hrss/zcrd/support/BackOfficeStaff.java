package cn.hrss.zcrd.support;

import cn.hrss.zcrd.account.BackOfficeAccounts;
import cn.hrss.zcrd.account.BackOfficeRole;
import cn.hrss.zcrd.account.BackOfficeUser;

/**
 * Back-office people for the integration tests, made through the accounts service: a bean of the shared test context
 * (ask for it with {@code @Autowired}) instead of passing {@code BackOfficeAccounts} to static helpers.
 */
public class BackOfficeStaff {

    private final BackOfficeAccounts accounts;

    public BackOfficeStaff(BackOfficeAccounts accounts) {
        this.accounts = accounts;
    }

    /** See {@link BackOfficeLogins#account}: an account with its own password and an enrolled authenticator. */
    public BackOfficeLogins.Fallback fallback(
            String username, String displayName, BackOfficeRole role, String password) {
        return BackOfficeLogins.account(accounts, username, displayName, role, password);
    }

    /** See {@link BackOfficeLogins#passwordUser}: a fallback (password + TOTP) session's user, really logged in. */
    public BackOfficeUser passwordUser(String username, String displayName, BackOfficeRole role, String password) {
        return BackOfficeLogins.passwordUser(accounts, username, displayName, role, password);
    }

    /** See {@link RegionalStaff#of}: staff of one region holding a fresh UKEY. */
    public RegionalStaff regional(BackOfficeRole role, String regionCode, String displayName) throws Exception {
        return RegionalStaff.of(accounts, role, regionCode, displayName);
    }
}

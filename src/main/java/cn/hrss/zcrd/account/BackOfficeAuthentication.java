package cn.hrss.zcrd.account;

import cn.hrss.zcrd.account.internal.BackOfficeAccountRepository;
import cn.hrss.zcrd.account.internal.LoginGuard;
import cn.hrss.zcrd.account.internal.SecretSealer;
import cn.hrss.zcrd.account.internal.TotpCodes;
import cn.hrss.zcrd.account.internal.UkeyBindingRepository;
import java.time.Clock;
import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.userdetails.AuthenticationUserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How a back-office login finds its account — with a UKEY ({@link BackOfficeUkeyLogin}) or with password + TOTP
 * ({@link BackOfficePasswordLogin}) — and whether an open session may go on. The providers are handed to the
 * security configuration's filter chains, not registered as beans (they would join Spring Security's global
 * authentication manager).
 */
@Service
public class BackOfficeAuthentication {

    private final BackOfficeAccountRepository accounts;
    private final UkeyBindingRepository bindings;
    private final LoginGuard guard;
    private final BackOfficePasswordLogin passwordLogin;
    private final BackOfficeUkeyLogin ukeyLogin;

    BackOfficeAuthentication(
            BackOfficeAccountRepository accounts,
            UkeyBindingRepository bindings,
            PasswordEncoder passwordEncoder,
            LoginGuard guard,
            SecretSealer sealer,
            TotpCodes totp,
            Clock clock) {
        this.accounts = accounts;
        this.bindings = bindings;
        this.guard = guard;
        this.passwordLogin = new BackOfficePasswordLogin(accounts, guard, passwordEncoder, sealer, totp, clock);
        this.ukeyLogin = new BackOfficeUkeyLogin(bindings);
    }

    /**
     * Whether an open session may go on: the account still exists, is enabled, its session stamp is unchanged
     * (no disable, role, scope or password reset since the login) and, for a UKEY session, its binding is not
     * revoked or suspended. One primary-key lookup (two for UKEY sessions).
     */
    @Transactional(readOnly = true)
    public boolean sessionStillValid(BackOfficeUser user) {
        List<Object[]> state = accounts.sessionState(user.getAccountId());
        if (state.isEmpty()
                || !Boolean.TRUE.equals(state.get(0)[0])
                || ((Number) state.get(0)[1]).longValue() != user.sessionStamp()) {
            return false;
        }
        return user.bindingId() == null || bindings.isActive(user.bindingId());
    }

    /** Whether the next fallback login of this username must carry a solved captcha (the login page shows it). */
    public boolean captchaRequired(String username) {
        String name = username == null ? "" : username.strip();
        return !name.isEmpty()
                && name.length() <= 64
                && guard.captchaRequired(BackOfficePasswordLogin.ATTEMPT_KIND, name);
    }

    /** The fallback login provider for the back office's password chain (password + TOTP code). */
    public AuthenticationProvider passwordLogin() {
        return passwordLogin;
    }

    /** The UKEY login on the mutual-TLS port ({@link BackOfficeUkeyLogin}). */
    public AuthenticationUserDetailsService<PreAuthenticatedAuthenticationToken> ukeyLogins() {
        return ukeyLogin;
    }
}

package cn.hrss.zcrd.account;

import cn.hrss.zcrd.account.internal.BackOfficeAccountRepository;
import cn.hrss.zcrd.account.internal.LoginGuard;
import cn.hrss.zcrd.account.internal.SecretSealer;
import cn.hrss.zcrd.account.internal.TotpCodes;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The back office's non-UKEY fallback: password and TOTP code (RFC 6238), both in one form.
 * <ul>
 *   <li>unknown names, wrong passwords, disabled accounts and wrong codes fail alike ("用户名、密码或动态口令错误")
 *   and take alike long (a password is always compared); every try passes {@link LoginGuard} first (the address's
 *   budgets, a captcha once the name has failed a few times, the atomic claim against the locks — also for a name
 *   without account, so a lockout tells nothing). A lock stops password tries only: the UKEY login is another
 *   door;</li>
 *   <li>a code is accepted for one time step either side and only once: its step must be later than the last step
 *   the account used (taken atomically in the database, so two logins racing with one code cannot both pass);</li>
 *   <li>an account with a one-time password (new or reset) or without an enrolled authenticator gets a session in
 *   set-up ({@link BackOfficeUser#SETUP_PENDING}) that can only choose a password and enrol TOTP.</li>
 * </ul>
 * Deliberately not a bean (it would join Spring Security's global manager); see
 * {@link BackOfficeAuthentication#passwordLogin()}.
 */
final class BackOfficePasswordLogin implements AuthenticationProvider {

    static final String ATTEMPT_KIND = "BACK_OFFICE";

    private final BackOfficeAccountRepository accounts;
    private final LoginGuard guard;
    private final PasswordEncoder encoder;
    private final SecretSealer sealer;
    private final TotpCodes totp;
    private final Clock clock;
    private final String decoyHash;

    BackOfficePasswordLogin(
            BackOfficeAccountRepository accounts,
            LoginGuard guard,
            PasswordEncoder encoder,
            SecretSealer sealer,
            TotpCodes totp,
            Clock clock) {
        this.accounts = accounts;
        this.guard = guard;
        this.encoder = encoder;
        this.sealer = sealer;
        this.totp = totp;
        this.clock = clock;
        this.decoyHash = encoder.encode(UUID.randomUUID().toString());
    }

    @Override
    public Authentication authenticate(Authentication request) {
        String username = request.getName() == null ? "" : request.getName().strip();
        String password =
                request.getCredentials() == null ? "" : request.getCredentials().toString();
        BackOfficeLoginDetails details = request.getDetails() instanceof BackOfficeLoginDetails d ? d : null;
        if (username.isEmpty() || username.length() > 64) {
            throw new BadCredentialsException("bad credentials");
        }
        LoginGuard.Try attempt = guard.admit(
                ATTEMPT_KIND,
                username,
                details == null ? "" : String.valueOf(details.getRemoteAddress()),
                details == null ? null : details.captchaSolution());
        Instant now = clock.instant();
        Optional<BackOfficeAccount> found = accounts.findByUsername(username);
        String hash = found.map(BackOfficeAccount::getPasswordHash).orElse(null);
        boolean matches = encoder.matches(password, hash == null ? decoyHash : hash);
        if (found.isEmpty()) {
            throw guard.failed(attempt, new UnknownLoginNameException());
        }
        if (!matches || hash == null) {
            throw guard.failed(attempt, new BadCredentialsException("bad credentials"));
        }
        BackOfficeAccount account = found.get();
        if (!account.isEnabled()) {
            throw guard.failed(attempt, new DisabledException("disabled"));
        }
        if (account.isPasswordChangeRequired()
                && account.getPasswordExpiresAt() != null
                && now.isAfter(account.getPasswordExpiresAt())) {
            // the password was right: no failure to count
            guard.succeeded(attempt);
            throw new CredentialsExpiredException("one-time password expired");
        }
        boolean setupPending = account.isPasswordChangeRequired() || !account.isTotpEnrolled();
        if (account.isTotpEnrolled()) {
            byte[] secret = sealer.open(account.getSealedTotpSecret(), account.getId());
            OptionalLong step = totp.matchingStep(secret, details == null ? null : details.totpCode());
            if (step.isEmpty()) {
                throw guard.failed(
                        attempt, new BackOfficeLoginRefusedException(BackOfficeLoginRefusedException.TOTP_WRONG));
            }
            if (accounts.takeTotpStep(account.getId(), step.getAsLong()) != 1) {
                throw guard.failed(
                        attempt, new BackOfficeLoginRefusedException(BackOfficeLoginRefusedException.TOTP_REPLAYED));
            }
        }
        guard.succeeded(attempt);
        BackOfficeUser user = new BackOfficeUser(account, AuthenticationMethod.PASSWORD, null, setupPending);
        UsernamePasswordAuthenticationToken result =
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        result.setDetails(
                details == null
                        ? request.getDetails()
                        : new WebAuthenticationDetails(details.getRemoteAddress(), null));
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}

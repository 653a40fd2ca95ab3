package cn.hrss.zcrd.account;

import cn.hrss.zcrd.account.internal.LoginAttempts;
import cn.hrss.zcrd.account.internal.PortalAccount;
import cn.hrss.zcrd.account.internal.PortalAccountRepository;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Portal login for both kinds of account. Unknown names, wrong passwords and disabled accounts fail alike (and
 * take alike long: a password is always compared); five failures in a row lock the name for a while.
 * Deliberately not a bean: as one it would join Spring Security's global authentication manager, the parent of
 * every filter chain's own; it serves the portal's chain only (see {@link PortalAccounts#loginProvider()}).
 */
class PortalAuthenticationProvider implements AuthenticationProvider {

    private final PortalAccountRepository accounts;
    private final LoginAttempts attempts;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final String decoyHash;

    PortalAuthenticationProvider(
            PortalAccountRepository accounts, LoginAttempts attempts, PasswordEncoder encoder, Clock clock) {
        this.accounts = accounts;
        this.attempts = attempts;
        this.encoder = encoder;
        this.clock = clock;
        this.decoyHash = encoder.encode(UUID.randomUUID().toString());
    }

    @Override
    public Authentication authenticate(Authentication request) {
        PortalAccountKind kind =
                request.getDetails() instanceof PortalLoginDetails details ? details.kind() : PortalAccountKind.PERSON;
        String loginName =
                request.getName() == null ? "" : request.getName().strip().toUpperCase(Locale.ROOT);
        String password =
                request.getCredentials() == null ? "" : request.getCredentials().toString();
        if (loginName.isEmpty() || loginName.length() > 64) {
            throw new BadCredentialsException("bad credentials");
        }
        if (attempts.isLocked(kind, loginName, clock.instant())) {
            throw new LockedException("locked");
        }
        Optional<PortalAccount> account = accounts.findByKindAndLoginName(kind, loginName);
        boolean matches = encoder.matches(
                password, account.map(PortalAccount::passwordHash).orElse(decoyHash));
        if (!matches || account.isEmpty() || !account.get().isEnabled()) {
            if (attempts.recordFailure(kind, loginName, clock.instant())) {
                throw new LockedException("locked");
            }
            throw new BadCredentialsException("bad credentials");
        }
        attempts.clear(kind, loginName);
        PortalAccount found = account.get();
        PortalUser user = new PortalUser(found.getId(), kind, found.getLoginName(), found.getDisplayName());
        UsernamePasswordAuthenticationToken result = UsernamePasswordAuthenticationToken.authenticated(
                user, null, List.of(new SimpleGrantedAuthority(kind.role())));
        result.setDetails(request.getDetails());
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}

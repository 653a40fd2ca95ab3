package cn.hrss.zcrd.account;

import cn.hrss.zcrd.account.internal.LoginGuard;
import cn.hrss.zcrd.account.internal.PortalAccount;
import cn.hrss.zcrd.account.internal.PortalAccountRepository;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Portal login for both kinds of account. Unknown names, wrong passwords and disabled accounts fail alike (and
 * take alike long: a password is always compared). Every try passes {@link LoginGuard} first: the address's
 * budgets, the captcha once the name has failed a few times, and the atomic claim against the locks.
 * Deliberately not a bean: as one it would join Spring Security's global authentication manager, the parent of
 * every filter chain's own; it serves the portal's chain only (see {@link PortalAccounts#loginProvider()}).
 */
class PortalAuthenticationProvider implements AuthenticationProvider {

    private final PortalAccountRepository accounts;
    private final LoginGuard guard;
    private final PasswordEncoder encoder;
    private final String decoyHash;

    PortalAuthenticationProvider(PortalAccountRepository accounts, LoginGuard guard, PasswordEncoder encoder) {
        this.accounts = accounts;
        this.guard = guard;
        this.encoder = encoder;
        this.decoyHash = encoder.encode(UUID.randomUUID().toString());
    }

    @Override
    public Authentication authenticate(Authentication request) {
        PortalLoginDetails details = request.getDetails() instanceof PortalLoginDetails d ? d : null;
        PortalAccountKind kind = details != null ? details.kind() : PortalAccountKind.PERSON;
        String loginName =
                request.getName() == null ? "" : request.getName().strip().toUpperCase(Locale.ROOT);
        String password =
                request.getCredentials() == null ? "" : request.getCredentials().toString();
        if (loginName.isEmpty() || loginName.length() > 64) {
            throw new BadCredentialsException("bad credentials");
        }
        LoginGuard.Try attempt = guard.admit(
                kind.name(),
                loginName,
                details == null ? "" : String.valueOf(details.remoteAddress()),
                details == null ? null : details.captchaSolution());
        Optional<PortalAccount> account = accounts.findByKindAndLoginName(kind, loginName);
        boolean matches = encoder.matches(
                password, account.map(PortalAccount::passwordHash).orElse(decoyHash));
        if (account.isEmpty()) {
            throw guard.failed(attempt, new UnknownLoginNameException());
        }
        if (!matches || !account.get().isEnabled()) {
            throw guard.failed(attempt, new BadCredentialsException("bad credentials"));
        }
        guard.succeeded(attempt);
        PortalAccount found = account.get();
        PortalUser user = new PortalUser(found.getId(), kind, found.getLoginName(), found.getDisplayName());
        UsernamePasswordAuthenticationToken result = UsernamePasswordAuthenticationToken.authenticated(
                user, null, List.of(new SimpleGrantedAuthority(kind.role())));
        result.setDetails(details == null ? request.getDetails() : details.withoutCaptcha());
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}

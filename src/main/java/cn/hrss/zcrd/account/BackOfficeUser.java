package cn.hrss.zcrd.account;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in back-office user: account, role, data scope and how the session was authenticated. It is a
 * snapshot taken at login; the session check compares its {@link #sessionStamp()} (and, for a UKEY session, its
 * binding) with the database at every request, so a disabled account, a changed role or a revoked UKEY ends the
 * session at once.
 *
 * <p>Other modules check actions with {@link BackOfficeGuard} (role, UKEY policy, region scope), e.g.
 * {@code guard.require(BackOfficeAction.APPROVE_SEAL)}.
 */
public final class BackOfficeUser implements UserDetails {

    /** The only authority of a password session that must first set its password and enrol TOTP. */
    public static final String SETUP_PENDING = "BACKOFFICE_SETUP_PENDING";

    private final long accountId;
    private final String username;
    private final String displayName;
    private final BackOfficeRole role;
    private final AuthenticationMethod method;
    private final boolean enabled;
    private final String regionCode;
    private final Long unitId;
    private final Long bindingId;
    private final long sessionStamp;
    private final boolean setupPending;

    BackOfficeUser(BackOfficeAccount account, AuthenticationMethod method) {
        this(account, method, null, false);
    }

    BackOfficeUser(BackOfficeAccount account, AuthenticationMethod method, Long bindingId, boolean setupPending) {
        this.accountId = account.getId();
        this.username = account.getUsername();
        this.displayName = account.getDisplayName();
        this.role = account.getRole();
        this.method = method;
        this.enabled = account.isEnabled();
        this.regionCode = account.getRegionCode();
        this.unitId = account.getUnitId();
        this.bindingId = bindingId;
        this.sessionStamp = account.getSessionStamp();
        this.setupPending = setupPending;
    }

    /** The back-office user of the current thread, if one is signed in (also a session still in set-up). */
    public static Optional<BackOfficeUser> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null
                        && authentication.isAuthenticated()
                        && authentication.getPrincipal() instanceof BackOfficeUser user
                ? Optional.of(user)
                : Optional.empty();
    }

    public long getAccountId() {
        return accountId;
    }

    public String getDisplayName() {
        return displayName;
    }

    public BackOfficeRole getRole() {
        return role;
    }

    public AuthenticationMethod getMethod() {
        return method;
    }

    /** Whether this session was opened with a UKEY (client certificate over mutual TLS). */
    public boolean isUkeySession() {
        return method == AuthenticationMethod.UKEY;
    }

    /** The region whose data this user sees (bureau staff: the bureau's region and below; null: none). */
    public String regionCode() {
        return regionCode;
    }

    /** The issuing unit of a unit operator, else null. */
    public Long unitId() {
        return unitId;
    }

    /** The UKEY binding of a UKEY session, else null. */
    public Long bindingId() {
        return bindingId;
    }

    /** The account's session stamp when this session was opened. */
    public long sessionStamp() {
        return sessionStamp;
    }

    /** A password session that has to set its own password and enrol TOTP before anything else. */
    public boolean isSetupPending() {
        return setupPending;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        if (setupPending) {
            return List.of(new SimpleGrantedAuthority(SETUP_PENDING), new SimpleGrantedAuthority(method.authority()));
        }
        return List.of(
                new SimpleGrantedAuthority("ROLE_" + role.name()), new SimpleGrantedAuthority(method.authority()));
    }

    /** Never kept: password logins are checked by the fallback provider against the account itself. */
    @Override
    public String getPassword() {
        return null;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }
}

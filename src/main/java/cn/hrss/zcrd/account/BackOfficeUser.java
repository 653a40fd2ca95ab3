package cn.hrss.zcrd.account;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in back-office user: account, role and how the session was authenticated. */
public final class BackOfficeUser implements UserDetails {

    private final long accountId;
    private final String username;
    private final String displayName;
    private final BackOfficeRole role;
    private final AuthenticationMethod method;
    private final String passwordHash;
    private final boolean enabled;

    BackOfficeUser(BackOfficeAccount account, AuthenticationMethod method) {
        this.accountId = account.getId();
        this.username = account.getUsername();
        this.displayName = account.getDisplayName();
        this.role = account.getRole();
        this.method = method;
        this.passwordHash = method == AuthenticationMethod.PASSWORD ? account.getPasswordHash() : null;
        this.enabled = account.isEnabled();
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

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()),
                new SimpleGrantedAuthority(method.authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
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

package cn.hrss.zcrd.account.internal;

import cn.hrss.zcrd.account.PortalAccountKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** Portal credentials; the person or unit behind them lives in its own table. */
@Entity
@Table(name = "portal_account")
public class PortalAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private PortalAccountKind kind;

    @Column(name = "login_name", nullable = false, length = 32)
    private String loginName;

    @Column(name = "display_name", nullable = false, length = 100)
    private String displayName;

    @Column(name = "password_hash", nullable = false, length = 200)
    private String passwordHash;

    @Column(nullable = false)
    private boolean enabled = true;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "password_changed_at", nullable = false)
    private Instant passwordChangedAt;

    @Version
    private long version;

    protected PortalAccount() {}

    PortalAccount(PortalAccountKind kind, String loginName, String displayName, String passwordHash, Instant now) {
        this.kind = kind;
        this.loginName = loginName;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.createdAt = now;
        this.passwordChangedAt = now;
    }

    void changePassword(String newHash, Instant now) {
        this.passwordHash = newHash;
        this.passwordChangedAt = now;
    }

    public Long getId() {
        return id;
    }

    public PortalAccountKind getKind() {
        return kind;
    }

    public String getLoginName() {
        return loginName;
    }

    public String getDisplayName() {
        return displayName;
    }

    /** For the login's password comparison only. */
    public String passwordHash() {
        return passwordHash;
    }

    public boolean isEnabled() {
        return enabled;
    }
}

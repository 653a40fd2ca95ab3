package cn.hrss.zcrd.account;

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

/**
 * A bureau or issuing-unit staff member who works in the back office (sdmanager). Bureau staff are scoped to their
 * bureau's region ({@link #getRegionCode()}: that region and everything below it); an issuing-unit operator to
 * one unit ({@link #getUnitId()}). Every change that affects what an open session may do moves the
 * {@linkplain #getSessionStamp() session stamp}, which ends the account's open sessions at their next request.
 */
@Entity
@Table(name = "back_office_account")
public class BackOfficeAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 64)
    private String username;

    @Column(name = "display_name", nullable = false, length = 100)
    private String displayName;

    @Column(name = "password_hash", length = 200)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private BackOfficeRole role;

    @Column(nullable = false)
    private boolean enabled = true;

    @Column(name = "region_code", length = 12)
    private String regionCode;

    @Column(name = "unit_id")
    private Long unitId;

    @Column(name = "password_change_required", nullable = false)
    private boolean passwordChangeRequired;

    @Column(name = "password_expires_at")
    private Instant passwordExpiresAt;

    @Column(name = "totp_secret", length = 200)
    private String sealedTotpSecret;

    @Column(name = "totp_last_step")
    private Long totpLastStep;

    @Column(name = "session_stamp", nullable = false)
    private long sessionStamp;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Version
    private long version;

    protected BackOfficeAccount() {}

    BackOfficeAccount(String username, String displayName, BackOfficeRole role, String passwordHash, Instant now) {
        this.username = username;
        this.displayName = displayName;
        this.role = role;
        this.passwordHash = passwordHash;
        this.createdAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public BackOfficeRole getRole() {
        return role;
    }

    public boolean isEnabled() {
        return enabled;
    }

    /** The bureau's region for bureau staff; the unit's region for a unit operator; null if not set. */
    public String getRegionCode() {
        return regionCode;
    }

    /** The issuing unit of a unit operator, else null. */
    public Long getUnitId() {
        return unitId;
    }

    /** Whether the password fallback is possible at all (UKEY-only accounts have no password). */
    public boolean hasPassword() {
        return passwordHash != null;
    }

    /** A one-time password was set (new account or reset): it must be replaced at the next password login. */
    public boolean isPasswordChangeRequired() {
        return passwordChangeRequired;
    }

    public Instant getPasswordExpiresAt() {
        return passwordExpiresAt;
    }

    /** Whether a TOTP authenticator is enrolled for the password fallback. */
    public boolean isTotpEnrolled() {
        return sealedTotpSecret != null;
    }

    public long getSessionStamp() {
        return sessionStamp;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    String getSealedTotpSecret() {
        return sealedTotpSecret;
    }

    Long getTotpLastStep() {
        return totpLastStep;
    }

    void scope(String regionCode, Long unitId) {
        this.regionCode = regionCode;
        this.unitId = unitId;
    }

    void assign(String displayName, BackOfficeRole role, String regionCode, Long unitId, Instant now) {
        this.displayName = displayName;
        this.role = role;
        scope(regionCode, unitId);
        endSessions(now);
    }

    void enable(boolean enabled, Instant now) {
        this.enabled = enabled;
        endSessions(now);
    }

    /** A one-time password (admin-created or reset): the TOTP enrolment starts over, open sessions end. */
    void oneTimePassword(String hash, Instant expiresAt, Instant now) {
        this.passwordHash = hash;
        this.passwordChangeRequired = true;
        this.passwordExpiresAt = expiresAt;
        this.sealedTotpSecret = null;
        this.totpLastStep = null;
        endSessions(now);
    }

    void noPassword(Instant now) {
        this.passwordHash = null;
        this.passwordChangeRequired = false;
        this.passwordExpiresAt = null;
        this.sealedTotpSecret = null;
        this.totpLastStep = null;
        endSessions(now);
    }

    /** The user's own password, chosen at first login or later. */
    void ownPassword(String hash, Instant now) {
        this.passwordHash = hash;
        this.passwordChangeRequired = false;
        this.passwordExpiresAt = null;
        this.updatedAt = now;
    }

    void totp(String sealedSecret, long acceptedStep, Instant now) {
        this.sealedTotpSecret = sealedSecret;
        this.totpLastStep = acceptedStep;
        this.updatedAt = now;
    }

    void endSessions(Instant now) {
        this.sessionStamp++;
        this.updatedAt = now;
    }
}

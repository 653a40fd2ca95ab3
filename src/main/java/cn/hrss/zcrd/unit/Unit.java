package cn.hrss.zcrd.unit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Instant;

/**
 * A registered unit. The credit code is fixed at registration; contact data may change. A new unit is
 * {@link UnitVerificationStatus#PENDING} until the bureau of its region verifies it; while rejected it may correct
 * its name, region and contact data and resubmit.
 */
@Entity
@Table(name = "unit")
public class Unit implements Serializable {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "account_id", nullable = false, updatable = false)
    private Long accountId;

    @Column(name = "credit_code", nullable = false, updatable = false, length = 18)
    private String creditCode;

    @Column(nullable = false, length = 100)
    private String name;

    /** {@link UnitNameKey} of the name: unique (index uk_unit_name_key). */
    @Column(name = "name_key", length = 120)
    private String nameKey;

    @Column(name = "region_code", nullable = false, length = 12)
    private String regionCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "unit_type", nullable = false, length = 32)
    private UnitType unitType;

    @Column(name = "competent_unit_id")
    private Long competentUnitId;

    @Column(name = "contact_person", nullable = false, length = 30)
    private String contactPerson;

    @Column(nullable = false, length = 20)
    private String phone;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "verification", nullable = false, length = 16)
    private UnitVerificationStatus verification;

    @Column(name = "verification_reason", length = MAX_REASON)
    private String verificationReason;

    @Column(name = "verification_decided_by")
    private Long verificationDecidedBy;

    @Column(name = "verification_decided_by_name", length = 100)
    private String verificationDecidedByName;

    @Column(name = "verification_decided_at")
    private Instant verificationDecidedAt;

    @Column(name = "verification_submitted_at")
    private Instant verificationSubmittedAt;

    @Version
    private long version;

    static final int MAX_REASON = 500;

    protected Unit() {}

    Unit(
            long accountId,
            String creditCode,
            String name,
            String regionCode,
            UnitType unitType,
            Long competentUnitId,
            String contactPerson,
            String phone,
            Instant now) {
        this.accountId = accountId;
        this.creditCode = creditCode;
        this.name = name;
        this.nameKey = UnitNameKey.of(name);
        this.regionCode = regionCode;
        this.unitType = unitType;
        this.competentUnitId = competentUnitId;
        this.contactPerson = contactPerson;
        this.phone = phone;
        this.createdAt = now;
        this.verification = UnitVerificationStatus.PENDING;
        this.verificationSubmittedAt = now;
    }

    /** 审核通过 by the bureau of the unit's region. */
    void verify(long reviewerAccountId, String reviewerName, String opinion, Instant now) {
        requirePending();
        verification = UnitVerificationStatus.VERIFIED;
        decided(reviewerAccountId, reviewerName, opinion, now);
    }

    /** 驳回 by the bureau with a reason (required), which the unit sees. */
    void rejectVerification(long reviewerAccountId, String reviewerName, String reason, Instant now) {
        requirePending();
        if (reason == null || reason.isBlank()) {
            throw new UnitRuleException("unit.verification.error.reason-required");
        }
        verification = UnitVerificationStatus.REJECTED;
        decided(reviewerAccountId, reviewerName, reason, now);
    }

    /** A rejected unit corrects its data and submits it again: pending once more. */
    void resubmit(String name, String regionCode, String contactPerson, String phone, Instant now) {
        if (verification != UnitVerificationStatus.REJECTED) {
            throw new UnitRuleException("unit.verification.error.not-rejected");
        }
        this.name = name;
        this.nameKey = UnitNameKey.of(name);
        this.regionCode = regionCode;
        this.contactPerson = contactPerson;
        this.phone = phone;
        this.verification = UnitVerificationStatus.PENDING;
        this.verificationSubmittedAt = now;
    }

    private void requirePending() {
        if (verification != UnitVerificationStatus.PENDING) {
            throw new UnitRuleException("unit.verification.error.decided");
        }
    }

    private void decided(long accountId, String byName, String text, Instant now) {
        this.verificationDecidedBy = accountId;
        this.verificationDecidedByName = byName;
        this.verificationReason = text == null || text.isBlank() ? null : text.strip();
        this.verificationDecidedAt = now;
    }

    /** Whether the bureau verified the unit: only then may it receive declarations and apply for anything. */
    public boolean isVerified() {
        return verification == UnitVerificationStatus.VERIFIED;
    }

    public UnitVerificationStatus getVerification() {
        return verification;
    }

    /** The bureau's reason of a rejection (or its note on an approval). */
    public String getVerificationReason() {
        return verificationReason;
    }

    public String getVerificationDecidedByName() {
        return verificationDecidedByName;
    }

    public Instant getVerificationDecidedAt() {
        return verificationDecidedAt;
    }

    public Instant getVerificationSubmittedAt() {
        return verificationSubmittedAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    /** The bureau's correction of region and competent department ({@link UnitDataCorrections}). */
    void correctRegionAndCompetent(String regionCode, Long competentUnitId) {
        this.regionCode = regionCode;
        this.competentUnitId = competentUnitId;
    }

    void changeContact(String contactPerson, String phone) {
        this.contactPerson = contactPerson;
        this.phone = phone;
    }

    public Long getId() {
        return id;
    }

    public Long getAccountId() {
        return accountId;
    }

    public String getCreditCode() {
        return creditCode;
    }

    public String getName() {
        return name;
    }

    public String getRegionCode() {
        return regionCode;
    }

    public UnitType getUnitType() {
        return unitType;
    }

    public Long getCompetentUnitId() {
        return competentUnitId;
    }

    public String getContactPerson() {
        return contactPerson;
    }

    public String getPhone() {
        return phone;
    }
}

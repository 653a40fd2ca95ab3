package cn.hrss.zcrd.unit;

import cn.hrss.zcrd.shared.Decision;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * 职称认定证书发放申请 (SPEC §6): a unit asks its bureau (所属机构) for issuing authority for one or more certificate
 * levels. {@link IssuingAuthorityStatus#PENDING 待审核} until the bureau grants it (已授权) or rejects it with an
 * opinion (已驳回). Plain state machine; {@link Version} makes one of two simultaneous decisions fail.
 */
@Entity
@Table(name = "issuing_authority_application")
public class IssuingAuthorityApplication extends DecidedApplication {

    @Column(name = "bureau_code", nullable = false, updatable = false, length = 32)
    private String bureauCode;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "issuing_authority_level", joinColumns = @JoinColumn(name = "application_id"))
    @Column(name = "level_code", nullable = false, length = 32)
    private Set<String> levelCodes = new TreeSet<>();

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    private IssuingAuthorityStatus status;

    /** 撤销 by the bureau, with its reason */
    @AttributeOverride(name = "accountId", column = @Column(name = "withdrawn_by_account_id"))
    @AttributeOverride(name = "name", column = @Column(name = "withdrawn_by_name", length = 100))
    @AttributeOverride(name = "opinion", column = @Column(name = "withdrawn_reason", length = MAX_OPINION))
    @AttributeOverride(name = "at", column = @Column(name = "withdrawn_at"))
    private Decision withdrawal;

    /** the last 暂停 by the bureau, with its reason */
    @AttributeOverride(name = "accountId", column = @Column(name = "suspended_by_account_id"))
    @AttributeOverride(name = "name", column = @Column(name = "suspended_by_name", length = 100))
    @AttributeOverride(name = "opinion", column = @Column(name = "suspended_reason", length = MAX_OPINION))
    @AttributeOverride(name = "at", column = @Column(name = "suspended_at"))
    private Decision suspension;

    @Column(name = "resumed_reason", length = MAX_OPINION)
    private String resumedReason;

    @Column(name = "resumed_by_name", length = 100)
    private String resumedByName;

    @Column(name = "resumed_at")
    private Instant resumedAt;

    protected IssuingAuthorityApplication() {}

    public IssuingAuthorityApplication(
            long unitId, String bureauCode, Set<String> levelCodes, long appliedByAccountId, Instant now) {
        super(unitId, appliedByAccountId, now);
        if (levelCodes.isEmpty()) {
            throw new UnitRuleException("unit.authority.levels.required");
        }
        this.bureauCode = Objects.requireNonNull(bureauCode, "bureauCode");
        this.levelCodes.addAll(levelCodes);
        this.status = IssuingAuthorityStatus.PENDING;
    }

    /** 通过 by the bureau: the unit holds issuing authority for the levels. */
    public void grant(long reviewerAccountId, String reviewerName, String opinion, Instant now) {
        requirePending();
        status = IssuingAuthorityStatus.GRANTED;
        close();
        decide(reviewerAccountId, reviewerName, opinion, now);
    }

    /** 驳回 by the bureau with an opinion (required). */
    public void reject(long reviewerAccountId, String reviewerName, String opinion, Instant now) {
        requirePending();
        if (opinion == null || opinion.isBlank()) {
            throw new UnitRuleException("unit.authority.error.reject-needs-opinion");
        }
        status = IssuingAuthorityStatus.REJECTED;
        close();
        decide(reviewerAccountId, reviewerName, opinion, now);
    }

    /**
     * 撤销 by the bureau with a reason (required): the unit no longer holds the authority and may apply anew; the
     * grant (opinion, decider) stays on record.
     */
    public void withdraw(long accountId, String name, String reason, Instant now) {
        if (status != IssuingAuthorityStatus.GRANTED && status != IssuingAuthorityStatus.SUSPENDED) {
            throw new UnitRuleException("unit.authority.error.not-granted");
        }
        if (reason == null || reason.isBlank()) {
            throw new UnitRuleException("unit.authority.error.withdraw-needs-reason");
        }
        status = IssuingAuthorityStatus.WITHDRAWN;
        close();
        withdrawal = Decision.by(accountId, name, reason, now);
    }

    /**
     * 暂停 by the bureau with a reason (required): the unit no longer issues for the levels until the bureau resumes
     * the authority; it cannot apply for them anew meanwhile.
     */
    public void suspend(long accountId, String name, String reason, Instant now) {
        if (status != IssuingAuthorityStatus.GRANTED) {
            throw new UnitRuleException("unit.authority.error.not-granted");
        }
        if (reason == null || reason.isBlank()) {
            throw new UnitRuleException("unit.authority.error.suspend-needs-reason");
        }
        status = IssuingAuthorityStatus.SUSPENDED;
        suspension = Decision.by(accountId, name, reason, now);
    }

    /** 恢复 a suspended authority (reason required): granted again; the last suspension stays on record. */
    public void resume(String name, String reason, Instant now) {
        if (status != IssuingAuthorityStatus.SUSPENDED) {
            throw new UnitRuleException("unit.authority.error.not-suspended");
        }
        if (reason == null || reason.isBlank()) {
            throw new UnitRuleException("unit.authority.error.resume-needs-reason");
        }
        status = IssuingAuthorityStatus.GRANTED;
        resumedByName = name;
        resumedReason = reason.strip();
        resumedAt = now;
    }

    /** Whether the application grants authority for the level now. */
    public boolean grants(String levelCode) {
        return status == IssuingAuthorityStatus.GRANTED && levelCodes.contains(levelCode);
    }

    private void requirePending() {
        if (status != IssuingAuthorityStatus.PENDING) {
            throw new UnitRuleException("unit.authority.error.decided");
        }
    }

    public String getBureauCode() {
        return bureauCode;
    }

    public Set<String> getLevelCodes() {
        return Set.copyOf(levelCodes);
    }

    public IssuingAuthorityStatus getStatus() {
        return status;
    }

    /** 撤销 with its reason ({@link Decision#NONE} unless withdrawn). */
    public Decision getWithdrawal() {
        return Decision.orNone(withdrawal);
    }

    /** The last 暂停 with its reason ({@link Decision#NONE} if never suspended). */
    public Decision getSuspension() {
        return Decision.orNone(suspension);
    }

    public String getResumedReason() {
        return resumedReason;
    }

    public String getResumedByName() {
        return resumedByName;
    }

    public Instant getResumedAt() {
        return resumedAt;
    }
}

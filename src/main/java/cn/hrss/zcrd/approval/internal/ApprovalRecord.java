package cn.hrss.zcrd.approval.internal;

import cn.hrss.zcrd.approval.ApprovalKind;
import cn.hrss.zcrd.approval.ApprovalRequest;
import cn.hrss.zcrd.approval.ApprovalState;
import cn.hrss.zcrd.approval.ApprovalTarget;
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

/** One four-eyes request (table {@code approval_request}); its state changes once, from PENDING. */
@Entity
@Table(name = "approval_request")
public class ApprovalRecord {

    public static final int MAX_REASON = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private ApprovalKind kind;

    @Column(name = "target_type", nullable = false, length = 32)
    private String targetType;

    @Column(name = "target_id", nullable = false)
    private long targetId;

    @Column(name = "region_code", length = 12)
    private String regionCode;

    @Column(name = "unit_id")
    private Long unitId;

    @Column(nullable = false, length = 500)
    private String summary;

    @Column(length = 1000)
    private String parameters;

    @Column(nullable = false, length = MAX_REASON)
    private String reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ApprovalState state;

    @Column(name = "requested_by", nullable = false)
    private long requestedBy;

    @Column(name = "requested_by_name", nullable = false, length = 100)
    private String requestedByName;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "decided_by")
    private Long decidedBy;

    @Column(name = "decided_by_name", length = 100)
    private String decidedByName;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decision_reason", length = MAX_REASON)
    private String decisionReason;

    @Version
    private long version;

    protected ApprovalRecord() {}

    public ApprovalRecord(
            ApprovalKind kind,
            ApprovalTarget target,
            String reason,
            long requestedBy,
            String requestedByName,
            Instant now,
            Instant expiresAt) {
        this.kind = kind;
        this.targetType = target.type();
        this.targetId = target.id();
        this.regionCode = target.regionCode();
        this.unitId = target.unitId();
        String summary = target.summary();
        this.summary = summary.length() > 500 ? summary.substring(0, 500) : summary;
        this.parameters = target.parameters();
        this.reason = reason;
        this.state = ApprovalState.PENDING;
        this.requestedBy = requestedBy;
        this.requestedByName = requestedByName;
        this.requestedAt = now;
        this.expiresAt = expiresAt;
    }

    public boolean isPending() {
        return state == ApprovalState.PENDING;
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public void decide(ApprovalState outcome, long by, String byName, String why, Instant now) {
        if (state != ApprovalState.PENDING) {
            throw new IllegalStateException("request " + id + " is " + state);
        }
        this.state = outcome;
        this.decidedBy = by;
        this.decidedByName = byName;
        this.decisionReason = why;
        this.decidedAt = now;
    }

    public void expire(Instant now) {
        if (state == ApprovalState.PENDING) {
            this.state = ApprovalState.EXPIRED;
            this.decidedAt = now;
        }
    }

    public Long getId() {
        return id;
    }

    public long getRequestedBy() {
        return requestedBy;
    }

    public ApprovalKind getKind() {
        return kind;
    }

    public String getRegionCode() {
        return regionCode;
    }

    public Long getUnitId() {
        return unitId;
    }

    public ApprovalRequest view() {
        return new ApprovalRequest(
                id,
                kind,
                targetType,
                targetId,
                regionCode,
                unitId,
                summary,
                parameters,
                reason,
                state,
                requestedBy,
                requestedByName,
                requestedAt,
                expiresAt,
                decidedBy,
                decidedByName,
                decidedAt,
                decisionReason);
    }
}

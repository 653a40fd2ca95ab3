package cn.hrss.zcrd.seal.internal;

import cn.hrss.zcrd.shared.Decision;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * One version of a unit's seal impression (印章印模) and its review: {@code PENDING → APPROVED | REJECTED}, or
 * {@code PENDING → WITHDRAWN} when the unit uploads a newer version first. Each transition checks the state and
 * throws a {@link SealImpressionException} on a wrong one; two reviewers deciding at once are told apart by the
 * optimistic lock. The image bytes are in {@link SealImpressionImage}.
 */
@Entity
@Table(name = "seal_impression")
public class SealImpression extends SealVersionRow {

    private static final long serialVersionUID = 1L;

    /** Longest opinion kept (the column's size). */
    public static final int OPINION_LENGTH = 500;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 16)
    private SealImpressionState state;

    @Column(name = "unit_name", nullable = false, updatable = false, length = 100)
    private String unitName;

    @Column(name = "credit_code", nullable = false, updatable = false, length = 18)
    private String creditCode;

    @Column(name = "region_code", nullable = false, updatable = false, length = 12)
    private String regionCode;

    @Column(name = "width", nullable = false, updatable = false)
    private int width;

    @Column(name = "height", nullable = false, updatable = false)
    private int height;

    @Column(name = "size_bytes", nullable = false, updatable = false)
    private int sizeBytes;

    @Column(name = "sha256", nullable = false, updatable = false, length = 64)
    private String sha256;

    @Column(name = "uploaded_by", nullable = false, updatable = false)
    private long uploadedBy;

    @Column(name = "uploaded_at", nullable = false, updatable = false)
    private Instant uploadedAt;

    /** 通过 / 驳回 by a reviewer, or the time a newer upload replaced this one (no decider) */
    @AttributeOverride(name = "accountId", column = @Column(name = "decided_by"))
    @AttributeOverride(name = "name", column = @Column(name = "decider_name", length = 100))
    @AttributeOverride(name = "opinion", column = @Column(name = "opinion", length = OPINION_LENGTH))
    private Decision decision;

    protected SealImpression() {}

    /** The unit that uploads: its id and the registered data copied onto each version. */
    public record UnitRef(long unitId, String name, String creditCode, String regionCode) implements Serializable {}

    /** Who decides: a back-office account. */
    public record Decider(long accountId, String name) implements Serializable {}

    /** A new pending version {@code sealVersion} of the unit's impression. */
    public SealImpression(
            UnitRef unit,
            int sealVersion,
            int width,
            int height,
            int sizeBytes,
            String sha256,
            long uploadedBy,
            Instant uploadedAt) {
        super(unit.unitId(), sealVersion);
        if (sealVersion < 1) {
            throw new IllegalArgumentException("seal versions start at 1: " + sealVersion);
        }
        this.unitName = unit.name();
        this.creditCode = unit.creditCode();
        this.regionCode = unit.regionCode();
        this.width = width;
        this.height = height;
        this.sizeBytes = sizeBytes;
        this.sha256 = Objects.requireNonNull(sha256);
        this.uploadedBy = uploadedBy;
        this.uploadedAt = Objects.requireNonNull(uploadedAt);
        this.state = SealImpressionState.PENDING;
    }

    /** 通过: this version becomes the one in force; the opinion is optional. */
    public void approve(Decider decider, String opinion, Instant now) {
        requirePending();
        decide(SealImpressionState.APPROVED, decider, checkedOpinion(opinion, false), now);
    }

    /** 驳回: needs an opinion telling the unit what to change. */
    public void reject(Decider decider, String opinion, Instant now) {
        requirePending();
        decide(SealImpressionState.REJECTED, decider, checkedOpinion(opinion, true), now);
    }

    /** Replaced in the queue by a newer upload of the same unit. */
    public void withdraw(Instant now) {
        requirePending();
        this.state = SealImpressionState.WITHDRAWN;
        this.decision = new Decision(null, null, null, now);
    }

    private void decide(SealImpressionState to, Decider decider, String opinion, Instant now) {
        this.state = to;
        this.decision = Decision.by(decider.accountId(), decider.name(), opinion, Objects.requireNonNull(now));
    }

    private void requirePending() {
        if (state != SealImpressionState.PENDING) {
            throw new SealImpressionException("seal.review.not-pending", getSealVersion());
        }
    }

    /** The opinion stripped, null when blank; refused when required and blank, or too long. */
    static String checkedOpinion(String opinion, boolean required) {
        String text = opinion == null ? "" : opinion.strip();
        if (text.isEmpty()) {
            if (required) {
                throw new SealImpressionException("seal.review.opinion-required");
            }
            return null;
        }
        if (text.codePointCount(0, text.length()) > OPINION_LENGTH) {
            throw new SealImpressionException("seal.review.opinion-too-long", OPINION_LENGTH);
        }
        return text;
    }

    public SealImpressionState getState() {
        return state;
    }

    public boolean isPending() {
        return state == SealImpressionState.PENDING;
    }

    public String getUnitName() {
        return unitName;
    }

    public String getCreditCode() {
        return creditCode;
    }

    public String getRegionCode() {
        return regionCode;
    }

    public int getWidth() {
        return width;
    }

    public int getHeight() {
        return height;
    }

    public int getSizeBytes() {
        return sizeBytes;
    }

    public String getSha256() {
        return sha256;
    }

    public long getUploadedBy() {
        return uploadedBy;
    }

    public Instant getUploadedAt() {
        return uploadedAt;
    }

    /** 通过 / 驳回, or replaced ({@link Decision#NONE} while pending). */
    public Decision getDecision() {
        return Decision.orNone(decision);
    }
}

package cn.hrss.zcrd.seal.internal;

import cn.hrss.zcrd.account.BackOfficeAccessDeniedException;
import cn.hrss.zcrd.account.BackOfficeUser;
import cn.hrss.zcrd.account.PortalAccountKind;
import cn.hrss.zcrd.account.PortalUser;
import cn.hrss.zcrd.audit.AuditEntry;
import cn.hrss.zcrd.audit.AuditTrail;
import cn.hrss.zcrd.seal.CertificateMockup;
import cn.hrss.zcrd.seal.SealImpressionApproved;
import cn.hrss.zcrd.seal.SealPlacement;
import cn.hrss.zcrd.unit.Unit;
import cn.hrss.zcrd.unit.UnitVerifications;
import cn.hrss.zcrd.unit.Units;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The seal impression work of the two faces, each action checking who asks (never only the page):
 * a unit uploads on the portal and sees its own versions; the bureau reviews in the back office (see
 * {@link SealReviewAccess}: role, UKEY policy and region scope). Approval publishes {@link SealImpressionApproved} in its transaction.
 */
@Service
public class SealImpressionDesk {

    /** The most pending impressions one queue page lists. */
    static final int QUEUE_SIZE = 200;

    static final String AUDIT_TARGET = "SEAL_IMPRESSION";

    private final SealImpressionRepository impressions;
    private final SealImpressionImageRepository images;
    private final SealImageInspector inspector;
    private final Units units;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final CertificateMockup mockup;
    private final Clock clock;
    private final SealReviewAccess access;

    SealImpressionDesk(
            SealImpressionRepository impressions,
            SealImpressionImageRepository images,
            SealImageInspector inspector,
            Units units,
            AuditTrail audit,
            ApplicationEventPublisher events,
            CertificateMockup mockup,
            Clock clock,
            SealReviewAccess access) {
        this.impressions = impressions;
        this.images = images;
        this.inspector = inspector;
        this.units = units;
        this.audit = audit;
        this.events = events;
        this.mockup = mockup;
        this.clock = clock;
        this.access = access;
    }

    // --- the unit, on the portal ---

    /**
     * Stores {@code data} as the unit's next seal version, pending review; a version still pending is withdrawn
     * (the queue holds the newest only). Refused with a field problem, nothing stored, unless the bytes are an
     * acceptable seal image ({@link SealImageInspector}).
     *
     * @throws AccessDeniedException unless {@code user} is a unit
     * @throws org.springframework.dao.DataIntegrityViolationException or an optimistic-lock failure when another
     *         upload of the same unit won a race (nothing stored by this one)
     */
    @Transactional
    public SealImpression upload(PortalUser user, byte[] data) {
        Unit unit = unitOf(user);
        if (!unit.isVerified()) {
            throw new SealImpressionException(UnitVerifications.NOT_VERIFIED);
        }
        SealImageInspector.CheckedPng png = inspector.inspect(data);
        var now = clock.instant();
        for (SealImpression pending : impressions.findByUnitIdAndState(unit.getId(), SealImpressionState.PENDING)) {
            pending.withdraw(now);
        }
        SealImpression impression = impressions.saveAndFlush(new SealImpression(
                new SealImpression.UnitRef(unit.getId(), unit.getName(), unit.getCreditCode(), unit.getRegionCode()),
                impressions.highestVersion(unit.getId()) + 1,
                png.width(),
                png.height(),
                png.png().length,
                sha256(png.png()),
                user.accountId(),
                now));
        images.save(new SealImpressionImage(impression.getId(), png.png()));
        audit.record(AuditEntry.action("SEAL_IMPRESSION_UPLOADED")
                .target(AUDIT_TARGET, impression.getId())
                .detail(unit.getName() + " v" + impression.getSealVersion() + " " + png.width() + "x" + png.height())
                .build());
        return impression;
    }

    /** The unit's versions, newest first. */
    @Transactional(readOnly = true)
    public List<SealImpression> versionsOf(PortalUser user) {
        return impressions.findByUnitIdOrderBySealVersionDesc(unitOf(user).getId());
    }

    /** The PNG of one of the unit's own versions; empty for another unit's or an unknown one. */
    @Transactional(readOnly = true)
    public Optional<byte[]> imageForUnit(long impressionId, PortalUser user) {
        return ownImpression(impressionId, user).map(s -> png(s.getId()));
    }

    /** The certificate mock-up PDF with one of the unit's own versions; empty as {@link #imageForUnit}. */
    @Transactional(readOnly = true)
    public Optional<byte[]> previewForUnit(long impressionId, PortalUser user) {
        return ownImpression(impressionId, user).map(s -> mockup.previewPdf(png(s.getId()), s.getUnitName()));
    }

    // --- the bureau, in the back office ---

    /** Pending impressions of the reviewer's region, oldest first (at most {@value #QUEUE_SIZE}). */
    @Transactional(readOnly = true)
    public List<SealImpression> queue() {
        Set<String> scope = access.scope(access.requireReviewer());
        return scope.isEmpty()
                ? List.of()
                : impressions.findByStateAndRegionCodeInOrderByUploadedAtAscIdAsc(
                        SealImpressionState.PENDING, scope, PageRequest.of(0, QUEUE_SIZE));
    }

    @Transactional(readOnly = true)
    public long queueLength() {
        Set<String> scope = access.scope(access.requireReviewer());
        return scope.isEmpty() ? 0 : impressions.countByStateAndRegionCodeIn(SealImpressionState.PENDING, scope);
    }

    /** Whether the signed-in reviewer may decide now (role and the configurable UKEY policy). */
    public boolean mayDecide() {
        return access.mayDecide();
    }

    /** One impression of the reviewer's region for review, any state; another region's is not found. */
    @Transactional(readOnly = true)
    public Optional<SealImpression> forReview(long impressionId) {
        return inScope(impressionId);
    }

    /** The version of the same unit in force now, to compare with (within the reviewer's region). */
    @Transactional(readOnly = true)
    public Optional<SealImpression> inForceForReview(long unitId) {
        BackOfficeUser reviewer = access.requireReviewer();
        return impressions
                .findFirstByUnitIdAndStateOrderBySealVersionDesc(unitId, SealImpressionState.APPROVED)
                .filter(s -> access.covers(reviewer, s));
    }

    @Transactional(readOnly = true)
    public Optional<byte[]> imageForReview(long impressionId) {
        return inScope(impressionId).map(s -> png(s.getId()));
    }

    @Transactional(readOnly = true)
    public Optional<byte[]> previewForReview(long impressionId) {
        return inScope(impressionId).map(s -> mockup.previewPdf(png(s.getId()), s.getUnitName()));
    }

    private Optional<SealImpression> inScope(long impressionId) {
        BackOfficeUser reviewer = access.requireReviewer();
        return impressions.findById(impressionId).filter(s -> access.covers(reviewer, s));
    }

    /**
     * 通过: the version becomes the unit's seal in force and {@link SealImpressionApproved} is published in this
     * transaction (the electronic seal is generated from it).
     *
     * @throws SealImpressionException without a UKEY session (recorded as refused), or when no longer pending
     * @throws org.springframework.dao.OptimisticLockingFailureException when another reviewer decided meanwhile
     */
    @Transactional
    public SealImpression approve(long impressionId, String opinion) {
        BackOfficeUser reviewer = requireDecider(impressionId, "SEAL_IMPRESSION_APPROVED");
        SealImpression impression = impressions
                .findById(impressionId)
                .orElseThrow(() -> new SealImpressionException("seal.review.unknown"));
        access.requireInScope(impression);
        impression.approve(decider(reviewer), opinion, clock.instant());
        impressions.saveAndFlush(impression);
        audit.record(AuditEntry.action("SEAL_IMPRESSION_APPROVED")
                .target(AUDIT_TARGET, impressionId)
                .detail(impression.getUnitName() + " v" + impression.getSealVersion()
                        + (impression.getDecision().opinion() == null
                                ? ""
                                : " " + impression.getDecision().opinion()))
                .build());
        events.publishEvent(new SealImpressionApproved(
                impression.getId(),
                impression.getUnitId(),
                impression.getSealVersion(),
                impression.getUnitName(),
                impression.getCreditCode(),
                impression.getDecision().at()));
        return impression;
    }

    /**
     * 驳回 with an opinion; the version in force (if any) stays.
     *
     * @throws SealImpressionException as {@link #approve}, or without an opinion
     */
    @Transactional
    public SealImpression reject(long impressionId, String opinion) {
        BackOfficeUser reviewer = requireDecider(impressionId, "SEAL_IMPRESSION_REJECTED");
        SealImpression impression = impressions
                .findById(impressionId)
                .orElseThrow(() -> new SealImpressionException("seal.review.unknown"));
        access.requireInScope(impression);
        impression.reject(decider(reviewer), opinion, clock.instant());
        impressions.saveAndFlush(impression);
        audit.record(AuditEntry.action("SEAL_IMPRESSION_REJECTED")
                .target(AUDIT_TARGET, impressionId)
                .detail(impression.getUnitName() + " v" + impression.getSealVersion() + " "
                        + impression.getDecision().opinion())
                .build());
        return impression;
    }

    public SealPlacement placement() {
        return mockup.sealPlacement();
    }

    public SealImageInspector limits() {
        return inspector;
    }

    /**
     * A reviewer the configurable policy lets decide; anyone else is refused. A reviewer refused for want of a UKEY
     * session gets the seal page's own reason, and the refusal is recorded against the impression too.
     */
    private BackOfficeUser requireDecider(long impressionId, String action) {
        try {
            return access.requireDecider();
        } catch (BackOfficeAccessDeniedException e) {
            if (!e.needsUkey()) {
                throw e;
            }
            audit.record(AuditEntry.action(action)
                    .target(AUDIT_TARGET, impressionId)
                    .refused()
                    .detail("needs a UKEY session")
                    .build());
            throw new SealImpressionException(
                    "seal.review.ukey-required", e.refusal().arguments().toArray());
        }
    }

    private static SealImpression.Decider decider(BackOfficeUser user) {
        return new SealImpression.Decider(user.getAccountId(), user.getDisplayName());
    }

    private Unit unitOf(PortalUser user) {
        if (user == null || user.kind() != PortalAccountKind.UNIT) {
            throw new AccessDeniedException("seal impressions are a unit's");
        }
        return units.findOfAccount(user.accountId())
                .orElseThrow(() -> new AccessDeniedException("no unit behind account " + user.accountId()));
    }

    private Optional<SealImpression> ownImpression(long impressionId, PortalUser user) {
        long unitId = unitOf(user).getId();
        return impressions.findById(impressionId).filter(s -> s.getUnitId() == unitId);
    }

    private byte[] png(long impressionId) {
        return images.findById(impressionId).orElseThrow().png();
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

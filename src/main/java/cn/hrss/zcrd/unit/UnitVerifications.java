package cn.hrss.zcrd.unit;

import cn.hrss.zcrd.account.BackOfficeAction;
import cn.hrss.zcrd.account.BackOfficeGuard;
import cn.hrss.zcrd.account.BackOfficeRole;
import cn.hrss.zcrd.account.BackOfficeUser;
import cn.hrss.zcrd.account.PortalUser;
import cn.hrss.zcrd.audit.AuditActor;
import cn.hrss.zcrd.audit.AuditEntry;
import cn.hrss.zcrd.audit.AuditTrail;
import cn.hrss.zcrd.catalog.Regions;
import cn.hrss.zcrd.shared.FieldProblem;
import cn.hrss.zcrd.shared.Formats;
import cn.hrss.zcrd.shared.InvalidInputException;
import cn.hrss.zcrd.unit.internal.UnitRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 单位注册审核 (SPEC §2): a newly registered unit is verified by the bureau of its region before it may act.
 *
 * <p>Back office: a bureau reviewer lists the units of its region ({@link #queue}, {@link #forReview}) and approves
 * or rejects one with a reason ({@link #review}); a city bureau sees and decides only its city's units, and every
 * decision and every refused decision is on the audit trail. Portal: the unit sees where it stands and the reason
 * ({@link #mine}); when rejected it corrects its name, region and contact data and submits again
 * ({@link #resubmit}). Every place a unit acts or is picked asks {@link #requireVerified}.
 */
@Service
public class UnitVerifications {

    /** The text of the refusal a unit not (yet) verified gets wherever it would act or be picked. */
    public static final String NOT_VERIFIED = "unit.verification.required";

    private final UnitRepository units;
    private final Regions regions;
    private final BackOfficeGuard guard;
    private final AuditTrail audit;
    private final Clock clock;

    UnitVerifications(UnitRepository units, Regions regions, BackOfficeGuard guard, AuditTrail audit, Clock clock) {
        this.units = units;
        this.regions = regions;
        this.guard = guard;
        this.audit = audit;
        this.clock = clock;
    }

    // ------------------------------------------------------------------------------------------------- the guard

    /** Whether the unit exists and its bureau verified it. */
    @Transactional(readOnly = true)
    public boolean isVerified(long unitId) {
        return units.findById(unitId).map(Unit::isVerified).orElse(false);
    }

    /**
     * Refuses a unit its bureau has not verified (pending or rejected) with {@link #NOT_VERIFIED}.
     *
     * @throws UnitRuleException not verified
     */
    public static void requireVerified(Unit unit) {
        if (!unit.isVerified()) {
            throw new UnitRuleException(NOT_VERIFIED);
        }
    }

    // ------------------------------------------------------------------------------------------------ the portal

    /** The signed-in unit's verification: status, the bureau's reason, its data to correct. */
    @Transactional(readOnly = true)
    public UnitVerificationInfo mine(PortalUser unitUser) {
        return info(unitOf(unitUser));
    }

    /**
     * A rejected unit corrects its data (name, region, contact person, phone; the credit code is its login and
     * stays) and submits it to its bureau again. Checked like a registration; nothing is stored on a problem.
     *
     * @throws InvalidInputException at {@code name}, {@code city}, {@code contactPerson} or {@code phone}
     * @throws UnitRuleException     the unit is not rejected (pending or verified already)
     */
    @Transactional
    public void resubmit(PortalUser unitUser, String name, String regionCode, String contactPerson, String phone) {
        Unit unit = unitOf(unitUser);
        if (unit.getVerification() != UnitVerificationStatus.REJECTED) {
            throw new UnitRuleException("unit.verification.error.not-rejected");
        }
        List<FieldProblem> problems = new ArrayList<>();
        Optional<String> nameProblem = Formats.unitName(name);
        if (nameProblem.isPresent()) {
            problems.add(FieldProblem.of("name", nameProblem.get()));
        } else if (units.existsByNameKeyAndIdNot(UnitNameKey.of(name), unit.getId())) {
            problems.add(FieldProblem.of("name", Units.NAME_TAKEN));
        }
        regions.choiceProblem(regionCode).ifPresent(key -> problems.add(FieldProblem.of("city", key)));
        Formats.personName(contactPerson).ifPresent(key -> problems.add(FieldProblem.of("contactPerson", key)));
        Formats.phone(phone).ifPresent(key -> problems.add(FieldProblem.of("phone", key)));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        unit.resubmit(name.strip(), regionCode, contactPerson.strip(), phone.strip(), clock.instant());
        try {
            units.saveAndFlush(unit);
        } catch (DataIntegrityViolationException e) {
            throw new InvalidInputException(FieldProblem.of("name", Units.NAME_TAKEN)); // a registration won the name
        }
        audit.record(AuditEntry.action("UNIT_VERIFICATION_RESUBMITTED")
                .by(AuditActor.of(unitUser))
                .target("UNIT", unit.getId())
                .detail(unit.getName() + " " + unit.getRegionCode())
                .build());
    }

    // ------------------------------------------------------------------------------------------ the back office

    /**
     * 单位注册审核 for the signed-in bureau reviewer ({@link BackOfficeAction#VIEW_UNIT_VERIFICATION}): the units of
     * its region in the status (null: all), pending first (oldest submission first).
     *
     * @throws cn.hrss.zcrd.account.BackOfficeAccessDeniedException not a bureau reviewer (recorded)
     */
    @Transactional(readOnly = true)
    public List<UnitVerificationInfo> queue(UnitVerificationStatus status) {
        BackOfficeUser reviewer = guard.require(BackOfficeAction.VIEW_UNIT_VERIFICATION);
        Set<String> scope = scope(reviewer.regionCode());
        return scope.isEmpty()
                ? List.of()
                : units.ofRegions(scope, status).stream().map(this::info).toList();
    }

    /** How many units of the signed-in reviewer's region wait for verification. */
    @Transactional(readOnly = true)
    public long pendingCount() {
        BackOfficeUser reviewer = guard.require(BackOfficeAction.VIEW_UNIT_VERIFICATION);
        Set<String> scope = scope(reviewer.regionCode());
        return scope.isEmpty() ? 0 : units.countOfRegions(scope, UnitVerificationStatus.PENDING);
    }

    /**
     * One unit for the signed-in bureau reviewer; empty when unknown.
     *
     * @throws cn.hrss.zcrd.account.BackOfficeAccessDeniedException not a bureau reviewer, or the unit lies outside
     *         the reviewer's region (recorded; reason {@code backoffice.refused.scope})
     */
    @Transactional(readOnly = true)
    public Optional<UnitVerificationInfo> forReview(long unitId) {
        guard.require(BackOfficeAction.VIEW_UNIT_VERIFICATION);
        Optional<Unit> unit = units.findById(unitId);
        unit.ifPresent(u -> guard.requireRegion(BackOfficeAction.VIEW_UNIT_VERIFICATION, u.getRegionCode()));
        return unit.map(this::info);
    }

    /**
     * 审核通过 or 驳回 by the signed-in bureau reviewer: {@link BackOfficeGuard} checks role, the UKEY policy
     * ({@link BackOfficeAction#VERIFY_UNIT}) and that the unit lies in the reviewer's region; then
     * {@link #decide(long, BackOfficeUser, String, boolean, String)}.
     */
    @Transactional
    public void review(long unitId, boolean approve, String reason) {
        BackOfficeUser reviewer = guard.require(BackOfficeAction.VERIFY_UNIT);
        units.findById(unitId).ifPresent(u -> guard.requireRegion(BackOfficeAction.VERIFY_UNIT, u.getRegionCode()));
        decide(unitId, reviewer, reviewer.regionCode(), approve, reason);
    }

    /**
     * A bureau reviewer's decision for a reviewer whose data scope is the whole province (fixtures, platform
     * jobs). Pages call {@link #review}.
     */
    @Transactional
    public void decide(long unitId, BackOfficeUser reviewer, boolean approve, String reason) {
        decide(unitId, reviewer, regions.province().code(), approve, reason);
    }

    /**
     * A bureau reviewer's 审核通过 or 驳回 (reason required) within a data scope: the unit's region must lie in
     * {@code scopeRegionCode}.
     *
     * @throws AccessDeniedException not a bureau reviewer, or the unit is outside the scope (an unknown unit
     *                               looks the same)
     * @throws UnitRuleException     already decided (also when a simultaneous decision won), or a rejection
     *                               without a reason
     */
    @Transactional
    public void decide(long unitId, BackOfficeUser reviewer, String scopeRegionCode, boolean approve, String reason) {
        String action = approve ? "UNIT_VERIFIED" : "UNIT_VERIFICATION_REJECTED";
        if (reviewer == null || reviewer.getRole() != BackOfficeRole.BUREAU_REVIEWER) {
            refuse(action, unitId, reviewer, "not a bureau reviewer");
        }
        Unit unit = units.findById(unitId).orElse(null);
        if (unit == null || scopeRegionCode == null || !regions.isWithin(unit.getRegionCode(), scopeRegionCode)) {
            refuse(action, unitId, reviewer, "outside the reviewer's data scope");
        }
        if (reason != null && reason.strip().length() > Unit.MAX_REASON) {
            throw new InvalidInputException(
                    FieldProblem.of("reason", "declaration.text.too-long", String.valueOf(Unit.MAX_REASON)));
        }
        try {
            if (approve) {
                unit.verify(reviewer.getAccountId(), reviewer.getDisplayName(), reason, clock.instant());
            } else {
                unit.rejectVerification(reviewer.getAccountId(), reviewer.getDisplayName(), reason, clock.instant());
            }
            units.saveAndFlush(unit);
        } catch (UnitRuleException e) {
            audit.record(AuditEntry.action(action)
                    .by(AuditActor.of(reviewer))
                    .target("UNIT", unitId)
                    .refused()
                    .detail(e.messageKey())
                    .build());
            throw e;
        } catch (ConcurrencyFailureException e) {
            throw new UnitRuleException("unit.verification.error.decided");
        }
        audit.record(AuditEntry.action(action)
                .by(AuditActor.of(reviewer))
                .target("UNIT", unitId)
                .detail(unit.getName() + " " + unit.getCreditCode()
                        + (reason == null || reason.isBlank() ? "" : " " + reason.strip()))
                .build());
    }

    private void refuse(String action, long unitId, BackOfficeUser reviewer, String why) {
        audit.record(AuditEntry.action(action)
                .by(reviewer == null ? AuditActor.current() : AuditActor.of(reviewer))
                .target("UNIT", unitId)
                .refused()
                .detail(why)
                .build());
        throw new AccessDeniedException(why);
    }

    private Set<String> scope(String regionCode) {
        return regionCode == null ? Set.of() : regions.codesWithin(regionCode);
    }

    private Unit unitOf(PortalUser user) {
        if (user == null || !user.isUnit()) {
            throw new AccessDeniedException("only a unit has a verification");
        }
        return units.findByAccountId(user.accountId())
                .orElseThrow(() -> new AccessDeniedException("unit account without unit"));
    }

    private UnitVerificationInfo info(Unit u) {
        return new UnitVerificationInfo(
                u.getId(),
                u.getName(),
                u.getCreditCode(),
                u.getRegionCode(),
                regions.displayPath(u.getRegionCode()),
                u.getUnitType(),
                u.getContactPerson(),
                u.getPhone(),
                u.getVerification(),
                u.getVerificationReason(),
                u.getVerificationSubmittedAt(),
                u.getVerificationDecidedByName(),
                u.getVerificationDecidedAt());
    }
}

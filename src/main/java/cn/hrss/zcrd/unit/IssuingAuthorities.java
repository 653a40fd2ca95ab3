package cn.hrss.zcrd.unit;

import cn.hrss.zcrd.account.BackOfficeAction;
import cn.hrss.zcrd.account.BackOfficeGuard;
import cn.hrss.zcrd.account.BackOfficeRole;
import cn.hrss.zcrd.account.BackOfficeUser;
import cn.hrss.zcrd.account.PortalUser;
import cn.hrss.zcrd.approval.ApprovalHandler;
import cn.hrss.zcrd.approval.ApprovalKind;
import cn.hrss.zcrd.approval.ApprovalRequest;
import cn.hrss.zcrd.approval.ApprovalTarget;
import cn.hrss.zcrd.approval.Approvals;
import cn.hrss.zcrd.audit.AuditActor;
import cn.hrss.zcrd.audit.AuditEntry;
import cn.hrss.zcrd.audit.AuditTrail;
import cn.hrss.zcrd.catalog.Bureau;
import cn.hrss.zcrd.catalog.Level;
import cn.hrss.zcrd.catalog.Regions;
import cn.hrss.zcrd.catalog.TitleCatalog;
import cn.hrss.zcrd.shared.FieldProblem;
import cn.hrss.zcrd.shared.InvalidInputException;
import cn.hrss.zcrd.shared.Refusal;
import cn.hrss.zcrd.unit.internal.AuthorityApplicationPolicy;
import cn.hrss.zcrd.unit.internal.IssuingAuthorityRepository;
import cn.hrss.zcrd.unit.internal.UnitRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issuing authority (职称认定证书发放权限, SPEC §6 and the seed manual's 2.2 / 3.1).
 *
 * <p>Portal: a unit applies ({@link #apply}) for certificate levels to its bureau (所属机构); while an application is
 * pending it cannot apply again, and after a grant only for levels it does not hold yet ({@link #mayApply}: the
 * button is greyed; {@link #levelsToApplyFor}); {@link #latest} gives the status to show, {@link #applications} all. Back office: a bureau reviewer lists the applications in its data scope ({@link #ofBureau},
 * {@link #withinRegion}) and decides ({@link #decide}). The review chain asks {@link #holds} whether a unit's
 * approval is the final review (终审通过) for a level; the certificate library may ask {@link #heldLevels}.
 *
 * <p>Granting is under the four-eyes rule ({@link ApprovalKind#GRANT_ISSUING_AUTHORITY}, on by default): the
 * reviewer's 通过 is a request a second reviewer of the bureau's region approves on the approvals page; only then is
 * the authority granted. Rejecting needs no second person.
 *
 * <p>A granted authority can be suspended ({@link #suspend}) and resumed ({@link #resume}) or withdrawn ({@link
 * #withdraw}) by the bureau, each with a reason and under the four-eyes rule; {@link #stopped} tells issuing why.
 *
 * <p>A grant that takes effect publishes {@link IssuingAuthorityGranted} (the back office then onboards the unit:
 * operator account and UKEY task). Every application and decision (and every refused decision) is on the audit
 * trail.
 */
@Service
public class IssuingAuthorities implements ApprovalHandler {

    private final IssuingAuthorityRepository applications;
    private final UnitRepository units;
    private final Regions regions;
    private final TitleCatalog catalog;
    private final AuditTrail audit;
    private final Clock clock;
    private final BackOfficeGuard guard;
    private final Approvals approvals;
    private final ApplicationEventPublisher events;
    private final List<AuthorityApplicationPolicy> policies = AuthorityApplicationPolicy.all();

    IssuingAuthorities(
            IssuingAuthorityRepository applications,
            UnitRepository units,
            Regions regions,
            TitleCatalog catalog,
            AuditTrail audit,
            Clock clock,
            BackOfficeGuard guard,
            Approvals approvals,
            ApplicationEventPublisher events) {
        this.applications = applications;
        this.units = units;
        this.regions = regions;
        this.catalog = catalog;
        this.audit = audit;
        this.clock = clock;
        this.guard = guard;
        this.approvals = approvals;
        this.events = events;
    }

    // ------------------------------------------------------------------------------------------------ portal side

    /** The bureaus a unit may choose as 所属机构: those over its region, the nearest (its city's) first. */
    @Transactional(readOnly = true)
    public List<Bureau> bureausFor(PortalUser unitUser) {
        String region = unitOf(unitUser).getRegionCode();
        return regions.bureaus().stream()
                .filter(b -> regions.isWithin(region, b.regionCode()))
                .sorted(Comparator.comparingInt(
                                (Bureau b) -> regions.path(b.regionCode()).size())
                        .reversed())
                .toList();
    }

    /** The levels a certificate may be issued for (enabled levels, lowest first). */
    public List<Level> levels() {
        return catalog.levels().stream().filter(Level::enabled).toList();
    }

    /** The unit's newest application (the status to show), if it ever applied. */
    @Transactional(readOnly = true)
    public Optional<IssuingAuthorityInfo> latest(PortalUser unitUser) {
        return applications
                .findByUnitIdOrderByAppliedAtDescIdDesc(unitOf(unitUser).getId())
                .stream()
                .findFirst()
                .map(a -> info(List.of(a)).get(0));
    }

    /** Every application of the unit, newest first (the portal lists them). */
    @Transactional(readOnly = true)
    public List<IssuingAuthorityInfo> applications(PortalUser unitUser) {
        return info(applications.findByUnitIdOrderByAppliedAtDescIdDesc(
                unitOf(unitUser).getId()));
    }

    /**
     * Whether the unit may apply now: its bureau verified it, it has no pending application and some enabled level
     * is neither held (granted or suspended) by it — after a grant it may apply for further levels.
     */
    @Transactional(readOnly = true)
    public boolean mayApply(PortalUser unitUser) {
        Unit unit = unitOf(unitUser);
        if (!unit.isVerified()) {
            return false;
        }
        List<IssuingAuthorityApplication> live = applications.live(unit.getId());
        return live.stream().noneMatch(a -> a.getStatus() == IssuingAuthorityStatus.PENDING)
                && !levelsToApplyFor(live).isEmpty();
    }

    /** The enabled levels the unit may still apply for: those it holds (granted or suspended) left out. */
    @Transactional(readOnly = true)
    public List<Level> levelsToApplyFor(PortalUser unitUser) {
        return levelsToApplyFor(applications.live(unitOf(unitUser).getId()));
    }

    private List<Level> levelsToApplyFor(List<IssuingAuthorityApplication> live) {
        Set<String> held =
                live.stream().flatMap(a -> a.getLevelCodes().stream()).collect(Collectors.toSet());
        return levels().stream().filter(l -> !held.contains(l.code())).toList();
    }

    /**
     * 职称认定证书发放申请 → 保存.
     *
     * @return the application's id
     * @throws InvalidInputException at {@code levels} or {@code bureau}
     * @throws UnitRuleException     pending or granted already, or a bureau not over the unit's region
     */
    @Transactional
    public long apply(PortalUser unitUser, Collection<String> levelCodes, String bureauCode) {
        Unit unit = unitOf(unitUser);
        UnitVerifications.requireVerified(unit);
        List<FieldProblem> problems = new ArrayList<>();
        Set<String> levels = new TreeSet<>(levelCodes == null ? List.of() : levelCodes);
        if (levels.isEmpty()) {
            problems.add(FieldProblem.of("levels", "unit.authority.levels.required"));
        } else if (!levels.stream()
                .allMatch(code -> catalog.findLevel(code).filter(Level::enabled).isPresent())) {
            problems.add(FieldProblem.of("levels", "unit.authority.levels.unknown"));
        }
        Optional<Bureau> bureau =
                Optional.ofNullable(bureauCode).flatMap(regions::findBureau).filter(Bureau::enabled);
        if (bureau.isEmpty()) {
            problems.add(FieldProblem.of("bureau", "field.required"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        List<IssuingAuthorityApplication> live = applications.live(unit.getId());
        AuthorityApplicationPolicy.Facts facts = new AuthorityApplicationPolicy.Facts(
                live.stream().anyMatch(a -> a.getStatus() == IssuingAuthorityStatus.PENDING),
                live.stream()
                        .filter(a -> a.getStatus() != IssuingAuthorityStatus.PENDING)
                        .flatMap(a -> a.getLevelCodes().stream())
                        .filter(levels::contains)
                        .distinct()
                        .map(this::levelName)
                        .toList(),
                bureau.get().name(),
                regions.isWithin(unit.getRegionCode(), bureau.get().regionCode()));
        for (AuthorityApplicationPolicy policy : policies) {
            Optional<Refusal> refusal = policy.check(facts);
            if (refusal.isPresent()) {
                throw new UnitRuleException(refusal.get());
            }
        }
        IssuingAuthorityApplication application = new IssuingAuthorityApplication(
                unit.getId(), bureau.get().code(), levels, unitUser.accountId(), clock.instant());
        try {
            applications.saveAndFlush(application);
        } catch (DataIntegrityViolationException e) {
            throw new UnitRuleException("unit.authority.error.pending"); // a simultaneous application won
        }
        audit.record(AuditEntry.action("ISSUING_AUTHORITY_APPLIED")
                .target("ISSUING_AUTHORITY", application.getId())
                .detail(unit.getName() + " → " + bureau.get().name() + " " + levelNames(levels))
                .build());
        return application.getId();
    }

    // ---------------------------------------------------------------------------------------------- review chain

    /** Whether the unit holds granted issuing authority for the level: its approval is then 终审通过. */
    @Transactional(readOnly = true)
    public boolean holds(long unitId, String levelCode) {
        return applications.holds(unitId, levelCode);
    }

    /**
     * The levels the unit holds issuing authority for now (empty when none): those of its granted applications; a
     * suspended or withdrawn one counts for nothing.
     */
    @Transactional(readOnly = true)
    public Set<String> heldLevels(long unitId) {
        return applications.live(unitId).stream()
                .filter(a -> a.getStatus() == IssuingAuthorityStatus.GRANTED)
                .flatMap(a -> a.getLevelCodes().stream())
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Whether the unit may issue certificates of all these levels now: it holds granted authority for each (a level
     * suspended or withdrawn stops its issuing at once, even while the unit holds other levels).
     */
    @Transactional(readOnly = true)
    public boolean mayIssue(long unitId, Collection<String> levelCodes) {
        return heldLevels(unitId).containsAll(levelCodes);
    }

    /**
     * Why the unit may not issue although it could once: its newest suspended or withdrawn application — for the
     * level, or (level null) for any level when it holds none now. Empty when it holds the level (or some level),
     * or never held one; issuing is then refused, if at all, for lack of authority.
     */
    @Transactional(readOnly = true)
    public Optional<IssuingAuthorityInfo> stopped(long unitId, String levelCode) {
        if (levelCode == null ? !heldLevels(unitId).isEmpty() : holds(unitId, levelCode)) {
            return Optional.empty();
        }
        return applications.findByUnitIdOrderByAppliedAtDescIdDesc(unitId).stream()
                .filter(a -> a.getStatus().isStopped())
                .filter(a -> levelCode == null || a.getLevelCodes().contains(levelCode))
                .findFirst()
                .map(a -> info(List.of(a)).get(0));
    }

    // ------------------------------------------------------------------------------------------ back-office side

    /**
     * 职称认定证书发放权限审核 for the signed-in bureau reviewer ({@link BackOfficeAction#VIEW_ISSUING_AUTHORITY}):
     * the applications of its data scope ({@link #withinRegion} with its region) in the status (null: all),
     * pending ones first (oldest first), then the decided ones (newest first).
     *
     * @throws cn.hrss.zcrd.account.BackOfficeAccessDeniedException not a bureau reviewer (recorded)
     */
    @Transactional(readOnly = true)
    public List<IssuingAuthorityInfo> reviewQueue(IssuingAuthorityStatus status) {
        BackOfficeUser reviewer = guard.require(BackOfficeAction.VIEW_ISSUING_AUTHORITY);
        List<IssuingAuthorityInfo> all = new ArrayList<>(withinRegion(reviewer.regionCode(), status));
        all.sort(Comparator.comparing((IssuingAuthorityInfo a) -> a.status() != IssuingAuthorityStatus.PENDING)
                .thenComparing((x, y) -> x.status() == IssuingAuthorityStatus.PENDING
                        ? x.appliedAt().compareTo(y.appliedAt())
                        : y.appliedAt().compareTo(x.appliedAt()))
                .thenComparingLong(IssuingAuthorityInfo::id));
        return all;
    }

    /**
     * One application for the signed-in bureau reviewer; empty when unknown.
     *
     * @throws cn.hrss.zcrd.account.BackOfficeAccessDeniedException not a bureau reviewer, or the application's
     *         bureau lies outside the reviewer's region (recorded; reason {@code backoffice.refused.scope})
     */
    @Transactional(readOnly = true)
    public Optional<IssuingAuthorityInfo> forReview(long applicationId) {
        guard.require(BackOfficeAction.VIEW_ISSUING_AUTHORITY);
        Optional<IssuingAuthorityInfo> found = find(applicationId);
        found.ifPresent(
                a -> guard.requireRegion(BackOfficeAction.VIEW_ISSUING_AUTHORITY, bureauRegion(a.bureauCode())));
        return found;
    }

    /**
     * 通过 or 驳回 by the signed-in bureau reviewer: {@link BackOfficeGuard} checks role and the configurable UKEY
     * policy ({@link BackOfficeAction#APPROVE_ISSUING_AUTHORITY}; by default a password session is refused with
     * the reason), then {@link #decide(long, BackOfficeUser, String, boolean, String)} within the reviewer's region.
     * Where granting needs a second person, 通过 stores a request instead (the opinion is its reason, required).
     *
     * @return the stored four-eyes request, or empty when decided at once
     * @throws cn.hrss.zcrd.shared.RefusedException {@code approval.already-pending} when a request waits already
     */
    @Transactional
    public Optional<ApprovalRequest> review(long applicationId, boolean approve, String opinion) {
        BackOfficeUser reviewer = guard.require(BackOfficeAction.APPROVE_ISSUING_AUTHORITY);
        if (reviewer.regionCode() == null) {
            guard.requireRegion(BackOfficeAction.APPROVE_ISSUING_AUTHORITY, null);
        }
        if (approve && approvals.required(ApprovalKind.GRANT_ISSUING_AUTHORITY)) {
            IssuingAuthorityApplication application =
                    decidable(applicationId, reviewer, reviewer.regionCode(), "ISSUING_AUTHORITY_GRANTED", opinion);
            if (application.getStatus() != IssuingAuthorityStatus.PENDING) {
                throw new UnitRuleException("unit.authority.error.decided");
            }
            if (opinion == null || opinion.isBlank()) {
                throw new UnitRuleException("unit.authority.error.grant-needs-opinion");
            }
            IssuingAuthorityInfo info = info(List.of(application)).get(0);
            return Optional.of(approvals.request(
                    ApprovalKind.GRANT_ISSUING_AUTHORITY,
                    ApprovalTarget.inRegion(
                            "ISSUING_AUTHORITY",
                            applicationId,
                            bureauRegion(application.getBureauCode()),
                            info.unitName() + " " + String.join("、", info.levelNames()),
                            null),
                    opinion.strip()));
        }
        decide(applicationId, reviewer, reviewer.regionCode(), approve, opinion, null);
        return Optional.empty();
    }

    @Override
    public ApprovalKind kind() {
        return ApprovalKind.GRANT_ISSUING_AUTHORITY;
    }

    /** A grant a second reviewer approved: decided as them, within their region, with the requester's opinion. */
    @Override
    public String execute(ApprovalRequest request) {
        BackOfficeUser approver = guard.require(BackOfficeAction.APPROVE_ISSUING_AUTHORITY);
        decide(request.targetId(), approver, approver.regionCode(), true, request.reason(), request.auditNote());
        return null;
    }

    /**
     * 撤销 a granted (or suspended) authority by the signed-in bureau reviewer (role, UKEY policy and region as for a
     * grant), with a reason (required). Where withdrawing needs a second person
     * ({@link ApprovalKind#WITHDRAW_ISSUING_AUTHORITY}, on by default) it stores a request, and the unit stays
     * authorised until a second reviewer of the bureau's region approves ({@link IssuingAuthorityChanges}); otherwise
     * the authority is withdrawn at once. Final: the unit may apply anew.
     *
     * @return the stored four-eyes request, or empty when withdrawn at once
     * @throws UnitRuleException {@code unit.authority.error.not-granted} (neither granted nor suspended now)
     * @throws InvalidInputException {@code unit.authority.error.withdraw-needs-reason} at {@code reason}
     */
    @Transactional
    public Optional<ApprovalRequest> withdraw(long applicationId, String reason) {
        return requestChange(AuthorityChange.WITHDRAW, applicationId, reason);
    }

    /**
     * 暂停 a granted authority, with a reason (required), as {@link #withdraw} ({@link
     * ApprovalKind#SUSPEND_ISSUING_AUTHORITY}): once in effect the unit issues nothing for the levels (batch starts
     * refused with the reason, queued batches stop), certificates issued before stay valid, until {@link #resume}.
     *
     * @throws UnitRuleException {@code unit.authority.error.suspend-not-granted}
     * @throws InvalidInputException {@code unit.authority.error.suspend-needs-reason} at {@code reason}
     */
    @Transactional
    public Optional<ApprovalRequest> suspend(long applicationId, String reason) {
        return requestChange(AuthorityChange.SUSPEND, applicationId, reason);
    }

    /**
     * 恢复 a suspended authority, with a reason (required), as {@link #withdraw} ({@link
     * ApprovalKind#RESUME_ISSUING_AUTHORITY}): granted again once in effect.
     *
     * @throws UnitRuleException {@code unit.authority.error.not-suspended}
     * @throws InvalidInputException {@code unit.authority.error.resume-needs-reason} at {@code reason}
     */
    @Transactional
    public Optional<ApprovalRequest> resume(long applicationId, String reason) {
        return requestChange(AuthorityChange.RESUME, applicationId, reason);
    }

    private Optional<ApprovalRequest> requestChange(AuthorityChange kind, long applicationId, String reason) {
        BackOfficeUser reviewer = guard.require(BackOfficeAction.APPROVE_ISSUING_AUTHORITY);
        if (reviewer.regionCode() == null) {
            guard.requireRegion(BackOfficeAction.APPROVE_ISSUING_AUTHORITY, null);
        }
        IssuingAuthorityApplication application =
                decidable(applicationId, reviewer, reviewer.regionCode(), kind.auditAction, reason);
        if (!kind.from.contains(application.getStatus())) {
            throw new UnitRuleException(kind.wrongStatusKey);
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException(FieldProblem.of("reason", kind.reasonRequiredKey));
        }
        IssuingAuthorityInfo info = info(List.of(application)).get(0);
        Optional<ApprovalRequest> requested = approvals.requestIfRequired(
                kind.kind,
                ApprovalTarget.inRegion(
                        "ISSUING_AUTHORITY",
                        applicationId,
                        bureauRegion(application.getBureauCode()),
                        info.unitName() + " " + info.levelList(),
                        null),
                reason.strip());
        if (requested.isEmpty()) {
            changeNow(kind, applicationId, reviewer, reason, null);
        }
        return requested;
    }

    /**
     * Applies a reviewer's {@code change} to the application and stores it; a refusal of the application's rules is
     * audited as {@code action} and rethrown, a concurrent decision is told as already decided.
     */
    private void change(
            IssuingAuthorityApplication application, BackOfficeUser reviewer, String action, Runnable change) {
        try {
            change.run();
            applications.saveAndFlush(application);
        } catch (UnitRuleException e) {
            audit.record(AuditEntry.action(action)
                    .by(AuditActor.of(reviewer))
                    .target("ISSUING_AUTHORITY", application.getId())
                    .refused()
                    .detail(e.messageKey())
                    .build());
            throw e;
        } catch (ConcurrencyFailureException e) {
            throw new UnitRuleException("unit.authority.error.decided");
        }
    }

    /** Makes the change as {@code reviewer} within their region (the approval handlers' and the direct path). */
    void changeNow(AuthorityChange kind, long applicationId, BackOfficeUser reviewer, String reason, String via) {
        String action = kind.auditAction;
        IssuingAuthorityApplication application =
                decidable(applicationId, reviewer, reviewer.regionCode(), action, reason);
        change(application, reviewer, action, () -> {
            if (!kind.from.contains(application.getStatus())) {
                throw new UnitRuleException(kind.wrongStatusKey);
            }
            switch (kind) {
                case WITHDRAW ->
                    application.withdraw(reviewer.getAccountId(), reviewer.getDisplayName(), reason, clock.instant());
                case SUSPEND ->
                    application.suspend(reviewer.getAccountId(), reviewer.getDisplayName(), reason, clock.instant());
                case RESUME -> application.resume(reviewer.getDisplayName(), reason, clock.instant());
            }
        });
        audit.record(AuditEntry.action(action)
                .by(AuditActor.of(reviewer))
                .target("ISSUING_AUTHORITY", applicationId)
                .detail(levelNames(application.getLevelCodes()) + " " + reason.strip()
                        + (via == null ? "" : "; " + via))
                .build());
    }

    private String bureauRegion(String bureauCode) {
        return regions.findBureau(bureauCode).map(Bureau::regionCode).orElse(null);
    }

    /** 职称认定证书发放权限审核 of one bureau: its applications in the status (null: all), oldest first. */
    @Transactional(readOnly = true)
    public List<IssuingAuthorityInfo> ofBureau(String bureauCode, IssuingAuthorityStatus status) {
        return info(applications.ofBureaus(List.of(bureauCode), status));
    }

    /**
     * The applications to every bureau whose region is {@code scopeRegionCode} or lies below it (a city bureau's
     * data scope is its city; the province's is everything), in the status (null: all), oldest first.
     */
    @Transactional(readOnly = true)
    public List<IssuingAuthorityInfo> withinRegion(String scopeRegionCode, IssuingAuthorityStatus status) {
        List<String> bureaus = bureausWithin(scopeRegionCode);
        return bureaus.isEmpty() ? List.of() : info(applications.ofBureaus(bureaus, status));
    }

    @Transactional(readOnly = true)
    public Optional<IssuingAuthorityInfo> find(long applicationId) {
        return applications.findById(applicationId).map(a -> info(List.of(a)).get(0));
    }

    /**
     * A bureau reviewer's 通过 (grant) or 驳回 (reject, opinion required), for a reviewer whose data scope is the
     * whole province (fixtures and platform jobs). Pages call {@link #review}, which applies the signed-in reviewer's
     * region and the UKEY policy.
     */
    @Transactional
    public void decide(long applicationId, BackOfficeUser reviewer, boolean approve, String opinion) {
        decide(applicationId, reviewer, regions.province().code(), approve, opinion);
    }

    /**
     * A bureau reviewer's 通过 or 驳回 within a data scope: the application's bureau must lie in
     * {@code scopeRegionCode}.
     *
     * @throws AccessDeniedException not a bureau reviewer, or the application is outside the scope (an unknown
     *                               application looks the same)
     * @throws UnitRuleException     already decided (also when a simultaneous decision won), or a rejection
     *                               without an opinion
     */
    @Transactional
    public void decide(
            long applicationId, BackOfficeUser reviewer, String scopeRegionCode, boolean approve, String opinion) {
        decide(applicationId, reviewer, scopeRegionCode, approve, opinion, null);
    }

    private void decide(
            long applicationId,
            BackOfficeUser reviewer,
            String scopeRegionCode,
            boolean approve,
            String opinion,
            String via) {
        String action = approve ? "ISSUING_AUTHORITY_GRANTED" : "ISSUING_AUTHORITY_REJECTED";
        IssuingAuthorityApplication application = decidable(applicationId, reviewer, scopeRegionCode, action, opinion);
        change(application, reviewer, action, () -> {
            if (approve) {
                application.grant(reviewer.getAccountId(), reviewer.getDisplayName(), opinion, clock.instant());
            } else {
                application.reject(reviewer.getAccountId(), reviewer.getDisplayName(), opinion, clock.instant());
            }
        });
        audit.record(AuditEntry.action(action)
                .by(AuditActor.of(reviewer))
                .target("ISSUING_AUTHORITY", applicationId)
                .detail(levelNames(application.getLevelCodes())
                        + (opinion == null || opinion.isBlank() ? "" : " " + opinion.strip())
                        + (via == null ? "" : "; " + via))
                .build());
        if (approve) {
            // in this transaction: the unit's onboarding (operator account, UKEY task) stands or falls with the grant
            Unit unit = units.findById(application.getUnitId()).orElseThrow();
            events.publishEvent(new IssuingAuthorityGranted(
                    applicationId, unit.getId(), unit.getName(), unit.getCreditCode(), unit.getRegionCode()));
        }
    }

    /** The application, if the reviewer may decide it within the scope (refusals recorded); opinion not too long. */
    private IssuingAuthorityApplication decidable(
            long applicationId, BackOfficeUser reviewer, String scopeRegionCode, String action, String opinion) {
        if (reviewer == null || reviewer.getRole() != BackOfficeRole.BUREAU_REVIEWER) {
            refuse(action, applicationId, reviewer, "not a bureau reviewer");
        }
        IssuingAuthorityApplication application =
                applications.findById(applicationId).orElse(null);
        if (application == null || !bureausWithin(scopeRegionCode).contains(application.getBureauCode())) {
            refuse(action, applicationId, reviewer, "outside the reviewer's data scope");
        }
        DecidedApplication.checkOpinionLength(opinion);
        return application;
    }

    private void refuse(String action, long applicationId, BackOfficeUser reviewer, String why) {
        audit.record(AuditEntry.action(action)
                .by(reviewer == null ? AuditActor.current() : AuditActor.of(reviewer))
                .target("ISSUING_AUTHORITY", applicationId)
                .refused()
                .detail(why)
                .build());
        throw new AccessDeniedException(why);
    }

    private List<String> bureausWithin(String scopeRegionCode) {
        if (scopeRegionCode == null) {
            return List.of();
        }
        return regions.bureaus().stream()
                .filter(b -> regions.isWithin(b.regionCode(), scopeRegionCode))
                .map(Bureau::code)
                .toList();
    }

    private Unit unitOf(PortalUser user) {
        if (user == null || !user.isUnit()) {
            throw new AccessDeniedException("only a unit applies for issuing authority");
        }
        return units.findByAccountId(user.accountId())
                .orElseThrow(() -> new AccessDeniedException("unit account without unit"));
    }

    private String levelNames(Collection<String> codes) {
        return codes.stream().map(this::levelName).collect(Collectors.joining("、"));
    }

    private String levelName(String code) {
        return catalog.findLevel(code).map(Level::name).orElse(code);
    }

    private List<IssuingAuthorityInfo> info(List<IssuingAuthorityApplication> list) {
        Map<Long, Unit> byId = new HashMap<>();
        units.findAllById(list.stream()
                        .map(IssuingAuthorityApplication::getUnitId)
                        .distinct()
                        .toList())
                .forEach(u -> byId.put(u.getId(), u));
        return list.stream()
                .map(a -> {
                    Unit unit = byId.get(a.getUnitId());
                    List<String> codes = a.getLevelCodes().stream()
                            .sorted(Comparator.comparingInt(code -> catalog.findLevel(code)
                                    .map(Level::sortOrder)
                                    .orElse(Integer.MAX_VALUE)))
                            .toList();
                    return new IssuingAuthorityInfo(
                            a.getId(),
                            a.getUnitId(),
                            unit == null ? null : unit.getName(),
                            unit == null ? null : unit.getCreditCode(),
                            unit == null ? null : unit.getRegionCode(),
                            a.getBureauCode(),
                            regions.findBureau(a.getBureauCode())
                                    .map(Bureau::name)
                                    .orElse(a.getBureauCode()),
                            codes,
                            codes.stream().map(this::levelName).toList(),
                            a.getStatus(),
                            a.getDecision().opinion(),
                            a.getAppliedAt(),
                            a.getDecision().name(),
                            a.getDecision().at(),
                            a.getWithdrawal().opinion(),
                            a.getWithdrawal().name(),
                            a.getWithdrawal().at(),
                            a.getSuspension().opinion(),
                            a.getSuspension().name(),
                            a.getSuspension().at(),
                            a.getResumedReason(),
                            a.getResumedByName(),
                            a.getResumedAt());
                })
                .toList();
    }
}

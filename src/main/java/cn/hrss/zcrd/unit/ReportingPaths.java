package cn.hrss.zcrd.unit;

import cn.hrss.zcrd.account.PortalUser;
import cn.hrss.zcrd.audit.AuditEntry;
import cn.hrss.zcrd.audit.AuditTrail;
import cn.hrss.zcrd.catalog.Level;
import cn.hrss.zcrd.catalog.Series;
import cn.hrss.zcrd.catalog.TitleCatalog;
import cn.hrss.zcrd.shared.FieldProblem;
import cn.hrss.zcrd.shared.InvalidInputException;
import cn.hrss.zcrd.shared.Refusal;
import cn.hrss.zcrd.unit.internal.PathApplicationFacts;
import cn.hrss.zcrd.unit.internal.PathApplicationPolicy;
import cn.hrss.zcrd.unit.internal.ReportingPathRepository;
import cn.hrss.zcrd.unit.internal.UnitRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 上报路径申请 and 上报路径审核 (SPEC §5): a unit applies for a path to a superior unit for a title level and series;
 * only that superior approves (已生效) or rejects it with an opinion. The review chain asks here for the path a
 * declaration may be reported along.
 *
 * <p>Every method takes the signed-in unit account ({@link PortalUser}); anyone else gets
 * {@link AccessDeniedException}. Refusals for the user: {@link InvalidInputException} (a field),
 * {@link UnitRuleException} (a rule: duplicate, to itself, a cycle, not the superior, already decided, lost a race).
 * Every application and decision is on the audit trail.
 */
@Service
public class ReportingPaths {

    /** How far up the cycle check follows paths; a real chain has three or four levels. */
    static final int MAX_CHAIN = 32;

    private final ReportingPathRepository paths;
    private final UnitRepository units;
    private final TitleCatalog catalog;
    private final AuditTrail audit;
    private final Clock clock;
    private final List<PathApplicationPolicy> policies = PathApplicationPolicy.all();

    ReportingPaths(
            ReportingPathRepository paths, UnitRepository units, TitleCatalog catalog, AuditTrail audit, Clock clock) {
        this.paths = paths;
        this.units = units;
        this.catalog = catalog;
        this.audit = audit;
        this.clock = clock;
    }

    /** 上报路径申请: the signed-in unit's paths, newest first. */
    @Transactional(readOnly = true)
    public List<ReportingPathInfo> mine(PortalUser unitUser) {
        return info(
                paths.findByUnitIdOrderByAppliedAtDescIdDesc(unitOf(unitUser).getId()));
    }

    /** 上报路径审核: the paths addressed to the signed-in unit, pending first. */
    @Transactional(readOnly = true)
    public List<ReportingPathInfo> addressedToMe(PortalUser unitUser) {
        return info(paths.addressedTo(unitOf(unitUser).getId()));
    }

    /**
     * 新增 → 保存: a new path, 未生效.
     *
     * @return the new path's id
     * @throws InvalidInputException at {@code superior}, {@code level}, {@code series} or {@code businessType}
     * @throws UnitRuleException     when a rule refuses (see {@link PathApplicationPolicy})
     */
    @Transactional
    public long apply(PortalUser unitUser, PathApplication form) {
        Unit unit = unitOf(unitUser);
        UnitVerifications.requireVerified(unit);
        List<FieldProblem> problems = new ArrayList<>();
        Optional<Unit> superior = Optional.ofNullable(form.superiorUnitId()).flatMap(units::findById);
        if (form.superiorUnitId() == null) {
            problems.add(FieldProblem.of("superiorSearch", "unit.path.superior.required"));
        } else if (superior.isEmpty()) {
            problems.add(FieldProblem.of("superiorSearch", "unit.path.superior.unknown"));
        } else if (!superior.get().isVerified()) {
            problems.add(FieldProblem.of("superiorSearch", "unit.path.superior.unverified"));
        }
        Optional<Level> level = Optional.ofNullable(form.levelCode())
                .flatMap(catalog::findLevel)
                .filter(Level::enabled);
        if (level.isEmpty()) {
            problems.add(FieldProblem.of("level", "field.required"));
        }
        Optional<Series> series = Optional.ofNullable(form.seriesCode())
                .flatMap(catalog::findSeries)
                .filter(Series::enabled);
        if (series.isEmpty()) {
            problems.add(FieldProblem.of("series", "field.required"));
        }
        if (form.businessType() == null) {
            problems.add(FieldProblem.of("businessType", "field.required"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        PathApplicationFacts facts = new PathApplicationFacts(
                unit.getId(),
                superior.get().getId(),
                superior.get().getName(),
                level.get().name(),
                series.get().name(),
                paths.live(unit.getId(), level.get().code(), series.get().code())
                        .map(p -> info(List.of(p)).get(0)),
                chainAbove(
                        superior.get().getId(), level.get().code(), series.get().code()));
        for (PathApplicationPolicy policy : policies) {
            Optional<Refusal> refusal = policy.check(facts);
            if (refusal.isPresent()) {
                throw new UnitRuleException(refusal.get());
            }
        }
        ReportingPath path = new ReportingPath(
                unit.getId(),
                superior.get().getId(),
                level.get().code(),
                series.get().code(),
                form.businessType(),
                unitUser.accountId(),
                clock.instant());
        try {
            paths.saveAndFlush(path);
        } catch (DataIntegrityViolationException e) {
            // the same application submitted twice at once: the unique key let one through
            throw new UnitRuleException(
                    "unit.path.error.duplicate-pending",
                    level.get().name(),
                    series.get().name(),
                    superior.get().getName());
        }
        audit.record(AuditEntry.action("REPORTING_PATH_APPLIED")
                .target("REPORTING_PATH", path.getId())
                .detail(unit.getName() + " → " + superior.get().getName() + " "
                        + level.get().name() + " " + series.get().name())
                .build());
        return path.getId();
    }

    /** 上报路径审核 → 通过, by the superior unit the path names: it becomes 已生效. */
    @Transactional
    public void approve(long pathId, PortalUser unitUser, String opinion) {
        decide(pathId, unitUser, true, opinion);
    }

    /** 上报路径审核 → 驳回 with an opinion (required), by the superior unit the path names. */
    @Transactional
    public void reject(long pathId, PortalUser unitUser, String opinion) {
        decide(pathId, unitUser, false, opinion);
    }

    private void decide(long pathId, PortalUser unitUser, boolean approve, String opinion) {
        Unit unit = unitOf(unitUser);
        UnitVerifications.requireVerified(unit);
        String action = approve ? "REPORTING_PATH_APPROVED" : "REPORTING_PATH_REJECTED";
        DecidedApplication.checkOpinionLength(opinion);
        ReportingPath path = paths.findById(pathId).orElse(null);
        if (path == null || path.getSuperiorUnitId() != unit.getId()) {
            // the unit that applied, or any other unit: nothing tells it whether the path exists
            audit.record(AuditEntry.action(action)
                    .target("REPORTING_PATH", pathId)
                    .refused()
                    .detail("not the superior unit")
                    .build());
            throw new AccessDeniedException("reporting path not addressed to this unit");
        }
        try {
            if (approve) {
                path.approve(unit.getId(), unitUser.accountId(), unitUser.displayName(), opinion, clock.instant());
            } else {
                path.reject(unit.getId(), unitUser.accountId(), unitUser.displayName(), opinion, clock.instant());
            }
            paths.saveAndFlush(path);
        } catch (UnitRuleException e) {
            audit.record(AuditEntry.action(action)
                    .target("REPORTING_PATH", pathId)
                    .refused()
                    .detail(e.messageKey())
                    .build());
            throw e;
        } catch (ConcurrencyFailureException e) {
            throw new UnitRuleException("unit.path.error.conflict");
        }
        audit.record(AuditEntry.action(action)
                .target("REPORTING_PATH", pathId)
                .detail(opinion == null ? null : opinion.strip())
                .build());
    }

    /**
     * Every path of the unit for the level and series (effective, pending or rejected; newest first): the review
     * chain reports along the effective one, or says which path is missing.
     */
    @Transactional(readOnly = true)
    public List<ReportingPathInfo> pathsFor(long unitId, String levelCode, String seriesCode) {
        return info(
                paths.findByUnitIdAndLevelCodeAndSeriesCodeOrderByAppliedAtDescIdDesc(unitId, levelCode, seriesCode));
    }

    /** The effective path of the unit for the level and series, if it has one. */
    @Transactional(readOnly = true)
    public Optional<ReportingPathInfo> effectivePath(long unitId, String levelCode, String seriesCode) {
        return pathsFor(unitId, levelCode, seriesCode).stream()
                .filter(p -> p.serves(levelCode, seriesCode))
                .findFirst();
    }

    private List<Long> chainAbove(long superiorUnitId, String levelCode, String seriesCode) {
        List<Long> chain = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        long current = superiorUnitId;
        while (chain.size() < MAX_CHAIN && seen.add(current)) {
            Optional<ReportingPath> next = paths.live(current, levelCode, seriesCode);
            if (next.isEmpty()) {
                break;
            }
            current = next.get().getSuperiorUnitId();
            chain.add(current);
        }
        return chain;
    }

    private Unit unitOf(PortalUser user) {
        if (user == null || !user.isUnit()) {
            throw new AccessDeniedException("only a unit has reporting paths");
        }
        return units.findByAccountId(user.accountId())
                .orElseThrow(() -> new AccessDeniedException("unit account without unit"));
    }

    private List<ReportingPathInfo> info(Collection<ReportingPath> list) {
        Set<Long> ids = new LinkedHashSet<>();
        list.forEach(p -> {
            ids.add(p.getUnitId());
            ids.add(p.getSuperiorUnitId());
        });
        Map<Long, String> names = new HashMap<>();
        units.findAllById(ids).forEach(u -> names.put(u.getId(), u.getName()));
        return list.stream()
                .map(p -> new ReportingPathInfo(
                        p.getId(),
                        p.getUnitId(),
                        names.get(p.getUnitId()),
                        p.getSuperiorUnitId(),
                        names.get(p.getSuperiorUnitId()),
                        p.getLevelCode(),
                        catalog.findLevel(p.getLevelCode()).map(Level::name).orElse(p.getLevelCode()),
                        p.getSeriesCode(),
                        catalog.findSeries(p.getSeriesCode()).map(Series::name).orElse(p.getSeriesCode()),
                        p.getBusinessType(),
                        p.getStatus(),
                        p.getDecision().opinion(),
                        p.getAppliedAt(),
                        p.getDecision().name(),
                        p.getDecision().at()))
                .toList();
    }
}

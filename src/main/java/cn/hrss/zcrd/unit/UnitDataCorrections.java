package cn.hrss.zcrd.unit;

import cn.hrss.zcrd.account.BackOfficeAction;
import cn.hrss.zcrd.account.BackOfficeGuard;
import cn.hrss.zcrd.account.BackOfficeUser;
import cn.hrss.zcrd.audit.AuditEntry;
import cn.hrss.zcrd.audit.AuditTrail;
import cn.hrss.zcrd.catalog.Regions;
import cn.hrss.zcrd.shared.FieldProblem;
import cn.hrss.zcrd.shared.InvalidInputException;
import cn.hrss.zcrd.shared.NotFoundException;
import cn.hrss.zcrd.unit.internal.UnitDataChange;
import cn.hrss.zcrd.unit.internal.UnitDataChangeRepository;
import cn.hrss.zcrd.unit.internal.UnitRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 更正单位所在地区和主管部门 by the bureau (issue 16 item 3): a bureau reviewer whose data scope holds the unit's
 * current region (its city's bureau, or the province) corrects the region and the competent department with a
 * reason, under {@link BackOfficeAction#VERIFY_UNIT} (a UKEY session under the default policy). The old values are
 * kept in {@code unit_data_change} ({@link #history}); each correction is audited as {@code UNIT_DATA_CORRECTED}.
 *
 * <p>What follows the region (docs/business-units.md): the unit's back-office data scope (verification queue, seal
 * and authority review see the unit by its region, so it moves to the new region's bureau at once); reporting
 * paths and granted issuing authority are kept as they are (they name units and a bureau, not a region) — the new
 * region's bureau reviews them if they need changing.
 */
@Service
public class UnitDataCorrections {

    public static final String AUDIT_ACTION = "UNIT_DATA_CORRECTED";

    private final UnitRepository units;
    private final UnitDataChangeRepository changes;
    private final Regions regions;
    private final BackOfficeGuard guard;
    private final AuditTrail audit;
    private final Clock clock;

    UnitDataCorrections(
            UnitRepository units,
            UnitDataChangeRepository changes,
            Regions regions,
            BackOfficeGuard guard,
            AuditTrail audit,
            Clock clock) {
        this.units = units;
        this.changes = changes;
        this.regions = regions;
        this.guard = guard;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Corrects the unit's region and competent department.
     *
     * @param regionCode          the new region (GB/T 2260, checked by {@link Regions#choiceProblem}); field
     *                            {@code region}
     * @param competentCreditCode the competent department's unified credit code (a verified unit other than this
     *                            one), blank for none; field {@code competent}
     * @param reason              required, at most 500 characters; field {@code reason}
     * @throws NotFoundException                                     no such unit
     * @throws cn.hrss.zcrd.account.BackOfficeAccessDeniedException not a bureau reviewer, a password session, or
     *         the unit's current region outside the reviewer's scope (recorded)
     * @throws InvalidInputException                                 a field's problem; nothing changed
     *                                                               ({@code unit.data.nothing-changed} at region)
     */
    @Transactional
    public UnitDataChangeInfo correct(long unitId, String regionCode, String competentCreditCode, String reason) {
        BackOfficeUser reviewer = guard.require(BackOfficeAction.VERIFY_UNIT);
        Unit unit = units.findById(unitId).orElseThrow(() -> new NotFoundException("unit"));
        guard.requireRegion(BackOfficeAction.VERIFY_UNIT, unit.getRegionCode());
        List<FieldProblem> problems = new ArrayList<>();
        String region = regionCode == null ? "" : regionCode.strip();
        regions.choiceProblem(region).ifPresent(key -> problems.add(FieldProblem.of("region", key)));
        Long competentId = null;
        String code =
                competentCreditCode == null ? "" : competentCreditCode.strip().toUpperCase(Locale.ROOT);
        if (!code.isEmpty()) {
            Optional<Unit> competent = units.findByCreditCode(code);
            if (competent.isEmpty()) {
                problems.add(FieldProblem.of("competent", "unit.competent.unknown"));
            } else if (!competent.get().isVerified()) {
                problems.add(FieldProblem.of("competent", "unit.competent.unverified"));
            } else if (competent.get().getId().equals(unit.getId())) {
                problems.add(FieldProblem.of("competent", "unit.data.competent-self"));
            } else {
                competentId = competent.get().getId();
            }
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            problems.add(FieldProblem.of("reason", "unit.data.reason-required"));
        } else if (why.length() > Unit.MAX_REASON) {
            problems.add(FieldProblem.of("reason", "declaration.text.too-long", String.valueOf(Unit.MAX_REASON)));
        }
        if (problems.isEmpty()
                && region.equals(unit.getRegionCode())
                && Objects.equals(competentId, unit.getCompetentUnitId())) {
            problems.add(FieldProblem.of("region", "unit.data.nothing-changed"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        UnitDataChange change = changes.save(new UnitDataChange(
                unit.getId(),
                unit.getRegionCode(),
                region,
                unit.getCompetentUnitId(),
                competentId,
                why,
                reviewer.getAccountId(),
                reviewer.getDisplayName(),
                clock.instant()));
        unit.correctRegionAndCompetent(region, competentId);
        units.saveAndFlush(unit);
        UnitDataChangeInfo info = info(change);
        audit.record(AuditEntry.action(AUDIT_ACTION)
                .target("UNIT", unit.getId())
                .detail(unit.getName() + " 地区 " + info.oldRegionCode() + " → " + info.newRegionCode() + "；主管部门 "
                        + Objects.toString(info.oldCompetentName(), "-") + " → "
                        + Objects.toString(info.newCompetentName(), "-") + "；原因 " + why)
                .build());
        return info;
    }

    /**
     * The unit's corrections, newest first, for a bureau reviewer whose scope holds its current region.
     *
     * @throws cn.hrss.zcrd.account.BackOfficeAccessDeniedException not a bureau reviewer, or outside the scope
     */
    @Transactional(readOnly = true)
    public List<UnitDataChangeInfo> history(long unitId) {
        guard.require(BackOfficeAction.VIEW_UNIT_VERIFICATION);
        Unit unit = units.findById(unitId).orElseThrow(() -> new NotFoundException("unit"));
        guard.requireRegion(BackOfficeAction.VIEW_UNIT_VERIFICATION, unit.getRegionCode());
        return changes.findByUnitIdOrderByChangedAtDescIdDesc(unitId).stream()
                .map(this::info)
                .toList();
    }

    private UnitDataChangeInfo info(UnitDataChange c) {
        return new UnitDataChangeInfo(
                c.getId(),
                c.getOldRegionCode(),
                regions.displayPath(c.getOldRegionCode()),
                c.getNewRegionCode(),
                regions.displayPath(c.getNewRegionCode()),
                c.getOldCompetentUnitId(),
                unitName(c.getOldCompetentUnitId()),
                c.getNewCompetentUnitId(),
                unitName(c.getNewCompetentUnitId()),
                c.getReason(),
                c.getChangedByName(),
                c.getChangedAt());
    }

    private String unitName(Long id) {
        return id == null ? null : units.findById(id).map(Unit::getName).orElse("#" + id);
    }
}

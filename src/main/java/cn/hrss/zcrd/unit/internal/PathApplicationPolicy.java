package cn.hrss.zcrd.unit.internal;

import cn.hrss.zcrd.shared.Refusal;
import cn.hrss.zcrd.unit.ReportingPathStatus;
import java.util.List;
import java.util.Optional;

/** One rule 上报路径申请 must satisfy: it answers why it refuses, or nothing. Plain Java. */
public interface PathApplicationPolicy {

    Optional<Refusal> check(PathApplicationFacts facts);

    /** Every rule, in the order their refusals are shown. */
    static List<PathApplicationPolicy> all() {
        return List.of(notToItself(), oneLivePathPerLevelAndSeries(), noCycle());
    }

    /** A unit never reports to itself (and so can never approve its own path). */
    static PathApplicationPolicy notToItself() {
        return facts -> facts.unitId() == facts.superiorUnitId()
                ? Optional.of(Refusal.of("unit.path.error.self"))
                : Optional.empty();
    }

    /**
     * One pending or effective path per unit, level and series: a duplicate is refused, and so is a second path to
     * another superior (a declaration is reported along exactly one path). A rejected path may be applied again.
     */
    static PathApplicationPolicy oneLivePathPerLevelAndSeries() {
        return facts -> facts.liveSameKind()
                .map(existing -> Refusal.of(
                        existing.status() == ReportingPathStatus.PENDING
                                ? "unit.path.error.duplicate-pending"
                                : "unit.path.error.duplicate-effective",
                        facts.levelName(),
                        facts.seriesName(),
                        existing.superiorUnitName()));
    }

    /** The superior must not (through its own paths of the same level and series) report back to this unit. */
    static PathApplicationPolicy noCycle() {
        return facts -> facts.superiorChain().contains(facts.unitId())
                ? Optional.of(Refusal.of("unit.path.error.cycle", facts.superiorName()))
                : Optional.empty();
    }
}

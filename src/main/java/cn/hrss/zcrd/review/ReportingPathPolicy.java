package cn.hrss.zcrd.review;

import cn.hrss.zcrd.shared.Refusal;
import cn.hrss.zcrd.unit.ReportingPathInfo;
import cn.hrss.zcrd.unit.ReportingPathStatus;
import java.util.List;
import java.util.Optional;

/**
 * 职称认定上报: a declaration may only be reported along an <em>effective</em> path of the reporting unit whose level
 * and series are the declaration's (SPEC §5). The answer is that path, or why not — naming the path to apply for.
 * Plain Java.
 */
public final class ReportingPathPolicy {

    /** The path to report along, or the refusal. Exactly one of the two is present. */
    public record Choice(Optional<ReportingPathInfo> path, Optional<Refusal> refusal) {

        static Choice along(ReportingPathInfo path) {
            return new Choice(Optional.of(path), Optional.empty());
        }

        static Choice refused(Refusal refusal) {
            return new Choice(Optional.empty(), Optional.of(refusal));
        }
    }

    private ReportingPathPolicy() {}

    /**
     * @param levelCode  the declaration's level
     * @param seriesCode the declaration's series
     * @param levelName  for the message
     * @param seriesName for the message
     * @param unitPaths  the reporting unit's paths (any level, series and status)
     */
    public static Choice choose(
            String levelCode,
            String seriesCode,
            String levelName,
            String seriesName,
            List<ReportingPathInfo> unitPaths) {
        Optional<ReportingPathInfo> effective =
                unitPaths.stream().filter(p -> p.serves(levelCode, seriesCode)).findFirst();
        if (effective.isPresent()) {
            return Choice.along(effective.get());
        }
        Optional<ReportingPathInfo> pending = unitPaths.stream()
                .filter(p -> p.status() == ReportingPathStatus.PENDING
                        && p.levelCode().equals(levelCode)
                        && p.seriesCode().equals(seriesCode))
                .findFirst();
        return pending.map(p -> Choice.refused(
                        Refusal.of("review.report.path-pending", levelName, seriesName, p.superiorUnitName())))
                .orElseGet(() -> Choice.refused(Refusal.of("review.report.no-path", levelName, seriesName)));
    }
}

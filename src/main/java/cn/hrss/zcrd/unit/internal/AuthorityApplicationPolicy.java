package cn.hrss.zcrd.unit.internal;

import cn.hrss.zcrd.shared.Refusal;
import cn.hrss.zcrd.unit.IssuingAuthorityStatus;
import java.util.List;
import java.util.Optional;

/** One rule 职称认定证书发放申请 must satisfy: it answers why it refuses, or nothing. Plain Java. */
public interface AuthorityApplicationPolicy {

    /**
     * What the rules look at.
     *
     * @param liveStatus          the status of the unit's pending or granted application, if it has one
     * @param bureauName          the bureau chosen
     * @param bureauCoversUnit    whether the bureau's region is the unit's region or lies above it
     */
    record Facts(Optional<IssuingAuthorityStatus> liveStatus, String bureauName, boolean bureauCoversUnit) {}

    Optional<Refusal> check(Facts facts);

    static List<AuthorityApplicationPolicy> all() {
        return List.of(oneLiveApplication(), bureauOfTheUnitsRegion());
    }

    /** While an application is pending or granted the unit cannot apply again (the button is greyed). */
    static AuthorityApplicationPolicy oneLiveApplication() {
        return facts -> facts.liveStatus()
                .map(status -> Refusal.of(
                        status == IssuingAuthorityStatus.PENDING
                                ? "unit.authority.error.pending"
                                : "unit.authority.error.granted"));
    }

    /** 所属机构 is a bureau over the unit's region (its city's bureau or the province's), not another city's. */
    static AuthorityApplicationPolicy bureauOfTheUnitsRegion() {
        return facts -> facts.bureauCoversUnit()
                ? Optional.empty()
                : Optional.of(Refusal.of("unit.authority.error.bureau-scope", facts.bureauName()));
    }
}

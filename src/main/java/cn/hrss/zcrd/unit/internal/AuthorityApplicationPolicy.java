package cn.hrss.zcrd.unit.internal;

import cn.hrss.zcrd.shared.Refusal;
import java.util.List;
import java.util.Optional;

/** One rule 职称认定证书发放申请 must satisfy: it answers why it refuses, or nothing. Plain Java. */
public interface AuthorityApplicationPolicy {

    /**
     * What the rules look at.
     *
     * @param pending          whether the unit has an application waiting for its bureau
     * @param alreadyHeld      the names of the levels applied for that the unit holds already (granted or suspended)
     * @param bureauName       the bureau chosen
     * @param bureauCoversUnit whether the bureau's region is the unit's region or lies above it
     */
    record Facts(boolean pending, List<String> alreadyHeld, String bureauName, boolean bureauCoversUnit) {

        public Facts {
            alreadyHeld = List.copyOf(alreadyHeld);
        }
    }

    Optional<Refusal> check(Facts facts);

    static List<AuthorityApplicationPolicy> all() {
        return List.of(onePendingApplication(), onlyLevelsNotHeld(), bureauOfTheUnitsRegion());
    }

    /** While an application is pending the unit cannot apply again (the button is greyed). */
    static AuthorityApplicationPolicy onePendingApplication() {
        return facts -> facts.pending() ? Optional.of(Refusal.of("unit.authority.error.pending")) : Optional.empty();
    }

    /**
     * After a grant the unit may apply for further levels, not for one it holds (granted, or suspended: the bureau
     * resumes that one).
     */
    static AuthorityApplicationPolicy onlyLevelsNotHeld() {
        return facts -> facts.alreadyHeld().isEmpty()
                ? Optional.empty()
                : Optional.of(Refusal.of("unit.authority.error.granted", String.join("、", facts.alreadyHeld())));
    }

    /** 所属机构 is a bureau over the unit's region (its city's bureau or the province's), not another city's. */
    static AuthorityApplicationPolicy bureauOfTheUnitsRegion() {
        return facts -> facts.bureauCoversUnit()
                ? Optional.empty()
                : Optional.of(Refusal.of("unit.authority.error.bureau-scope", facts.bureauName()));
    }
}

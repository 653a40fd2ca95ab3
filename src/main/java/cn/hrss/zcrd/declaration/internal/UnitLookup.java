package cn.hrss.zcrd.declaration.internal;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * What the declaration needs to know about units (单位): whether one exists, its name, and which unit a unit account
 * is. Answered by the {@code unit} module's public services ({@link UnitModuleLookup}); a port, so that tests and a
 * change of that API touch one class.
 */
public interface UnitLookup {

    boolean exists(long unitId);

    /** Whether the unit's bureau verified it: only then may it receive declarations. */
    boolean verified(long unitId);

    /** Names of the units that exist among the ids. */
    Map<Long, String> names(Collection<Long> unitIds);

    /** The unit a portal account of kind UNIT belongs to. */
    Optional<Long> unitOfAccount(long accountId);

    /**
     * The unit's registered contact person (经办人): who acts on the unit's one portal account, recorded as the
     * reviewer of its decisions (the account's display name is the unit's name).
     */
    Optional<String> contactPerson(long unitId);
}

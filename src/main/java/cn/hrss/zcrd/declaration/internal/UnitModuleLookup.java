package cn.hrss.zcrd.declaration.internal;

import cn.hrss.zcrd.unit.Unit;
import cn.hrss.zcrd.unit.UnitDirectory;
import cn.hrss.zcrd.unit.UnitVerifications;
import cn.hrss.zcrd.unit.Units;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** {@link UnitLookup} through the unit module's {@link Units} and {@link UnitDirectory}. */
@Component
class UnitModuleLookup implements UnitLookup {

    private final Units units;
    private final UnitDirectory directory;
    private final UnitVerifications verifications;

    UnitModuleLookup(Units units, UnitDirectory directory, UnitVerifications verifications) {
        this.units = units;
        this.directory = directory;
        this.verifications = verifications;
    }

    @Override
    public boolean verified(long unitId) {
        return verifications.isVerified(unitId);
    }

    @Override
    public boolean exists(long unitId) {
        return directory.find(unitId).isPresent();
    }

    @Override
    public Map<Long, String> names(Collection<Long> unitIds) {
        // one query for the units of a declaration (declaring, work, current, its history) or a page of a queue
        return directory.names(unitIds);
    }

    @Override
    public Optional<Long> unitOfAccount(long accountId) {
        return units.findOfAccount(accountId).map(Unit::getId);
    }

    @Override
    public Optional<String> contactPerson(long unitId) {
        return units.find(unitId).map(Unit::getContactPerson).filter(name -> !name.isBlank());
    }
}

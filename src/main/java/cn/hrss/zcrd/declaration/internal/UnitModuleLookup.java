package cn.hrss.zcrd.declaration.internal;

import cn.hrss.zcrd.unit.Unit;
import cn.hrss.zcrd.unit.UnitDirectory;
import cn.hrss.zcrd.unit.UnitSummary;
import cn.hrss.zcrd.unit.Units;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** {@link UnitLookup} through the unit module's {@link Units} and {@link UnitDirectory}. */
@Component
class UnitModuleLookup implements UnitLookup {

    private final Units units;
    private final UnitDirectory directory;

    UnitModuleLookup(Units units, UnitDirectory directory) {
        this.units = units;
        this.directory = directory;
    }

    @Override
    public boolean exists(long unitId) {
        return directory.find(unitId).isPresent();
    }

    @Override
    public Map<Long, String> names(Collection<Long> unitIds) {
        Map<Long, String> names = new HashMap<>();
        // a declaration names a handful of units (declaring, work, current, those in its history)
        unitIds.stream().filter(Objects::nonNull).distinct()
                .forEach(id -> directory.find(id).map(UnitSummary::name).ifPresent(name -> names.put(id, name)));
        return names;
    }

    @Override
    public Optional<Long> unitOfAccount(long accountId) {
        return units.findOfAccount(accountId).map(Unit::getId);
    }
}

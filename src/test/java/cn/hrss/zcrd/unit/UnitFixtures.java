package cn.hrss.zcrd.unit;

import cn.hrss.zcrd.support.TestIdentities;

/** Registration forms of units for tests: valid by default, change what the test is about. */
public final class UnitFixtures {

    private UnitFixtures() {}

    public static UnitRegistration aUnit(String name) {
        return new UnitRegistration(
                name,
                TestIdentities.creditCode(),
                "370102",
                UnitType.ENTERPRISE,
                null,
                "王联系",
                "0531-86001234",
                "UnitPass123",
                "UnitPass123");
    }

    public static UnitRegistration aUnitUnder(String name, long competentUnitId) {
        UnitRegistration unit = aUnit(name);
        return new UnitRegistration(
                unit.name(),
                unit.creditCode(),
                unit.regionCode(),
                unit.unitType(),
                competentUnitId,
                unit.contactPerson(),
                unit.phone(),
                unit.password(),
                unit.passwordConfirmation());
    }
}

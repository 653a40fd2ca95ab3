package cn.hrss.zcrd.unit;

import cn.hrss.zcrd.account.BackOfficeRole;
import cn.hrss.zcrd.account.BackOfficeUser;
import cn.hrss.zcrd.support.BackOfficeStaff;
import cn.hrss.zcrd.support.TestIdentities;
import java.util.Collections;
import java.util.Map;
import java.util.UUID;
import java.util.WeakHashMap;

/** Registration forms of units for tests: valid by default, change what the test is about. */
public final class UnitFixtures {

    /** One province bureau reviewer per application context (its staff fixture), signed in by password. */
    private static final Map<BackOfficeStaff, BackOfficeUser> REVIEWERS =
            Collections.synchronizedMap(new WeakHashMap<>());

    private UnitFixtures() {}

    /**
     * The registered unit verified by a bureau reviewer of the province through the service (a new registration is
     * pending until then and may not act). Returns the unit as it was passed (its verification field is stale).
     */
    public static Unit verified(UnitVerifications verifications, BackOfficeStaff staff, Unit unit) {
        verifications.decide(unit.getId(), reviewer(staff), true, null);
        return unit;
    }

    /** The bureau reviewer {@link #verified} decides with. */
    public static BackOfficeUser reviewer(BackOfficeStaff staff) {
        return REVIEWERS.computeIfAbsent(staff, s -> {
            String username = "unit-verifier-" + UUID.randomUUID().toString().substring(0, 8);
            return s.passwordUser(username, "单位审核员", BackOfficeRole.BUREAU_REVIEWER, "Verifier123!");
        });
    }

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

    /** An enterprise in 青岛市市南区: the other city of the region-scope tests. */
    public static UnitRegistration aQingdaoUnit(String name, String password) {
        return new UnitRegistration(
                name,
                TestIdentities.creditCode(),
                "370202",
                UnitType.ENTERPRISE,
                null,
                "王联系",
                "0532-86001234",
                password,
                password);
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

package cn.hrss.zcrd.unit;

/** What a unit enters to register (单位注册); field names match the registration form. */
public record UnitRegistration(
        String name,
        String creditCode,
        String regionCode,
        UnitType unitType,
        Long competentUnitId,
        String contactPerson,
        String phone,
        String password,
        String passwordConfirmation) {}

package cn.hrss.zcrd.account;

/**
 * A back-office account to create, or the new role and scope of one.
 *
 * @param username login name (letters, digits, {@code . _ -}, 3–64)
 * @param displayName the person's name
 * @param role what they do
 * @param regionCode bureau staff: the bureau's region; unit operators: the unit's region
 * @param unitId unit operators: their issuing unit; else null
 * @param passwordFallback whether the account may also log in without UKEY (password + TOTP); a one-time
 *                         password is then made
 */
public record NewBackOfficeAccount(
        String username,
        String displayName,
        BackOfficeRole role,
        String regionCode,
        Long unitId,
        boolean passwordFallback) {}

package cn.hrss.zcrd.backoffice;

import cn.hrss.zcrd.account.BackOfficeRole;
import java.io.Serializable;
import java.time.Instant;

/**
 * One line of 待发放UKEY: an enabled back-office account of the admin's region that holds no UKEY yet (e.g. the
 * operator account made when a unit was granted issuing authority).
 *
 * @param accountId the account (its UKEY page issues the UKEY)
 * @param username login name
 * @param displayName name
 * @param role role
 * @param unitName the issuing unit of an operator, else null
 * @param regionPath the account's region, for display
 * @param since when the account was made
 */
public record UkeyTask(
        long accountId,
        String username,
        String displayName,
        BackOfficeRole role,
        String unitName,
        String regionPath,
        Instant since)
        implements Serializable {}

package cn.hrss.zcrd.certificate;

import cn.hrss.zcrd.account.BackOfficeUser;
import java.io.Serializable;

/**
 * The back-office user acting on the certificate library: a unit operator (发证单位操作员) of one issuing unit. The
 * services build it themselves from the signed-in {@link BackOfficeUser} after {@code BackOfficeGuard} allowed the
 * action; pages may ask {@link CertificateLibrary#operator()} for it (e.g. to show the unit or grey out buttons).
 *
 * @param unitId      the issuing unit the operator acts for (null: not bound to a unit, so nothing is visible)
 * @param unitName    its name (null when unknown)
 * @param ukeySession whether the session was opened with a UKEY (issuing and revoking need one under the default
 *                    policy)
 */
public record CertificateOperator(
        long accountId, String username, String displayName, Long unitId, String unitName, boolean ukeySession)
        implements Serializable {

    public static CertificateOperator of(BackOfficeUser user, String unitName) {
        return new CertificateOperator(
                user.getAccountId(),
                user.getUsername(),
                user.getDisplayName(),
                user.unitId(),
                unitName,
                user.isUkeySession());
    }
}

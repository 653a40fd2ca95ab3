package cn.hrss.zcrd.backoffice;

import cn.hrss.zcrd.account.BackOfficeAccount;
import cn.hrss.zcrd.account.BackOfficeAccounts;
import cn.hrss.zcrd.account.BackOfficeAccounts.CreatedAccount;
import cn.hrss.zcrd.account.BackOfficeRole;
import cn.hrss.zcrd.account.NewBackOfficeAccount;
import cn.hrss.zcrd.audit.AuditEntry;
import cn.hrss.zcrd.audit.AuditTrail;
import cn.hrss.zcrd.unit.IssuingAuthorityGranted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Onboards an issuing unit when its issuing authority takes effect (seed 2.2: 拥有终审权限的单位可以登录后台进行发放):
 * unless the unit has an operator account already, one is made — role {@link BackOfficeRole#UNIT_OPERATOR}, bound to
 * the unit and its region, login name the unit's credit code (with {@code -2}, {@code -3} … if that is taken) — and
 * recorded on the audit trail. The account is UKEY-only: no password exists, so nothing secret is handed to anyone;
 * the account appears on the system admins' 待发放UKEY list until its UKEY is issued ({@link UkeyLifecycle}). Should a
 * password fallback be wanted, a system admin gives it on the account page (a one-time password shown to that admin
 * once, handed over in person) — never through the portal.
 *
 * <p>Runs inside the granting transaction: a failure here undoes the grant (nothing half-stored).
 */
@Component
class UnitOnboarding {

    static final String OPERATOR_CREATED = BackOfficeAdministration.ACCOUNT_CREATED;
    private static final Logger log = LoggerFactory.getLogger(UnitOnboarding.class);

    private final BackOfficeAccounts accounts;
    private final AuditTrail trail;

    UnitOnboarding(BackOfficeAccounts accounts, AuditTrail trail) {
        this.accounts = accounts;
        this.trail = trail;
    }

    @EventListener
    void onGranted(IssuingAuthorityGranted granted) {
        if (!accounts.operatorsOf(granted.unitId()).isEmpty()) {
            return; // a unit granted again (after a withdrawal) keeps its account and UKEY
        }
        CreatedAccount created = accounts.create(new NewBackOfficeAccount(
                freeUsername(granted.creditCode()),
                granted.unitName(),
                BackOfficeRole.UNIT_OPERATOR,
                granted.regionCode(),
                granted.unitId(),
                false));
        BackOfficeAccount account = created.account();
        trail.record(AuditEntry.action(OPERATOR_CREATED)
                .target("BACKOFFICE_ACCOUNT", account.getId())
                .detail("username=" + account.getUsername() + "; role=" + account.getRole() + "; region="
                        + account.getRegionCode() + "; unit=" + account.getUnitId()
                        + "; fallback=false; via=ISSUING_AUTHORITY " + granted.applicationId())
                .build());
        log.info(
                "Issuing unit {} onboarded: operator account {} awaits its UKEY",
                granted.unitId(),
                account.getUsername());
    }

    private String freeUsername(String creditCode) {
        String name = creditCode;
        for (int n = 2; accounts.findByUsername(name).isPresent(); n++) {
            name = creditCode + "-" + n;
        }
        return name;
    }
}

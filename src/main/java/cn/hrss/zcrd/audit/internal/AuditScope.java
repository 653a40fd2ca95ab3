package cn.hrss.zcrd.audit.internal;

import cn.hrss.zcrd.account.BackOfficeAccount;
import cn.hrss.zcrd.account.BackOfficeAccounts;
import cn.hrss.zcrd.account.BackOfficeUser;
import cn.hrss.zcrd.audit.AuditQuery;
import cn.hrss.zcrd.catalog.Regions;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Which rows a system admin may read: the province's admin (region the province, or none) every row; a city's
 * admin only the rows whose actor is a back-office account of its region or below (by the account's region now) —
 * not the portal's, the anonymous or the system's rows, which belong to the province. Applied by
 * {@code AuditTrail} to every search and count, whatever the page asked for.
 */
@Component
public class AuditScope {

    private final BackOfficeAccounts accounts;
    private final Regions regions;

    AuditScope(BackOfficeAccounts accounts, Regions regions) {
        this.accounts = accounts;
        this.regions = regions;
    }

    public AuditQuery apply(AuditQuery filter) {
        String region = BackOfficeUser.current().map(BackOfficeUser::regionCode).orElse(null);
        if (region == null || region.equals(regions.province().code())) {
            return filter;
        }
        Set<Long> actors = accounts.search(regions.codesWithin(region), null).stream()
                .map(BackOfficeAccount::getId)
                .filter(id ->
                        filter.actorAccounts() == null || filter.actorAccounts().contains(id))
                .collect(Collectors.toSet());
        return filter.onlyActors(actors);
    }

    /** Whether the signed-in admin reads a city's part of the trail only. */
    public boolean isRegional() {
        String region = BackOfficeUser.current().map(BackOfficeUser::regionCode).orElse(null);
        return region != null && !region.equals(regions.province().code());
    }
}

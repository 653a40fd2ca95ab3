package cn.hrss.zcrd.backoffice.internal;

import cn.hrss.zcrd.account.BackOfficeAction;
import cn.hrss.zcrd.account.BackOfficeGuard;
import cn.hrss.zcrd.account.BackOfficeUser;
import cn.hrss.zcrd.catalog.Regions;
import org.springframework.stereotype.Component;
import org.springframework.web.context.annotation.RequestScope;

/**
 * The back office's left menu (seed manual 3): an entry is shown when the user's role may do its action; the pages
 * and services check again on the server. {@code #{backOfficeMenu.shows('APPROVE_SEAL')}}.
 */
@Component("backOfficeMenu")
@RequestScope
public class BackOfficeMenu {

    private final BackOfficeGuard guard;
    private final Regions regions;
    private final BackOfficeUser user;

    BackOfficeMenu(BackOfficeGuard guard, Regions regions) {
        this.guard = guard;
        this.regions = regions;
        this.user = BackOfficeUser.current().orElse(null);
    }

    /** The user's region, e.g. 山东省 / 济南市 (empty when none). */
    public String getRegionPath() {
        return user == null || user.regionCode() == null ? "" : regions.displayPath(user.regionCode());
    }

    /** Whether the signed-in role may do the action (a UKEY-only action shows, greyed in its page). */
    public boolean shows(String action) {
        return guard.roleAllows(BackOfficeAction.valueOf(action));
    }

    /**
     * Whether the action can be done in this session (role and UKEY policy): what a page's buttons ask, e.g.
     * {@code disabled="#{not backOfficeMenu.allows('MANAGE_UKEYS')}"}; the service checks again.
     */
    public boolean allows(String action) {
        return guard.allows(BackOfficeAction.valueOf(action));
    }

    /** Whether only a UKEY session is missing for the action (the role allows it): the page says so. */
    public boolean ukeyNeeded(String action) {
        BackOfficeAction a = BackOfficeAction.valueOf(action);
        return !guard.allows(a) && guard.roleAllows(a) && guard.needsUkey(a);
    }

    public boolean isSignedIn() {
        return user != null;
    }

    public boolean isSetupPending() {
        return user != null && user.isSetupPending();
    }

    public boolean isUkeySession() {
        return user != null && user.isUkeySession();
    }

    public String getDisplayName() {
        return user == null ? "" : user.getDisplayName();
    }

    /** Message key of the role's name. */
    public String getRoleKey() {
        return user == null
                ? "backoffice.role.none"
                : "backoffice.role." + user.getRole().name();
    }
}

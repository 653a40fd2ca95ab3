package cn.hrss.zcrd.account;

import cn.hrss.zcrd.catalog.Regions;
import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The server-side check every back-office action goes through, for any module:
 * <pre>{@code
 * BackOfficeUser reviewer = guard.require(BackOfficeAction.APPROVE_SEAL);   // role + UKEY policy
 * guard.requireRegion(BackOfficeAction.APPROVE_SEAL, unit.getRegionCode()); // data scope
 * }</pre>
 * A refusal throws {@link BackOfficeAccessDeniedException} carrying the Chinese reason's message key (for the page
 * to show) and is published as {@link BackOfficeActionRefused} for the audit trail. Menus use {@link #allows}.
 */
@Component
public class BackOfficeGuard {

    private final BackOfficePolicy policy;
    private final Regions regions;
    private final ApplicationEventPublisher events;
    private final UkeyLoginAddress ukeyAddress;

    BackOfficeGuard(
            BackOfficeProperties properties,
            Regions regions,
            ApplicationEventPublisher events,
            UkeyLoginAddress ukeyAddress) {
        this.policy = new BackOfficePolicy(properties.ukeyRequiredFor());
        this.regions = regions;
        this.events = events;
        this.ukeyAddress = ukeyAddress;
    }

    /** The signed-in user when they may do {@code action}; otherwise refuses (and records the refusal). */
    public BackOfficeUser require(BackOfficeAction action) {
        BackOfficeUser user = BackOfficeUser.current().orElse(null);
        String refusal = policy.refusal(user, action).orElse(null);
        if (refusal != null) {
            throw refuse(user, action, refusal, null);
        }
        return user;
    }

    /** Like {@link #require} and also: {@code regionCode} lies in the user's region (a city bureau: its own). */
    public BackOfficeUser requireRegion(BackOfficeAction action, String regionCode) {
        BackOfficeUser user = require(action);
        if (!covers(user, regionCode)) {
            throw refuse(user, action, BackOfficePolicy.OUT_OF_SCOPE, "region " + regionCode);
        }
        return user;
    }

    /** Like {@link #require} and also: the user is the operator of {@code unitId}. */
    public BackOfficeUser requireUnit(BackOfficeAction action, long unitId) {
        BackOfficeUser user = require(action);
        if (!Objects.equals(user.unitId(), unitId)) {
            throw refuse(user, action, BackOfficePolicy.OUT_OF_SCOPE, "unit " + unitId);
        }
        return user;
    }

    /** Whether the signed-in user may do {@code action} (for menus and buttons; no record is made). */
    public boolean allows(BackOfficeAction action) {
        return policy.refusal(BackOfficeUser.current().orElse(null), action).isEmpty();
    }

    /** Whether the role alone allows {@code action} (the UKEY policy aside), e.g. to show a greyed button. */
    public boolean roleAllows(BackOfficeAction action) {
        return BackOfficeUser.current()
                .filter(user -> !user.isSetupPending())
                .map(user -> action.allowedFor(user.getRole()))
                .orElse(false);
    }

    /** Whether {@code action} needs a UKEY session under the configured policy. */
    public boolean needsUkey(BackOfficeAction action) {
        return policy.needsUkey(action);
    }

    /** Whether {@code regionCode} is in {@code user}'s data scope: their region or below it. */
    public boolean covers(BackOfficeUser user, String regionCode) {
        return user != null
                && user.regionCode() != null
                && regionCode != null
                && regions.isWithin(regionCode, user.regionCode());
    }

    /** The same for the signed-in user. */
    public boolean covers(String regionCode) {
        return covers(BackOfficeUser.current().orElse(null), regionCode);
    }

    private BackOfficeAccessDeniedException refuse(
            BackOfficeUser user, BackOfficeAction action, String reason, String target) {
        events.publishEvent(new BackOfficeActionRefused(user, action, reason, target));
        // "needs a UKEY" names where to log in with one
        return BackOfficePolicy.UKEY_REQUIRED.equals(reason)
                ? new BackOfficeAccessDeniedException(action, reason, ukeyAddress.url())
                : new BackOfficeAccessDeniedException(action, reason);
    }
}

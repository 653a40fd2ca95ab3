package cn.hrss.zcrd.seal.internal;

import cn.hrss.zcrd.account.BackOfficeAccessDeniedException;
import cn.hrss.zcrd.account.BackOfficeAction;
import cn.hrss.zcrd.account.BackOfficeGuard;
import cn.hrss.zcrd.account.BackOfficeUser;
import cn.hrss.zcrd.catalog.Regions;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Who may review seal impressions — the one place that says it, following the back office's shared rules through
 * {@link BackOfficeGuard}:
 * <ul>
 *   <li>see the queue and the images: {@link BackOfficeAction#VIEW_SEALS} (人社局审核员);</li>
 *   <li>approve or reject: {@link BackOfficeAction#APPROVE_SEAL}; whether that needs a UKEY session is the
 *   configurable policy {@code zcrd.backoffice.ukey-required-for} (by default it does, SPEC §1);</li>
 *   <li>data scope: an impression is the reviewer's when its unit's region ({@code seal_impression.region_code})
 *   lies in the reviewer's region — a city bureau sees its city's units, the province's bureau all of them (the
 *   same rule as {@code IssuingAuthorities.withinRegion} and the account module's {@code BackOfficeGuard.covers}).</li>
 * </ul>
 * Refusals by the guard are recorded on the audit trail by the guard's event.
 */
@Component
public class SealReviewAccess {

    private final BackOfficeGuard guard;
    private final Regions regions;

    SealReviewAccess(BackOfficeGuard guard, Regions regions) {
        this.guard = guard;
        this.regions = regions;
    }

    /** The signed-in reviewer; otherwise access is denied (a portal session, a unit operator, an admin too). */
    public BackOfficeUser requireReviewer() {
        return guard.require(BackOfficeAction.VIEW_SEALS);
    }

    /** Whether the signed-in user may decide now (role and the UKEY policy). */
    public boolean mayDecide() {
        return guard.allows(BackOfficeAction.APPROVE_SEAL);
    }

    /**
     * The signed-in reviewer when they may decide; otherwise refuses.
     *
     * @throws BackOfficeAccessDeniedException with {@link BackOfficeAccessDeniedException#needsUkey()} when only
     *         the UKEY policy stands in the way
     */
    public BackOfficeUser requireDecider() {
        return guard.require(BackOfficeAction.APPROVE_SEAL);
    }

    /** The region codes whose units' impressions {@code reviewer} sees (empty: none). */
    public Set<String> scope(BackOfficeUser reviewer) {
        return reviewer.regionCode() == null ? Set.of() : regions.codesWithin(reviewer.regionCode());
    }

    /** Whether the impression's unit lies in {@code reviewer}'s region. */
    public boolean covers(BackOfficeUser reviewer, SealImpression impression) {
        return guard.covers(reviewer, impression.getRegionCode());
    }

    /** Refuses (and records) a decision about an impression outside the signed-in reviewer's region. */
    public void requireInScope(SealImpression impression) {
        guard.requireRegion(BackOfficeAction.APPROVE_SEAL, impression.getRegionCode());
    }
}

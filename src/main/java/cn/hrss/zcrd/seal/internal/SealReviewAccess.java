package cn.hrss.zcrd.seal.internal;

import cn.hrss.zcrd.account.AuthenticationMethod;
import cn.hrss.zcrd.account.BackOfficeAction;
import cn.hrss.zcrd.account.BackOfficeUser;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who may review seal impressions — the one place that says it, so it can follow the back office's shared rules
 * (region scope, the "needs a UKEY session" policy) when they exist:
 * <ul>
 *   <li>see the queue and the images: the roles of {@link BackOfficeAction#VIEW_SEALS} (人社局审核员);</li>
 *   <li>approve or reject: the roles of {@link BackOfficeAction#APPROVE_SEAL}, in a UKEY session (SPEC §1).</li>
 * </ul>
 */
public final class SealReviewAccess {

    private SealReviewAccess() {
    }

    /** The signed-in back-office user of the current thread, if any. */
    public static Optional<BackOfficeUser> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof BackOfficeUser user
                ? Optional.of(user) : Optional.empty();
    }

    public static boolean mayReview(BackOfficeUser user) {
        return BackOfficeAction.VIEW_SEALS.allowedFor(user.getRole());
    }

    public static boolean mayDecide(BackOfficeUser user) {
        return BackOfficeAction.APPROVE_SEAL.allowedFor(user.getRole()) && user.getMethod() == AuthenticationMethod.UKEY;
    }

    /** The current user if of a bureau role; otherwise access is denied (a portal session too). */
    public static BackOfficeUser requireReviewer() {
        return current().filter(SealReviewAccess::mayReview)
                .orElseThrow(() -> new AccessDeniedException("seal review needs a bureau back-office role"));
    }
}

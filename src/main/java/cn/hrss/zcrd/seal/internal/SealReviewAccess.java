package cn.hrss.zcrd.seal.internal;

import cn.hrss.zcrd.account.AuthenticationMethod;
import cn.hrss.zcrd.account.BackOfficeRole;
import cn.hrss.zcrd.account.BackOfficeUser;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who may review seal impressions — the one place that says it, so it can follow the back office's shared rules
 * (region scope, the "needs a UKEY session" policy) when they exist:
 * <ul>
 *   <li>see the queue and the images: a back-office user of a bureau role (系统管理员, 人社局审核员);</li>
 *   <li>approve or reject: the same, in a UKEY session (SPEC §1: the password fallback can look, not decide).</li>
 * </ul>
 */
public final class SealReviewAccess {

    static final Set<BackOfficeRole> BUREAU_ROLES = Set.of(BackOfficeRole.SYSTEM_ADMIN, BackOfficeRole.BUREAU_REVIEWER);

    private SealReviewAccess() {
    }

    /** The signed-in back-office user of the current thread, if any. */
    public static Optional<BackOfficeUser> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof BackOfficeUser user
                ? Optional.of(user) : Optional.empty();
    }

    public static boolean mayReview(BackOfficeUser user) {
        return BUREAU_ROLES.contains(user.getRole());
    }

    public static boolean mayDecide(BackOfficeUser user) {
        return mayReview(user) && user.getMethod() == AuthenticationMethod.UKEY;
    }

    /** The current user if of a bureau role; otherwise access is denied (a portal session too). */
    public static BackOfficeUser requireReviewer() {
        return current().filter(SealReviewAccess::mayReview)
                .orElseThrow(() -> new AccessDeniedException("seal review needs a bureau back-office role"));
    }
}

package cn.hrss.zcrd.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.hrss.zcrd.account.BackOfficeUser;
import cn.hrss.zcrd.shared.RefusedException;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The second person of a four-eyes request, for any module's tests: decides as another back-office user on this
 * thread, then gives the thread back to whoever was signed in. A bean of the shared test context
 * ({@code @Autowired}).
 */
public final class ApprovalFixtures {

    private final Approvals approvals;

    public ApprovalFixtures(Approvals approvals) {
        this.approvals = approvals;
    }

    /** {@code approver} approves (and so carries out) the request. */
    public Approvals.Approved approveAs(BackOfficeUser approver, ApprovalRequest request) {
        return as(approver, () -> approvals.carryOut(request.id()));
    }

    /** {@code decider} rejects the request with a reason: nothing of the action happens. */
    public ApprovalRequest rejectAs(BackOfficeUser decider, ApprovalRequest request, String why) {
        return as(decider, () -> approvals.reject(request.id(), why));
    }

    /** The requester cannot approve their own request (refused by the server, {@code approval.own}). */
    public void ownApprovalRefused(BackOfficeUser requester, ApprovalRequest request) {
        as(requester, () -> {
            assertThat(approvals.pending()).extracting(ApprovalRequest::id).doesNotContain(request.id());
            assertThatThrownBy(() -> approvals.approve(request.id()))
                    .isInstanceOfSatisfying(
                            RefusedException.class,
                            e -> assertThat(e.messageKey()).isEqualTo("approval.own"));
            return null;
        });
    }

    private static <T> T as(BackOfficeUser user, Supplier<T> work) {
        SecurityContext before = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(before);
        }
    }
}

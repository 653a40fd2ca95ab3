package cn.hrss.zcrd.approval.internal;

import cn.hrss.zcrd.account.BackOfficeAccessDeniedException;
import cn.hrss.zcrd.approval.ApprovalRequest;
import cn.hrss.zcrd.approval.Approvals;
import cn.hrss.zcrd.shared.BusinessTime;
import cn.hrss.zcrd.shared.FacesMessages;
import cn.hrss.zcrd.shared.InvalidInputException;
import cn.hrss.zcrd.shared.RefusedException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * 双人复核 ({@code /sdmanager/approvals.xhtml}): the pending requests the user may decide (who asked, when, why,
 * what will happen), approve, or reject with a reason; and the user's own requests waiting for someone else.
 * Deciding needs a UKEY session by default; a password session sees the list and why not.
 */
@Component("approvalsView")
@ViewScoped
public class ApprovalsView implements Serializable {

    private final Approvals approvals;
    private final BusinessTime time;
    private List<ApprovalRequest> pending;
    private List<ApprovalRequest> own;
    private Long rejecting;
    private String reason;
    private String handOver;

    ApprovalsView(Approvals approvals, BusinessTime time) {
        this.approvals = approvals;
        this.time = time;
        refresh();
    }

    private void refresh() {
        pending = approvals.pending();
        own = approvals.ownPending();
    }

    /** 批准 */
    public void approve(long requestId) {
        act(() -> {
            Approvals.Approved done = approvals.carryOut(requestId);
            handOver = done.handOver();
            FacesMessages.page(
                    FacesMessage.SEVERITY_INFO,
                    "approval.approved",
                    done.request().summary());
        });
    }

    /** Opens the rejection form for one request. */
    public void startReject(long requestId) {
        rejecting = requestId;
        reason = null;
    }

    /** 驳回 (with the reason) */
    public void reject() {
        if (rejecting == null) {
            return;
        }
        act(() -> {
            ApprovalRequest done = approvals.reject(rejecting, reason);
            FacesMessages.page(FacesMessage.SEVERITY_INFO, "approval.rejected", done.summary());
            rejecting = null;
        });
    }

    public void cancel() {
        rejecting = null;
    }

    private void act(Runnable action) {
        handOver = null;
        try {
            action.run();
        } catch (InvalidInputException e) {
            if (rejecting != null) {
                FacesMessages.atFields("reject-form", e.problems());
            } else {
                // the action's own input (e.g. a username taken meanwhile): not a field of this page
                e.problems()
                        .forEach(p -> FacesMessages.page(
                                FacesMessage.SEVERITY_ERROR,
                                p.messageKey(),
                                p.arguments().toArray()));
            }
        } catch (BackOfficeAccessDeniedException e) {
            FacesMessages.page(FacesMessage.SEVERITY_ERROR, e.refusal());
        } catch (RefusedException e) {
            FacesMessages.page(FacesMessage.SEVERITY_ERROR, e.refusal());
            rejecting = null;
        }
        refresh();
    }

    public String time(Instant instant) {
        return instant == null ? "" : time.minutes(instant);
    }

    public ApprovalRequest getRejectingRequest() {
        return rejecting == null
                ? null
                : pending.stream()
                        .filter(r -> r.id() == rejecting)
                        .findFirst()
                        .or(() -> own.stream().filter(r -> r.id() == rejecting).findFirst())
                        .orElse(null);
    }

    public List<ApprovalRequest> getPending() {
        return pending;
    }

    public List<ApprovalRequest> getOwn() {
        return own;
    }

    /** What the last approval gave to hand over (a new admin's one-time password), shown once. */
    public String getHandOver() {
        return handOver;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}

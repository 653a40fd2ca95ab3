package cn.hrss.zcrd.unit.internal;

import cn.hrss.zcrd.account.BackOfficeAccessDeniedException;
import cn.hrss.zcrd.approval.ApprovalRequest;
import cn.hrss.zcrd.shared.BusinessTime;
import cn.hrss.zcrd.shared.FacesMessages;
import cn.hrss.zcrd.shared.FieldProblem;
import cn.hrss.zcrd.shared.InvalidInputException;
import cn.hrss.zcrd.shared.RefusedException;
import cn.hrss.zcrd.shared.RequestedIds;
import cn.hrss.zcrd.unit.IssuingAuthorities;
import cn.hrss.zcrd.unit.IssuingAuthorityInfo;
import cn.hrss.zcrd.unit.IssuingAuthorityStatus;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * 权限管理 → 职称认定证书发放权限审核 ({@code /sdmanager/authority/review.xhtml}, bureau reviewers): the issuing-authority
 * applications of the reviewer's region, pending first, filtered by status; one opened ({@code ?application=id})
 * with 通过 / 驳回 and an opinion (驳回 requires one). The service checks every read and decision again
 * ({@link IssuingAuthorities#reviewQueue}, {@link IssuingAuthorities#review}); a session the UKEY policy does not
 * let decide sees the buttons greyed, and a decision it posts anyway is refused with the reason.
 */
@Component("authorityReview")
@ViewScoped
public class AuthorityReviewView extends ReviewQueuePage<IssuingAuthorityInfo, IssuingAuthorityStatus> {

    static final String PAGE = "/sdmanager/authority/review.xhtml";

    private final IssuingAuthorities authorities;
    private String opinion;
    private String withdrawReason;
    private String suspendReason;
    private String resumeReason;

    AuthorityReviewView(IssuingAuthorities authorities, BusinessTime businessTime) {
        super(businessTime, IssuingAuthorityStatus.class, "");
        this.authorities = authorities;
        Map<String, String> parameters =
                FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        String requestedStatus = parameters.get("status");
        if (requestedStatus != null
                && Arrays.stream(IssuingAuthorityStatus.values())
                        .anyMatch(s -> s.name().equals(requestedStatus))) {
            setStatus(requestedStatus);
        }
        search();
        Optional<Long> requested = RequestedIds.optional("application");
        if (requested.isPresent()) {
            select(RequestedIds.found(authorities.forReview(requested.get()), "issuing authority application"));
        }
    }

    /** 查询 (by status) */
    @Override
    public void search() {
        IssuingAuthorityStatus filter = getFormStatus();
        List<IssuingAuthorityInfo> rows = authorities.reviewQueue(filter);
        // the pending count is of the whole scope, whatever the filter shows
        List<IssuingAuthorityInfo> pending = filter == null || filter == IssuingAuthorityStatus.PENDING
                ? rows
                : authorities.reviewQueue(IssuingAuthorityStatus.PENDING);
        show(
                rows,
                pending.stream()
                        .filter(a -> a.status() == IssuingAuthorityStatus.PENDING)
                        .count());
    }

    @Override
    protected Optional<IssuingAuthorityInfo> reload(IssuingAuthorityInfo row) {
        return authorities.forReview(row.id());
    }

    /** The status of the filter as submitted (null: all; 导出Excel exports it). */
    public IssuingAuthorityStatus getFormStatus() {
        return statusFilter();
    }

    /** Decides and goes back to the list (redirected, so a reload decides nothing again), or says why not. */
    @Override
    protected String decide(boolean approve) {
        IssuingAuthorityInfo selected = getSelected();
        return decided(
                () -> {
                    boolean requested =
                            authorities.review(selected.id(), approve, opinion).isPresent();
                    return FacesMessages.infoAfterRedirect(
                            PAGE + "?faces-redirect=true",
                            requested
                                    ? "unit.authority.review.grant-requested"
                                    : approve ? "unit.authority.review.granted" : "unit.authority.review.rejected",
                            selected.unitName());
                },
                "opinion",
                key -> key.endsWith("-needs-opinion"));
    }

    /** 撤销 (reason required): requested for a second reviewer, or withdrawn at once; back to the list. */
    public String withdraw() {
        return change("withdraw", "unit.authority.withdraw", id -> authorities.withdraw(id, withdrawReason));
    }

    /** 暂停 (reason required), as 撤销. */
    public String suspend() {
        return change("suspend", "unit.authority.suspend", id -> authorities.suspend(id, suspendReason));
    }

    /** 恢复 (reason required), as 撤销. */
    public String resume() {
        return change("resume", "unit.authority.resume", id -> authorities.resume(id, resumeReason));
    }

    /** A change of a granted authority by the form {@code form}; messages {@code <prefix>.requested / .done}. */
    private String change(String form, String prefix, Function<Long, Optional<ApprovalRequest>> action) {
        IssuingAuthorityInfo selected = getSelected();
        if (selected == null) {
            return null;
        }
        try {
            boolean requested = action.apply(selected.id()).isPresent();
            return FacesMessages.infoAfterRedirect(
                    PAGE + "?faces-redirect=true", prefix + (requested ? ".requested" : ".done"), selected.unitName());
        } catch (BackOfficeAccessDeniedException e) {
            FacesMessages.page(FacesMessage.SEVERITY_ERROR, e.refusal());
        } catch (InvalidInputException e) {
            FacesMessages.atFields(
                    form,
                    e.problems().stream()
                            .map(p -> "opinion".equals(p.field())
                                    ? new FieldProblem("reason", p.messageKey(), p.arguments())
                                    : p)
                            .toList());
        } catch (RefusedException e) {
            FacesMessages.page(FacesMessage.SEVERITY_ERROR, e.refusal()); // wrong status, already pending
        } catch (org.springframework.security.access.AccessDeniedException e) {
            FacesMessages.page(FacesMessage.SEVERITY_ERROR, "backoffice.refused.scope");
        }
        return stay();
    }

    public boolean isSelectedPending() {
        return selectedIs(IssuingAuthorityStatus.PENDING);
    }

    public boolean isSelectedGranted() {
        return selectedIs(IssuingAuthorityStatus.GRANTED);
    }

    public boolean isSelectedSuspended() {
        return selectedIs(IssuingAuthorityStatus.SUSPENDED);
    }

    private boolean selectedIs(IssuingAuthorityStatus status) {
        return getSelected() != null && getSelected().status() == status;
    }

    public String getSuspendReason() {
        return suspendReason;
    }

    public void setSuspendReason(String suspendReason) {
        this.suspendReason = suspendReason;
    }

    public String getResumeReason() {
        return resumeReason;
    }

    public void setResumeReason(String resumeReason) {
        this.resumeReason = resumeReason;
    }

    public String getWithdrawReason() {
        return withdrawReason;
    }

    public void setWithdrawReason(String withdrawReason) {
        this.withdrawReason = withdrawReason;
    }

    public String getOpinion() {
        return opinion;
    }

    public void setOpinion(String opinion) {
        this.opinion = opinion;
    }
}

package cn.hrss.zcrd.seal.internal;

import cn.hrss.zcrd.seal.SealPlacement;
import cn.hrss.zcrd.shared.ApproveOrRejectPage;
import cn.hrss.zcrd.shared.BusinessTime;
import cn.hrss.zcrd.shared.FacesMessages;
import cn.hrss.zcrd.shared.NotFoundException;
import cn.hrss.zcrd.shared.RequestedIds;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * 印章管理 → 印章印模审核 (back office, bureau roles): the pending impressions with a preview; one of them opened
 * ({@code ?impression=id}) with its certificate mock-up, the version in force beside it, and 通过 / 驳回 with an
 * opinion (deciding needs a UKEY session; the page says so to a password session).
 */
@Component("sealReview")
@ViewScoped
public class SealReviewView extends ApproveOrRejectPage {

    private final SealImpressionDesk desk;
    private final BusinessTime businessTime;
    private final SealPlacement placement;
    private final boolean mayDecide;
    private List<SealImpression> queue;
    private long queueLength;
    private SealImpression selected;
    private SealImpression inForce;
    private String opinion;

    SealReviewView(SealImpressionDesk desk, BusinessTime businessTime) {
        this.desk = desk;
        this.businessTime = businessTime;
        this.mayDecide = desk.mayDecide();
        this.placement = desk.placement();
        loadQueue();
        Optional<Long> requested = RequestedIds.optional("impression");
        if (requested.isPresent()) {
            select(requested.get());
            if (selected == null) {
                throw new NotFoundException("seal impression");
            }
        }
    }

    /** Decides and goes back to the queue (redirected, so a reload decides nothing again), or says why not. */
    @Override
    protected String decide(boolean approve) {
        if (selected == null) {
            return null;
        }
        try {
            SealImpression decided =
                    approve ? desk.approve(selected.getId(), opinion) : desk.reject(selected.getId(), opinion);
            return FacesMessages.infoAfterRedirect(
                    "/sdmanager/seals.xhtml?faces-redirect=true",
                    approve ? "seal.review.approved" : "seal.review.rejected",
                    decided.getUnitName(),
                    decided.getSealVersion());
        } catch (SealImpressionException e) {
            FacesMessages.page(FacesMessage.SEVERITY_ERROR, e.refusal());
        } catch (cn.hrss.zcrd.account.BackOfficeAccessDeniedException e) {
            FacesMessages.page(FacesMessage.SEVERITY_ERROR, e.refusal());
        } catch (OptimisticLockingFailureException e) {
            FacesMessages.page(FacesMessage.SEVERITY_ERROR, "seal.review.concurrent");
        }
        select(selected.getId());
        loadQueue();
        return null;
    }

    private void select(long id) {
        selected = desk.forReview(id).orElse(null);
        inForce = selected == null
                ? null
                : desk.inForceForReview(selected.getUnitId())
                        .filter(s -> !s.getId().equals(selected.getId()))
                        .orElse(null);
    }

    private void loadQueue() {
        queue = desk.queue();
        queueLength = desk.queueLength();
    }

    public List<SealImpression> getQueue() {
        return queue;
    }

    public long getQueueLength() {
        return queueLength;
    }

    public SealImpression getSelected() {
        return selected;
    }

    public SealImpression getInForce() {
        return inForce;
    }

    public boolean isMayDecide() {
        return mayDecide;
    }

    public String time(Instant instant) {
        return businessTime.minutes(instant);
    }

    public String imageUrl(SealImpression impression) {
        return SealImageController.REVIEW_IMAGE + impression.getId();
    }

    public String previewUrl(SealImpression impression) {
        return SealImageController.REVIEW_PREVIEW + impression.getId();
    }

    public SealPlacement getPlacement() {
        return placement;
    }

    public String getOpinion() {
        return opinion;
    }

    public void setOpinion(String opinion) {
        this.opinion = opinion;
    }
}

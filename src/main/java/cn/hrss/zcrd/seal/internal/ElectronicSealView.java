package cn.hrss.zcrd.seal.internal;

import cn.hrss.zcrd.account.BackOfficeAccessDeniedException;
import cn.hrss.zcrd.shared.BusinessTime;
import cn.hrss.zcrd.shared.FacesMessages;
import cn.hrss.zcrd.shared.InvalidInputException;
import cn.hrss.zcrd.shared.RefusedException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import java.io.Serializable;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * 印章管理 → 电子印章 ({@code /sdmanager/seal/electronic.xhtml}): the electronic seals of the reviewer's region and
 * 吊销 with a reason (a UKEY session by default; a password session sees why it may not).
 */
@Component("electronicSeals")
@ViewScoped
public class ElectronicSealView implements Serializable {

    private final ElectronicSealDesk desk;
    private final BusinessTime businessTime;
    private final boolean mayRevoke;
    private List<ElectronicSealDesk.Listing> seals;
    private Long selectedId;
    private String reason;
    private String words;

    ElectronicSealView(ElectronicSealDesk desk, BusinessTime businessTime) {
        this.desk = desk;
        this.businessTime = businessTime;
        this.seals = desk.withinScope();
        this.mayRevoke = desk.mayRevoke();
    }

    /** Opens the revocation form for one seal. */
    public void select(long sealId) {
        selectedId = sealId;
        reason = null;
        words = null;
    }

    /** 吊销 */
    public void revoke() {
        if (selectedId == null) {
            return;
        }
        try {
            SealRevocationReason chosen =
                    reason == null || reason.isBlank() ? null : SealRevocationReason.valueOf(reason);
            if (desk.needsApproval()) {
                desk.requestRevocation(selectedId, chosen, words);
                FacesMessages.page(FacesMessage.SEVERITY_INFO, "eseal.revoke.requested");
            } else {
                ElectronicSealDesk.Listing revoked = desk.revoke(selectedId, chosen, words);
                FacesMessages.page(
                        FacesMessage.SEVERITY_INFO, "eseal.revoke.done", revoked.unitName(), revoked.sealVersion());
            }
            selectedId = null;
        } catch (InvalidInputException e) {
            FacesMessages.atFields("revoke-form", e.problems());
        } catch (BackOfficeAccessDeniedException e) {
            FacesMessages.page(FacesMessage.SEVERITY_ERROR, e.refusal());
        } catch (RefusedException e) {
            FacesMessages.page(FacesMessage.SEVERITY_ERROR, e.refusal());
            selectedId = null;
        } catch (OptimisticLockingFailureException e) {
            FacesMessages.page(FacesMessage.SEVERITY_ERROR, "eseal.revoke.not-active");
            selectedId = null;
        }
        seals = desk.withinScope();
    }

    public void cancel() {
        selectedId = null;
    }

    public ElectronicSealDesk.Listing getSelected() {
        return selectedId == null
                ? null
                : seals.stream().filter(s -> s.id() == selectedId).findFirst().orElse(null);
    }

    public List<SelectItem> getReasonOptions() {
        return Arrays.stream(SealRevocationReason.values())
                .map(r -> new SelectItem(r.name(), FacesMessages.text("eseal.reason." + r.name())))
                .toList();
    }

    public String reasonLabel(Integer crlReason) {
        return crlReason == null
                ? ""
                : Arrays.stream(SealRevocationReason.values())
                        .filter(r -> r.crlReason() == crlReason)
                        .findFirst()
                        .map(r -> FacesMessages.text("eseal.reason." + r.name()))
                        .orElse(String.valueOf(crlReason));
    }

    public String time(Instant instant) {
        return businessTime.minutes(instant);
    }

    public List<ElectronicSealDesk.Listing> getSeals() {
        return seals;
    }

    public boolean isMayRevoke() {
        return mayRevoke;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getWords() {
        return words;
    }

    public void setWords(String words) {
        this.words = words;
    }
}

package cn.hrss.zcrd.unit.internal;

import cn.hrss.zcrd.account.BackOfficeAccessDeniedException;
import cn.hrss.zcrd.account.BackOfficeGuard;
import cn.hrss.zcrd.catalog.Regions;
import cn.hrss.zcrd.shared.BusinessTime;
import cn.hrss.zcrd.shared.FacesMessages;
import cn.hrss.zcrd.shared.InvalidInputException;
import cn.hrss.zcrd.shared.RequestedIds;
import cn.hrss.zcrd.unit.Unit;
import cn.hrss.zcrd.unit.UnitDataChangeInfo;
import cn.hrss.zcrd.unit.UnitDataCorrections;
import cn.hrss.zcrd.unit.UnitDirectory;
import cn.hrss.zcrd.unit.UnitSummary;
import cn.hrss.zcrd.unit.UnitVerificationInfo;
import cn.hrss.zcrd.unit.UnitVerificationStatus;
import cn.hrss.zcrd.unit.UnitVerifications;
import cn.hrss.zcrd.unit.Units;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * 单位管理 → 单位注册审核 ({@code /sdmanager/units/verification.xhtml}, bureau reviewers): the units of the reviewer's
 * region, pending first, filtered by status; one opened ({@code ?unit=id}) with 审核通过 / 驳回 and a reason (驳回
 * requires one, the unit sees it). The service checks every read and decision again
 * ({@link UnitVerifications#queue}, {@link UnitVerifications#forReview}, {@link UnitVerifications#review}): a unit of
 * another region is refused even when its id is typed in.
 */
@Component("unitVerification")
@ViewScoped
public class UnitVerificationView extends ReviewQueuePage<UnitVerificationInfo, UnitVerificationStatus> {

    static final String PAGE = "/sdmanager/units/verification.xhtml";

    private final UnitVerifications verifications;
    private String reason;
    private final RegionCascade dataRegion;
    private final CompetentUnitPicker dataCompetent;
    private String dataReason;
    private List<UnitDataChangeInfo> dataHistory = List.of();
    private final UnitDataCorrections corrections;
    private final BackOfficeGuard guard;

    UnitVerificationView(
            UnitVerifications verifications,
            UnitDataCorrections corrections,
            Units units,
            Regions regions,
            UnitDirectory directory,
            BackOfficeGuard guard,
            BusinessTime time) {
        super(time, UnitVerificationStatus.class, UnitVerificationStatus.PENDING.name());
        this.verifications = verifications;
        this.corrections = corrections;
        this.dataRegion = new RegionCascade(regions);
        this.dataCompetent = new CompetentUnitPicker(directory);
        this.guard = guard;
        Map<String, String> parameters =
                FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        String requestedStatus = parameters.get("status");
        if (requestedStatus != null
                && (requestedStatus.isEmpty()
                        || Arrays.stream(UnitVerificationStatus.values())
                                .anyMatch(s -> s.name().equals(requestedStatus)))) {
            setStatus(requestedStatus);
        }
        search();
        Optional<Long> requested = RequestedIds.optional("unit");
        if (requested.isPresent()) {
            // another region's unit: refused (and recorded) by the service, the page answers 403 with the reason
            UnitVerificationInfo selected = RequestedIds.found(verifications.forReview(requested.get()), "unit");
            select(selected);
            dataHistory = corrections.history(selected.unitId());
            // the correction form starts from the unit's current region and competent department
            dataRegion.show(selected.regionCode());
            dataCompetent.show(units.find(selected.unitId())
                    .map(Unit::getCompetentUnitId)
                    .flatMap(directory::find)
                    .orElse(null));
        }
    }

    /** 更正所在地区和主管部门 (reason required); back to the unit, now showing the new values and the history row. */
    public String correctData() {
        UnitVerificationInfo selected = getSelected();
        if (selected == null) {
            return null;
        }
        try {
            UnitSummary competent = dataCompetent.getChosen();
            UnitDataChangeInfo change = corrections.correct(
                    selected.unitId(),
                    dataRegion.getRegionCode(),
                    competent == null ? null : competent.creditCode(),
                    dataReason);
            FacesMessages.page(FacesMessage.SEVERITY_INFO, "unit.data.corrected", selected.name());
            FacesMessages.keepForRedirect();
            if (!guard.covers(change.newRegionCode())) {
                // moved to another bureau's region: its page is no longer this reviewer's (it would answer 403)
                FacesMessages.page(FacesMessage.SEVERITY_INFO, "unit.data.moved-away", change.newRegionName());
                return PAGE + "?faces-redirect=true&status=";
            }
            return PAGE + "?faces-redirect=true&status=&unit=" + selected.unitId();
        } catch (BackOfficeAccessDeniedException e) {
            FacesMessages.page(FacesMessage.SEVERITY_ERROR, e.reasonKey());
        } catch (InvalidInputException e) {
            FacesMessages.atFields("data", e.problems());
        }
        return null;
    }

    public List<UnitDataChangeInfo> getDataHistory() {
        return dataHistory;
    }

    /** The new region, picked province → city → county from the directory. */
    public RegionCascade getDataRegion() {
        return dataRegion;
    }

    /** The new competent department, picked from the unit directory (none chosen: none). */
    public CompetentUnitPicker getDataCompetent() {
        return dataCompetent;
    }

    public String getDataReason() {
        return dataReason;
    }

    public void setDataReason(String dataReason) {
        this.dataReason = dataReason;
    }

    /** 查询 (by status) */
    @Override
    public void search() {
        show(verifications.queue(statusFilter()), verifications.pendingCount());
    }

    @Override
    protected Optional<UnitVerificationInfo> reload(UnitVerificationInfo row) {
        return verifications.forReview(row.unitId());
    }

    /** Decides and goes back to the list (redirected, so a reload decides nothing again), or says why not. */
    @Override
    protected String decide(boolean approve) {
        UnitVerificationInfo selected = getSelected();
        return decided(
                () -> {
                    verifications.review(selected.unitId(), approve, reason);
                    return FacesMessages.infoAfterRedirect(
                            PAGE + "?faces-redirect=true",
                            approve ? "unit.verification.review.verified" : "unit.verification.review.rejected",
                            selected.name());
                },
                "reason",
                "unit.verification.error.reason-required"::equals);
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}

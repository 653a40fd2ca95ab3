package cn.hrss.zcrd.unit.internal;

import cn.hrss.zcrd.account.CurrentPortalUser;
import cn.hrss.zcrd.account.PortalAccountKind;
import cn.hrss.zcrd.shared.BusinessTime;
import cn.hrss.zcrd.shared.FacesMessages;
import cn.hrss.zcrd.shared.InvalidInputException;
import cn.hrss.zcrd.unit.ReportingPathInfo;
import cn.hrss.zcrd.unit.ReportingPathStatus;
import cn.hrss.zcrd.unit.ReportingPaths;
import cn.hrss.zcrd.unit.UnitRuleException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import java.io.Serializable;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * 上报路径审核: the paths other units applied for to this unit; 通过 makes one 已生效, 驳回 (with an opinion)
 * refuses it. Only paths addressed to this unit are listed — and the service refuses any other.
 */
@Component("pathReview")
@ViewScoped
public class PathReviewView implements Serializable {

    private final ReportingPaths paths;
    private final BusinessTime businessTime;
    private final Map<Long, String> opinions = new HashMap<>();
    private List<ReportingPathInfo> addressed;

    PathReviewView(ReportingPaths paths, BusinessTime businessTime) {
        this.paths = paths;
        this.businessTime = businessTime;
        reload();
    }

    private void reload() {
        addressed = paths.addressedToMe(CurrentPortalUser.requireKind(PortalAccountKind.UNIT));
    }

    /** 通过 */
    public void approve(long pathId) {
        decide(pathId, true);
    }

    /** 驳回 */
    public void reject(long pathId) {
        decide(pathId, false);
    }

    private void decide(long pathId, boolean approve) {
        String opinion = opinions.get(pathId);
        try {
            if (approve) {
                paths.approve(pathId, CurrentPortalUser.requireKind(PortalAccountKind.UNIT), opinion);
            } else {
                paths.reject(pathId, CurrentPortalUser.requireKind(PortalAccountKind.UNIT), opinion);
            }
            FacesMessages.page(FacesMessage.SEVERITY_INFO, approve ? "unit.path.approved" : "unit.path.rejected");
            opinions.remove(pathId);
        } catch (UnitRuleException e) {
            FacesMessages.page(FacesMessage.SEVERITY_ERROR, e.refusal());
        } catch (InvalidInputException e) {
            FacesMessages.page(FacesMessage.SEVERITY_ERROR, e.firstAsRefusal());
        } catch (AccessDeniedException e) {
            FacesMessages.page(FacesMessage.SEVERITY_ERROR, "unit.path.error.not-superior");
        }
        reload();
    }

    public boolean pending(ReportingPathInfo path) {
        return path.status() == ReportingPathStatus.PENDING;
    }

    public String time(Instant instant) {
        return businessTime.minutes(instant);
    }

    public List<ReportingPathInfo> getAddressed() {
        return addressed;
    }

    public Map<Long, String> getOpinions() {
        return opinions;
    }
}

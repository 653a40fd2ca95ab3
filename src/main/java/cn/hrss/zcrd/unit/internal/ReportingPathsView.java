package cn.hrss.zcrd.unit.internal;

import cn.hrss.zcrd.account.CurrentPortalUser;
import cn.hrss.zcrd.account.PortalAccountKind;
import cn.hrss.zcrd.account.PortalUser;
import cn.hrss.zcrd.shared.BusinessTime;
import cn.hrss.zcrd.shared.FacesMessages;
import cn.hrss.zcrd.shared.InvalidInputException;
import cn.hrss.zcrd.unit.BusinessType;
import cn.hrss.zcrd.unit.IssuingAuthorities;
import cn.hrss.zcrd.unit.IssuingAuthorityInfo;
import cn.hrss.zcrd.unit.PathApplication;
import cn.hrss.zcrd.unit.ReportingPathInfo;
import cn.hrss.zcrd.unit.ReportingPaths;
import cn.hrss.zcrd.unit.UnitDirectory;
import cn.hrss.zcrd.unit.UnitPage;
import cn.hrss.zcrd.unit.UnitRuleException;
import cn.hrss.zcrd.unit.UnitSummary;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * 上报路径申请: the unit's reporting paths with their status, 新增 (superior unit from the directory by fuzzy name
 * search, level, series, business type), and the entry to 职称认定证书发放申请 — greyed while an application is
 * pending or granted, with its status.
 */
@Component("reportingPathsView")
@ViewScoped
public class ReportingPathsView implements Serializable {

    static final int PICKER_PAGE_SIZE = 10;

    private final ReportingPaths paths;
    private final IssuingAuthorities authorities;
    private final UnitDirectory directory;
    private final BusinessTime businessTime;
    private List<ReportingPathInfo> mine;
    private IssuingAuthorityInfo authority;
    private boolean mayApplyForAuthority;
    private boolean adding;
    private String superiorSearch;
    private UnitPage superiorResults;
    private UnitSummary superior;
    private String levelCode;
    private String seriesCode;
    private BusinessType businessType = BusinessType.FULL_TIME_RECOGNITION;

    ReportingPathsView(
            ReportingPaths paths, IssuingAuthorities authorities, UnitDirectory directory, BusinessTime businessTime) {
        this.paths = paths;
        this.authorities = authorities;
        this.directory = directory;
        this.businessTime = businessTime;
        reload();
    }

    private void reload() {
        PortalUser user = user();
        mine = paths.mine(user);
        authority = authorities.latest(user).orElse(null);
        mayApplyForAuthority = authorities.mayApply(user);
    }

    /** 新增: opens the form. */
    public void add() {
        adding = true;
    }

    /** 取消 */
    public void cancel() {
        adding = false;
        clearForm();
    }

    public void searchSuperior() {
        superiorResults = directory.search(superiorSearch, 0, PICKER_PAGE_SIZE);
    }

    public void superiorPage(int page) {
        superiorResults = directory.search(superiorSearch, page, PICKER_PAGE_SIZE);
    }

    public void chooseSuperior(UnitSummary unit) {
        superior = unit;
        superiorResults = null;
    }

    public void clearSuperior() {
        superior = null;
    }

    /** 保存: the new path, 未生效. */
    public void save() {
        try {
            paths.apply(
                    user(),
                    new PathApplication(superior == null ? null : superior.id(), levelCode, seriesCode, businessType));
            FacesMessages.page(FacesMessage.SEVERITY_INFO, "unit.path.saved");
            adding = false;
            clearForm();
            reload();
        } catch (InvalidInputException e) {
            FacesMessages.atFields("paths", e.problems());
        } catch (UnitRuleException e) {
            FacesMessages.page(FacesMessage.SEVERITY_ERROR, e.refusal());
        }
    }

    private void clearForm() {
        superiorSearch = null;
        superiorResults = null;
        superior = null;
        levelCode = null;
        seriesCode = null;
        businessType = BusinessType.FULL_TIME_RECOGNITION;
    }

    public String time(Instant instant) {
        return businessTime.minutes(instant);
    }

    public List<ReportingPathInfo> getMine() {
        return mine;
    }

    public IssuingAuthorityInfo getAuthority() {
        return authority;
    }

    public boolean isMayApplyForAuthority() {
        return mayApplyForAuthority;
    }

    public boolean isAdding() {
        return adding;
    }

    public BusinessType[] getBusinessTypes() {
        return BusinessType.values();
    }

    public String getSuperiorSearch() {
        return superiorSearch;
    }

    public void setSuperiorSearch(String superiorSearch) {
        this.superiorSearch = superiorSearch;
    }

    public UnitPage getSuperiorResults() {
        return superiorResults;
    }

    public UnitSummary getSuperior() {
        return superior;
    }

    public boolean isHasPreviousPage() {
        return superiorResults != null && superiorResults.page() > 0;
    }

    public boolean isHasNextPage() {
        return superiorResults != null
                && (long) (superiorResults.page() + 1) * superiorResults.size() < superiorResults.total();
    }

    public String getLevelCode() {
        return levelCode;
    }

    public void setLevelCode(String levelCode) {
        this.levelCode = levelCode;
    }

    public String getSeriesCode() {
        return seriesCode;
    }

    public void setSeriesCode(String seriesCode) {
        this.seriesCode = seriesCode;
    }

    public BusinessType getBusinessType() {
        return businessType;
    }

    public void setBusinessType(BusinessType businessType) {
        this.businessType = businessType;
    }

    private static PortalUser user() {
        return CurrentPortalUser.requireKind(PortalAccountKind.UNIT);
    }
}

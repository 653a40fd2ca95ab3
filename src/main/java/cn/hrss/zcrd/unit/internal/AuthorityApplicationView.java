package cn.hrss.zcrd.unit.internal;

import cn.hrss.zcrd.account.CurrentPortalUser;
import cn.hrss.zcrd.account.PortalAccountKind;
import cn.hrss.zcrd.account.PortalUser;
import cn.hrss.zcrd.catalog.Bureau;
import cn.hrss.zcrd.catalog.Level;
import cn.hrss.zcrd.shared.BusinessTime;
import cn.hrss.zcrd.shared.FacesMessages;
import cn.hrss.zcrd.shared.InvalidInputException;
import cn.hrss.zcrd.unit.IssuingAuthorities;
import cn.hrss.zcrd.unit.IssuingAuthorityInfo;
import cn.hrss.zcrd.unit.UnitRuleException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * 职称认定证书发放申请: certificate level(s) and 所属机构 (a bureau over the unit's region, its city's first) → 保存;
 * the application goes to that bureau. While it is pending or granted the button is greyed and the status shown.
 */
@Component("authorityApplication")
@ViewScoped
public class AuthorityApplicationView implements Serializable {

    private final IssuingAuthorities authorities;
    private final BusinessTime businessTime;
    private final List<Bureau> bureaus;
    private List<Level> levels;
    private List<IssuingAuthorityInfo> applications;
    private List<String> levelCodes = new ArrayList<>();
    private String bureauCode;
    private IssuingAuthorityInfo latest;
    private boolean mayApply;

    AuthorityApplicationView(IssuingAuthorities authorities, BusinessTime businessTime) {
        this.authorities = authorities;
        this.businessTime = businessTime;
        PortalUser user = user();
        this.bureaus = authorities.bureausFor(user);
        this.bureauCode = bureaus.isEmpty() ? null : bureaus.get(0).code();
        reload();
    }

    private void reload() {
        PortalUser user = user();
        latest = authorities.latest(user).orElse(null);
        mayApply = authorities.mayApply(user);
        // after a grant only the levels not held yet are offered (SUSPENDED and GRANTED ones are held)
        levels = authorities.levelsToApplyFor(user);
        applications = authorities.applications(user);
    }

    /** 保存 */
    public void save() {
        try {
            authorities.apply(user(), levelCodes, bureauCode);
            FacesMessages.page(FacesMessage.SEVERITY_INFO, "unit.authority.saved");
            levelCodes = new ArrayList<>();
        } catch (InvalidInputException e) {
            FacesMessages.atFields("authority", e.problems());
        } catch (UnitRuleException e) {
            FacesMessages.page(FacesMessage.SEVERITY_ERROR, e.refusal());
        }
        reload();
    }

    public String time(Instant instant) {
        return businessTime.minutes(instant);
    }

    public List<Bureau> getBureaus() {
        return bureaus;
    }

    public List<Level> getLevels() {
        return levels;
    }

    public List<String> getLevelCodes() {
        return levelCodes;
    }

    public void setLevelCodes(List<String> levelCodes) {
        this.levelCodes = levelCodes == null ? new ArrayList<>() : new ArrayList<>(levelCodes);
    }

    public String getBureauCode() {
        return bureauCode;
    }

    public void setBureauCode(String bureauCode) {
        this.bureauCode = bureauCode;
    }

    public List<IssuingAuthorityInfo> getApplications() {
        return applications;
    }

    public IssuingAuthorityInfo getLatest() {
        return latest;
    }

    public boolean isMayApply() {
        return mayApply;
    }

    private static PortalUser user() {
        return CurrentPortalUser.requireKind(PortalAccountKind.UNIT);
    }
}

package cn.hrss.zcrd.unit.internal;

import cn.hrss.zcrd.account.RegistrationThrottle;
import cn.hrss.zcrd.catalog.Regions;
import cn.hrss.zcrd.shared.Captcha;
import cn.hrss.zcrd.shared.ConfirmationStep;
import cn.hrss.zcrd.shared.FacesRequests;
import cn.hrss.zcrd.shared.NewPassword;
import cn.hrss.zcrd.unit.UnitDirectory;
import cn.hrss.zcrd.unit.UnitRegistration;
import cn.hrss.zcrd.unit.UnitType;
import cn.hrss.zcrd.unit.Units;
import jakarta.faces.view.ViewScoped;
import java.io.Serializable;
import org.springframework.stereotype.Component;

/**
 * 单位注册: fill in (region by city and district, competent department picked from the unit directory) →
 * 立即注册 shows the data to confirm → 确认注册 creates the unit and its login.
 */
@Component("unitRegistration")
@ViewScoped
public class UnitRegistrationView implements Serializable {

    private final Units units;
    private final RegistrationThrottle throttle;

    private String name;
    private String creditCode;
    private UnitType unitType;
    private final UnitContact contact = new UnitContact();
    private final NewPassword newPassword = new NewPassword();
    private final RegionCascade region;
    private final CompetentUnitPicker competent;
    private final ConfirmationStep step = new ConfirmationStep("reg");

    UnitRegistrationView(Units units, Regions regions, UnitDirectory directory, RegistrationThrottle throttle) {
        this.units = units;
        this.throttle = throttle;
        this.region = new RegionCascade(regions);
        this.competent = new CompetentUnitPicker(directory);
    }

    /** 所在地区: province or city, then county. */
    public RegionCascade getRegion() {
        return region;
    }

    /** 主管部门 from the unit directory. */
    public CompetentUnitPicker getCompetent() {
        return competent;
    }

    public UnitType[] getUnitTypes() {
        return UnitType.values();
    }

    /** 立即注册 */
    public void review() {
        step.review(() -> throttle.check(
                FacesRequests.clientAddress(),
                FacesRequests.parameter(Captcha.FIELD),
                () -> units.check(form()),
                "creditcode.taken"));
    }

    /** 返回修改 */
    public void edit() {
        step.edit();
    }

    /** 确认注册 */
    public String confirm() {
        return step.confirm(
                () -> units.register(form()), "/rsrc/login.xhtml?faces-redirect=true&registered=true&kind=unit");
    }

    private UnitRegistration form() {
        return new UnitRegistration(
                name,
                creditCode == null ? null : creditCode.strip().toUpperCase(),
                region.getRegionCode(),
                unitType,
                competent.getChosen() == null ? null : competent.getChosen().id(),
                contact.getContactPerson(),
                contact.getPhone(),
                newPassword.getPassword(),
                newPassword.getConfirmation());
    }

    public boolean isConfirming() {
        return step.isConfirming();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getCreditCode() {
        return creditCode;
    }

    public void setCreditCode(String creditCode) {
        this.creditCode = creditCode;
    }

    public UnitType getUnitType() {
        return unitType;
    }

    public void setUnitType(UnitType unitType) {
        this.unitType = unitType;
    }

    public NewPassword getNewPassword() {
        return newPassword;
    }

    public UnitContact getContact() {
        return contact;
    }
}

package cn.hrss.zcrd.unit.internal;

import cn.hrss.zcrd.account.CurrentPortalUser;
import cn.hrss.zcrd.account.PortalAccountKind;
import cn.hrss.zcrd.catalog.Regions;
import cn.hrss.zcrd.shared.FacesMessages;
import cn.hrss.zcrd.shared.InvalidInputException;
import cn.hrss.zcrd.unit.Unit;
import cn.hrss.zcrd.unit.UnitDirectory;
import cn.hrss.zcrd.unit.Units;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import java.io.Serializable;
import org.springframework.stereotype.Component;

/** 单位信息: the registered data (fixed) and the contact data (changeable). */
@Component("unitProfile")
@ViewScoped
public class UnitProfileView implements Serializable {

    private final transient Units units;
    private final Unit unit;
    private final String regionPath;
    private final String competentUnitName;
    private String contactPerson;
    private String phone;

    UnitProfileView(Units units, Regions regions, UnitDirectory directory) {
        this.units = units;
        this.unit = units.ofAccount(
                CurrentPortalUser.requireKind(PortalAccountKind.UNIT).accountId());
        this.regionPath = regions.displayPath(unit.getRegionCode());
        this.competentUnitName = unit.getCompetentUnitId() == null
                ? ""
                : directory.find(unit.getCompetentUnitId()).map(u -> u.name()).orElse("");
        this.contactPerson = unit.getContactPerson();
        this.phone = unit.getPhone();
    }

    public void save() {
        try {
            units.changeContact(
                    CurrentPortalUser.requireKind(PortalAccountKind.UNIT).accountId(), contactPerson, phone);
            FacesMessages.page(FacesMessage.SEVERITY_INFO, "profile.saved");
        } catch (InvalidInputException e) {
            FacesMessages.atFields("profile", e.problems());
        }
    }

    public Unit getUnit() {
        return unit;
    }

    public String getRegionPath() {
        return regionPath;
    }

    public String getCompetentUnitName() {
        return competentUnitName;
    }

    public String getContactPerson() {
        return contactPerson;
    }

    public void setContactPerson(String contactPerson) {
        this.contactPerson = contactPerson;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }
}

package cn.hrss.zcrd.unit.internal;

import cn.hrss.zcrd.account.BackOfficeAccounts;
import cn.hrss.zcrd.account.CurrentPortalUser;
import cn.hrss.zcrd.account.PortalAccountKind;
import cn.hrss.zcrd.account.PortalUser;
import cn.hrss.zcrd.account.UkeyLoginAddress;
import cn.hrss.zcrd.account.UnitOperatorUkey;
import cn.hrss.zcrd.catalog.Regions;
import cn.hrss.zcrd.shared.BusinessTime;
import cn.hrss.zcrd.shared.FacesMessages;
import cn.hrss.zcrd.shared.InvalidInputException;
import cn.hrss.zcrd.unit.IssuingAuthorities;
import cn.hrss.zcrd.unit.Unit;
import cn.hrss.zcrd.unit.UnitDirectory;
import cn.hrss.zcrd.unit.UnitRuleException;
import cn.hrss.zcrd.unit.UnitVerificationInfo;
import cn.hrss.zcrd.unit.UnitVerifications;
import cn.hrss.zcrd.unit.Units;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import java.io.Serializable;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * 单位信息: the registered data (fixed) and the contact data (changeable); where the bureau's verification stands
 * (单位注册审核: pending, or rejected with the bureau's reason) and, while rejected, a form to correct name, region
 * and contact data and submit again ({@link UnitVerifications#resubmit}). Once the unit holds issuing authority:
 * its back-office access (后台发证账号与UKEY) — the UKEY login address, whether its operator account and UKEY exist
 * and what to do next. No password is ever shown here (the operator account is UKEY-only).
 */
@Component("unitProfile")
@ViewScoped
public class UnitProfileView implements Serializable {

    private final Units units;
    private final UnitVerifications verifications;
    private final BusinessTime businessTime;
    private final Unit unit;
    private final String regionPath;
    private final String competentUnitName;
    private UnitVerificationInfo verification;
    private final UnitContact contact;
    private String correctedName;
    private final RegionCascade correctedRegion;
    private final UnitOperatorUkey operatorUkey;
    private final String ukeyUrl;

    UnitProfileView(
            Units units,
            Regions regions,
            UnitDirectory directory,
            UnitVerifications verifications,
            BusinessTime businessTime,
            IssuingAuthorities authorities,
            BackOfficeAccounts backOfficeAccounts,
            UkeyLoginAddress ukeyLoginAddress) {
        this.units = units;
        this.verifications = verifications;
        this.businessTime = businessTime;
        PortalUser user = CurrentPortalUser.requireKind(PortalAccountKind.UNIT);
        this.unit = units.ofAccount(user.accountId());
        this.verification = verifications.mine(user);
        this.correctedName = unit.getName();
        this.correctedRegion = new RegionCascade(regions);
        correctedRegion.show(unit.getRegionCode());
        this.regionPath = regions.displayPath(unit.getRegionCode());
        this.competentUnitName = unit.getCompetentUnitId() == null
                ? ""
                : directory.find(unit.getCompetentUnitId()).map(u -> u.name()).orElse("");
        this.contact = new UnitContact(unit.getContactPerson(), unit.getPhone());
        this.operatorUkey =
                authorities.heldLevels(unit.getId()).isEmpty() ? null : backOfficeAccounts.operatorUkey(unit.getId());
        this.ukeyUrl = ukeyLoginAddress.url();
    }

    public void save() {
        try {
            units.changeContact(
                    CurrentPortalUser.requireKind(PortalAccountKind.UNIT).accountId(),
                    contact.getContactPerson(),
                    contact.getPhone());
            FacesMessages.page(FacesMessage.SEVERITY_INFO, "profile.saved");
        } catch (InvalidInputException e) {
            FacesMessages.atFields("profile", e.problems());
        }
    }

    /** 重新提交审核: the corrected data goes to the bureau again (redirected, so a reload submits nothing). */
    public String resubmit() {
        try {
            verifications.resubmit(
                    CurrentPortalUser.requireKind(PortalAccountKind.UNIT),
                    correctedName,
                    correctedRegion.getRegionCode(),
                    contact.getContactPerson(),
                    contact.getPhone());
            return FacesMessages.infoAfterRedirect(
                    "/rsrc/unit/profile.xhtml?faces-redirect=true", "unit.verification.resubmitted");
        } catch (InvalidInputException e) {
            FacesMessages.atFields("resubmit", e.problems());
        } catch (UnitRuleException e) {
            FacesMessages.page(FacesMessage.SEVERITY_ERROR, e.refusal());
            verification = verifications.mine(CurrentPortalUser.requireKind(PortalAccountKind.UNIT));
        }
        return null;
    }

    /** The corrected region (registration's cascade), starting from the unit's. */
    public RegionCascade getCorrectedRegion() {
        return correctedRegion;
    }

    public String time(Instant instant) {
        return businessTime.minutes(instant);
    }

    /** The unit's back-office access while it holds issuing authority, else null (nothing shown). */
    public UnitOperatorUkey getOperatorUkey() {
        return operatorUkey;
    }

    /** The UKEY's end of validity as shown, or empty. */
    public String getOperatorUkeyValidUntil() {
        return operatorUkey == null || operatorUkey.validUntil() == null
                ? ""
                : businessTime.day(operatorUkey.validUntil());
    }

    public String getUkeyUrl() {
        return ukeyUrl;
    }

    public UnitVerificationInfo getVerification() {
        return verification;
    }

    public String getCorrectedName() {
        return correctedName;
    }

    public void setCorrectedName(String correctedName) {
        this.correctedName = correctedName;
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

    public UnitContact getContact() {
        return contact;
    }
}

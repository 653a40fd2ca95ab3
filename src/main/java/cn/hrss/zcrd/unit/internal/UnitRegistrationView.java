package cn.hrss.zcrd.unit.internal;

import cn.hrss.zcrd.account.RegistrationThrottle;
import cn.hrss.zcrd.catalog.Region;
import cn.hrss.zcrd.catalog.Regions;
import cn.hrss.zcrd.shared.Captcha;
import cn.hrss.zcrd.shared.ConfirmationStep;
import cn.hrss.zcrd.shared.FacesMessages;
import cn.hrss.zcrd.shared.FacesRequests;
import cn.hrss.zcrd.shared.RefusedException;
import cn.hrss.zcrd.unit.UnitDirectory;
import cn.hrss.zcrd.unit.UnitPage;
import cn.hrss.zcrd.unit.UnitRegistration;
import cn.hrss.zcrd.unit.UnitSummary;
import cn.hrss.zcrd.unit.UnitType;
import cn.hrss.zcrd.unit.Units;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import java.io.Serializable;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * 单位注册: fill in (region by city and district, competent department picked from the unit directory) →
 * 立即注册 shows the data to confirm → 确认注册 creates the unit and its login.
 */
@Component("unitRegistration")
@ViewScoped
public class UnitRegistrationView implements Serializable {

    static final int PICKER_PAGE_SIZE = 10;

    private final transient Units units;
    private final transient Regions regions;
    private final transient UnitDirectory directory;
    private final transient RegistrationThrottle throttle;

    private String name;
    private String creditCode;
    private String cityCode;
    private String districtCode;
    private UnitType unitType;
    private String contactPerson;
    private String phone;
    private String password;
    private String passwordConfirmation;
    private String competentSearch;
    private UnitSummary competentUnit;
    private UnitPage competentResults;
    private final ConfirmationStep step = new ConfirmationStep("reg");

    UnitRegistrationView(Units units, Regions regions, UnitDirectory directory, RegistrationThrottle throttle) {
        this.units = units;
        this.regions = regions;
        this.directory = directory;
        this.throttle = throttle;
    }

    /** The cities of the province, the province itself first (省直属单位). */
    public List<Region> getCities() {
        return regions.children(regions.province().code());
    }

    public Region getProvince() {
        return regions.province();
    }

    public List<Region> getDistricts() {
        return cityCode == null || cityCode.equals(regions.province().code()) ? List.of() : regions.children(cityCode);
    }

    /** ajax: a new city empties the district. */
    public void cityChanged() {
        districtCode = null;
    }

    public String getRegionCode() {
        return districtCode != null && !districtCode.isBlank() ? districtCode : cityCode;
    }

    public String getRegionPath() {
        return getRegionCode() == null ? "" : regions.displayPath(getRegionCode());
    }

    public UnitType[] getUnitTypes() {
        return UnitType.values();
    }

    /** 查询: the directory's first page for the text typed. */
    public void searchCompetent() {
        competentResults = directory.search(competentSearch, 0, PICKER_PAGE_SIZE);
    }

    public void competentPage(int page) {
        competentResults = directory.search(competentSearch, page, PICKER_PAGE_SIZE);
    }

    public void chooseCompetent(UnitSummary unit) {
        competentUnit = unit;
        competentResults = null;
    }

    public void clearCompetent() {
        competentUnit = null;
    }

    /** 立即注册 */
    public void review() {
        try {
            step.review(throttle.check(
                    FacesRequests.clientAddress(),
                    FacesRequests.parameter(Captcha.FIELD),
                    () -> units.check(form()),
                    "creditcode.taken"));
        } catch (RefusedException overBudget) {
            FacesMessages.page(FacesMessage.SEVERITY_ERROR, overBudget.refusal());
        }
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
                getRegionCode(),
                unitType,
                competentUnit == null ? null : competentUnit.id(),
                contactPerson,
                phone,
                password,
                passwordConfirmation);
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

    public String getCityCode() {
        return cityCode;
    }

    public void setCityCode(String cityCode) {
        this.cityCode = cityCode;
    }

    public String getDistrictCode() {
        return districtCode;
    }

    public void setDistrictCode(String districtCode) {
        this.districtCode = districtCode;
    }

    public UnitType getUnitType() {
        return unitType;
    }

    public void setUnitType(UnitType unitType) {
        this.unitType = unitType;
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

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getPasswordConfirmation() {
        return passwordConfirmation;
    }

    public void setPasswordConfirmation(String passwordConfirmation) {
        this.passwordConfirmation = passwordConfirmation;
    }

    public String getCompetentSearch() {
        return competentSearch;
    }

    public void setCompetentSearch(String competentSearch) {
        this.competentSearch = competentSearch;
    }

    public UnitSummary getCompetentUnit() {
        return competentUnit;
    }

    public UnitPage getCompetentResults() {
        return competentResults;
    }

    public boolean isHasPreviousPage() {
        return competentResults != null && competentResults.page() > 0;
    }

    public boolean isHasNextPage() {
        return competentResults != null
                && (long) (competentResults.page() + 1) * competentResults.size() < competentResults.total();
    }
}

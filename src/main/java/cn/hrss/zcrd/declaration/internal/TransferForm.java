package cn.hrss.zcrd.declaration.internal;

import cn.hrss.zcrd.catalog.Level;
import cn.hrss.zcrd.catalog.Series;
import cn.hrss.zcrd.catalog.Title;
import cn.hrss.zcrd.catalog.TitleCatalog;
import cn.hrss.zcrd.declaration.TitleObtainedBy;
import cn.hrss.zcrd.declaration.TransferInfo;
import cn.hrss.zcrd.unit.UnitDirectory;
import cn.hrss.zcrd.unit.UnitSummary;
import java.time.LocalDate;
import java.util.List;

/**
 * The transfer-in form (外地调入确认 → 新增, and the 基本信息 module of its details page) as a page edits it: the
 * cascade 职称系列 / 职称级别 → 职称名称 → 专业 from the catalog, the declaring unit chosen in the {@link UnitPicker}.
 * What it offers is a convenience; the service checks every value again.
 */
public final class TransferForm extends TitleChoiceForm {

    private String seriesCode;
    private TitleObtainedBy obtainedBy;
    private String issuingAuthority;
    private String authorityProvince;
    private String certificateNumber;
    private LocalDate obtainedOn;
    private String previousUnit;
    private String previousProvince;
    private LocalDate transferDate;

    TransferForm(TitleCatalog catalog, UnitDirectory directory) {
        super(catalog, directory);
    }

    /** The form filled with a stored declaration's transfer data. */
    static TransferForm of(TitleCatalog catalog, UnitDirectory directory, TransferInfo t, String declaringUnitName) {
        TransferForm form = new TransferForm(catalog, directory);
        form.seriesCode = t.seriesCode();
        form.chosen(t.levelCode(), t.titleId(), t.specialtyId(), t.declaringUnitId(), declaringUnitName);
        form.obtainedBy = t.obtainedBy();
        form.issuingAuthority = t.issuingAuthority();
        form.authorityProvince = t.authorityProvince();
        form.certificateNumber = t.certificateNumber();
        form.obtainedOn = t.obtainedOn();
        form.previousUnit = t.previousUnit();
        form.previousProvince = t.previousProvince();
        form.transferDate = t.transferDate();
        return form;
    }

    TransferInfo toTransferInfo() {
        return new TransferInfo(
                seriesCode,
                getLevelCode(),
                getTitleId(),
                getSpecialtyId(),
                obtainedBy,
                issuingAuthority,
                authorityProvince,
                certificateNumber,
                obtainedOn,
                previousUnit,
                previousProvince,
                transferDate,
                getDeclaringUnitId());
    }

    /** 确定 in the unit picker: the chosen unit becomes the declaring unit. */
    public void confirmUnit() {
        UnitSummary unit = getPicker().getSelected();
        if (unit != null) {
            declaringUnit(unit.id(), unit.name());
        }
        getPicker().close();
    }

    // ------------------------------------------------------------------------------------------------- cascades

    public List<Series> getSeriesList() {
        return catalog().series();
    }

    /** Every level: a title held may be of any level. */
    public List<Level> getLevels() {
        return catalog().levels().stream().filter(Level::enabled).toList();
    }

    /** 职称名称 of the chosen series and level. */
    public List<Title> getTitles() {
        return seriesCode == null || getLevelCode() == null
                ? List.of()
                : catalog().titles(getLevelCode(), seriesCode);
    }

    public TitleObtainedBy[] getObtainedByValues() {
        return TitleObtainedBy.values();
    }

    /** ajax: a new series or level empties the title and specialty that no longer fit. */
    public void cascadeChanged() {
        if (getTitleId() != null && getTitles().stream().noneMatch(t -> t.id() == getTitleId())) {
            setTitleId(null);
        }
        titleChanged();
    }

    // -------------------------------------------------------------------------------------------------- fields

    public String getSeriesCode() {
        return seriesCode;
    }

    public void setSeriesCode(String seriesCode) {
        this.seriesCode = seriesCode;
    }

    public TitleObtainedBy getObtainedBy() {
        return obtainedBy;
    }

    public void setObtainedBy(TitleObtainedBy obtainedBy) {
        this.obtainedBy = obtainedBy;
    }

    public String getIssuingAuthority() {
        return issuingAuthority;
    }

    public void setIssuingAuthority(String issuingAuthority) {
        this.issuingAuthority = issuingAuthority;
    }

    public String getAuthorityProvince() {
        return authorityProvince;
    }

    public void setAuthorityProvince(String authorityProvince) {
        this.authorityProvince = authorityProvince;
    }

    public String getCertificateNumber() {
        return certificateNumber;
    }

    public void setCertificateNumber(String certificateNumber) {
        this.certificateNumber = certificateNumber;
    }

    public LocalDate getObtainedOn() {
        return obtainedOn;
    }

    public void setObtainedOn(LocalDate obtainedOn) {
        this.obtainedOn = obtainedOn;
    }

    public String getPreviousUnit() {
        return previousUnit;
    }

    public void setPreviousUnit(String previousUnit) {
        this.previousUnit = previousUnit;
    }

    public String getPreviousProvince() {
        return previousProvince;
    }

    public void setPreviousProvince(String previousProvince) {
        this.previousProvince = previousProvince;
    }

    public LocalDate getTransferDate() {
        return transferDate;
    }

    public void setTransferDate(LocalDate transferDate) {
        this.transferDate = transferDate;
    }
}

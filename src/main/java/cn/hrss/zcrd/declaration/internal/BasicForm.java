package cn.hrss.zcrd.declaration.internal;

import cn.hrss.zcrd.catalog.DeclarationMethod;
import cn.hrss.zcrd.catalog.Education;
import cn.hrss.zcrd.catalog.Level;
import cn.hrss.zcrd.catalog.Series;
import cn.hrss.zcrd.catalog.Title;
import cn.hrss.zcrd.catalog.TitleCatalog;
import cn.hrss.zcrd.declaration.BasicInfo;
import cn.hrss.zcrd.unit.UnitDirectory;
import cn.hrss.zcrd.unit.UnitSummary;
import jakarta.faces.model.SelectItem;
import jakarta.faces.model.SelectItemGroup;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The basic form (新增申报信息, and the 基本信息 module of 详细) as a page edits it: the cascade 申报级别 → 申报职称 →
 * 现从事专业 and 申报方式 from the catalog, the declaring and work unit chosen in the {@link UnitPicker}. What it
 * offers is a convenience; the service checks every value against the catalog again.
 */
public final class BasicForm extends TitleChoiceForm {

    /** Unit picker targets. */
    public static final String DECLARING_UNIT = "declaringUnitId";

    public static final String WORK_UNIT = "workUnitId";

    private final int currentYear;

    private Integer declarationYear;
    private Long declarationMethodId;
    private Boolean declaringUnitIsWorkUnit = Boolean.TRUE;
    private Long workUnitId;
    private String workUnitName;
    private LocalDate workStartDate;
    private LocalDate professionalWorkStartDate;
    private String graduationSchool;
    private LocalDate graduationDate;
    private Education education;
    private String majorStudied;
    private String currentPosition;

    BasicForm(TitleCatalog catalog, UnitDirectory directory, int currentYear) {
        super(catalog, directory);
        this.currentYear = currentYear;
        this.declarationYear = currentYear;
    }

    /** The form filled with a stored declaration's basic data and its unit names. */
    static BasicForm of(
            TitleCatalog catalog,
            UnitDirectory directory,
            int currentYear,
            BasicInfo basic,
            String declaringUnitName,
            String workUnitName) {
        BasicForm form = new BasicForm(catalog, directory, currentYear);
        form.declarationYear = basic.declarationYear();
        form.chosen(
                basic.levelCode(), basic.titleId(), basic.specialtyId(), basic.declaringUnitId(), declaringUnitName);
        form.declarationMethodId = basic.declarationMethodId();
        form.declaringUnitIsWorkUnit = basic.declaringUnitIsWorkUnit();
        form.workUnitId = basic.workUnitId();
        form.workUnitName = workUnitName;
        form.workStartDate = basic.workStartDate();
        form.professionalWorkStartDate = basic.professionalWorkStartDate();
        form.graduationSchool = basic.graduationSchool();
        form.graduationDate = basic.graduationDate();
        form.education = basic.education();
        form.majorStudied = basic.majorStudied();
        form.currentPosition = basic.currentPosition();
        return form;
    }

    /** What is sent to the service (a work unit only when the declaring unit is not the work unit). */
    BasicInfo toBasicInfo() {
        boolean atWorkUnit = !Boolean.FALSE.equals(declaringUnitIsWorkUnit);
        return new BasicInfo(
                declarationYear,
                getLevelCode(),
                getTitleId(),
                getSpecialtyId(),
                declarationMethodId,
                getDeclaringUnitId(),
                declaringUnitIsWorkUnit,
                atWorkUnit ? null : workUnitId,
                workStartDate,
                professionalWorkStartDate,
                graduationSchool,
                graduationDate,
                education,
                majorStudied,
                currentPosition);
    }

    /** 确定 in the unit picker: the chosen unit becomes the declaring or the work unit. */
    public void confirmUnit() {
        UnitSummary unit = getPicker().getSelected();
        if (unit == null) {
            return;
        }
        if (WORK_UNIT.equals(getPicker().getTarget())) {
            workUnitId = unit.id();
            workUnitName = unit.name();
        } else {
            declaringUnit(unit.id(), unit.name());
        }
        getPicker().close();
    }

    // ------------------------------------------------------------------------------------------------- cascades

    /** 申报年度: last year, this year and next year (what the service accepts). */
    public List<Integer> getYears() {
        return List.of(currentYear - 1, currentYear, currentYear + 1);
    }

    /** 申报级别: the levels full-time recognition grants. */
    public List<Level> getLevels() {
        return catalog().fullTimeRecognitionLevels();
    }

    /** 申报职称 of the chosen level, grouped by series. */
    public List<SelectItem> getTitles() {
        List<SelectItem> groups = new ArrayList<>();
        if (getLevelCode() == null) {
            return groups;
        }
        for (Map.Entry<Series, List<Title>> e :
                catalog().titlesBySeries(getLevelCode()).entrySet()) {
            SelectItem[] titles = e.getValue().stream()
                    .map(t -> new SelectItem(t.id(), t.name()))
                    .toArray(SelectItem[]::new);
            groups.add(new SelectItemGroup(e.getKey().name(), null, false, titles));
        }
        return groups;
    }

    /** 申报方式 that entitle to the chosen level. */
    public List<DeclarationMethod> getMethods() {
        return getLevelCode() == null ? List.of() : catalog().declarationMethods(getLevelCode());
    }

    public Education[] getEducations() {
        return Education.values();
    }

    /** ajax: a new level empties title, specialty and a method that does not fit it. */
    public void levelChanged() {
        setTitleId(null);
        setSpecialtyId(null);
        if (declarationMethodId != null && getMethods().stream().noneMatch(m -> m.id() == declarationMethodId)) {
            declarationMethodId = null;
        }
    }

    /** The series of the chosen title, shown beside it. */
    public String getSeriesName() {
        return getTitleId() == null
                ? null
                : catalog()
                        .findTitle(getTitleId())
                        .flatMap(t -> catalog().findSeries(t.seriesCode()))
                        .map(Series::name)
                        .orElse(null);
    }

    /** Whether 工作单位 is asked for (是否是工作单位 = 否). */
    public boolean isWorkUnitRequired() {
        return Boolean.FALSE.equals(declaringUnitIsWorkUnit);
    }

    // -------------------------------------------------------------------------------------------------- fields

    public Integer getDeclarationYear() {
        return declarationYear;
    }

    public void setDeclarationYear(Integer declarationYear) {
        this.declarationYear = declarationYear;
    }

    public Long getDeclarationMethodId() {
        return declarationMethodId;
    }

    public void setDeclarationMethodId(Long declarationMethodId) {
        this.declarationMethodId = declarationMethodId;
    }

    public Boolean getDeclaringUnitIsWorkUnit() {
        return declaringUnitIsWorkUnit;
    }

    public void setDeclaringUnitIsWorkUnit(Boolean declaringUnitIsWorkUnit) {
        this.declaringUnitIsWorkUnit = declaringUnitIsWorkUnit;
    }

    public Long getWorkUnitId() {
        return workUnitId;
    }

    public String getWorkUnitName() {
        return workUnitName;
    }

    public LocalDate getWorkStartDate() {
        return workStartDate;
    }

    public void setWorkStartDate(LocalDate workStartDate) {
        this.workStartDate = workStartDate;
    }

    public LocalDate getProfessionalWorkStartDate() {
        return professionalWorkStartDate;
    }

    public void setProfessionalWorkStartDate(LocalDate professionalWorkStartDate) {
        this.professionalWorkStartDate = professionalWorkStartDate;
    }

    public String getGraduationSchool() {
        return graduationSchool;
    }

    public void setGraduationSchool(String graduationSchool) {
        this.graduationSchool = graduationSchool;
    }

    public LocalDate getGraduationDate() {
        return graduationDate;
    }

    public void setGraduationDate(LocalDate graduationDate) {
        this.graduationDate = graduationDate;
    }

    public Education getEducation() {
        return education;
    }

    public void setEducation(Education education) {
        this.education = education;
    }

    public String getMajorStudied() {
        return majorStudied;
    }

    public void setMajorStudied(String majorStudied) {
        this.majorStudied = majorStudied;
    }

    public String getCurrentPosition() {
        return currentPosition;
    }

    public void setCurrentPosition(String currentPosition) {
        this.currentPosition = currentPosition;
    }
}

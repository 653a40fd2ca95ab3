package cn.hrss.zcrd.declaration.internal;

import cn.hrss.zcrd.catalog.DeclarationMethod;
import cn.hrss.zcrd.catalog.Education;
import cn.hrss.zcrd.catalog.Level;
import cn.hrss.zcrd.catalog.Series;
import cn.hrss.zcrd.catalog.Specialty;
import cn.hrss.zcrd.catalog.Title;
import cn.hrss.zcrd.catalog.TitleCatalog;
import cn.hrss.zcrd.declaration.BasicInfo;
import cn.hrss.zcrd.unit.UnitDirectory;
import cn.hrss.zcrd.unit.UnitSummary;
import jakarta.faces.model.SelectItem;
import jakarta.faces.model.SelectItemGroup;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The basic form (新增申报信息, and the 基本信息 module of 详细) as a page edits it: the cascade 申报级别 → 申报职称 →
 * 现从事专业 and 申报方式 from the catalog, the declaring and work unit chosen in the {@link UnitPicker}. What it
 * offers is a convenience; the service checks every value against the catalog again.
 */
public final class BasicForm implements Serializable {

    /** Unit picker targets. */
    public static final String DECLARING_UNIT = "declaringUnitId";

    public static final String WORK_UNIT = "workUnitId";

    private final TitleCatalog catalog;
    private final UnitPicker picker;
    private final int currentYear;

    private Integer declarationYear;
    private String levelCode;
    private Long titleId;
    private Long specialtyId;
    private Long declarationMethodId;
    private Long declaringUnitId;
    private String declaringUnitName;
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
        this.catalog = catalog;
        this.picker = new UnitPicker(directory);
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
        form.levelCode = basic.levelCode();
        form.titleId = basic.titleId();
        form.specialtyId = basic.specialtyId();
        form.declarationMethodId = basic.declarationMethodId();
        form.declaringUnitId = basic.declaringUnitId();
        form.declaringUnitName = declaringUnitName;
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
                levelCode,
                titleId,
                specialtyId,
                declarationMethodId,
                declaringUnitId,
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
        UnitSummary unit = picker.getSelected();
        if (unit == null) {
            return;
        }
        if (WORK_UNIT.equals(picker.getTarget())) {
            workUnitId = unit.id();
            workUnitName = unit.name();
        } else {
            declaringUnitId = unit.id();
            declaringUnitName = unit.name();
        }
        picker.close();
    }

    // ------------------------------------------------------------------------------------------------- cascades

    /** 申报年度: last year, this year and next year (what the service accepts). */
    public List<Integer> getYears() {
        return List.of(currentYear - 1, currentYear, currentYear + 1);
    }

    /** 申报级别: the levels full-time recognition grants. */
    public List<Level> getLevels() {
        return catalog.fullTimeRecognitionLevels();
    }

    /** 申报职称 of the chosen level, grouped by series. */
    public List<SelectItem> getTitles() {
        List<SelectItem> groups = new ArrayList<>();
        if (levelCode == null) {
            return groups;
        }
        for (Map.Entry<Series, List<Title>> e :
                catalog.titlesBySeries(levelCode).entrySet()) {
            SelectItem[] titles = e.getValue().stream()
                    .map(t -> new SelectItem(t.id(), t.name()))
                    .toArray(SelectItem[]::new);
            groups.add(new SelectItemGroup(e.getKey().name(), null, false, titles));
        }
        return groups;
    }

    /** 现从事专业 the chosen title offers. */
    public List<Specialty> getSpecialties() {
        return titleId == null ? List.of() : catalog.specialties(titleId);
    }

    /** 申报方式 that entitle to the chosen level. */
    public List<DeclarationMethod> getMethods() {
        return levelCode == null ? List.of() : catalog.declarationMethods(levelCode);
    }

    public Education[] getEducations() {
        return Education.values();
    }

    /** ajax: a new level empties title, specialty and a method that does not fit it. */
    public void levelChanged() {
        titleId = null;
        specialtyId = null;
        if (declarationMethodId != null && getMethods().stream().noneMatch(m -> m.id() == declarationMethodId)) {
            declarationMethodId = null;
        }
    }

    /** ajax: a new title empties a specialty it does not offer. */
    public void titleChanged() {
        if (specialtyId != null && getSpecialties().stream().noneMatch(s -> s.id() == specialtyId)) {
            specialtyId = null;
        }
    }

    /** The series of the chosen title, shown beside it. */
    public String getSeriesName() {
        return titleId == null
                ? null
                : catalog.findTitle(titleId)
                        .flatMap(t -> catalog.findSeries(t.seriesCode()))
                        .map(Series::name)
                        .orElse(null);
    }

    /** Whether 工作单位 is asked for (是否是工作单位 = 否). */
    public boolean isWorkUnitRequired() {
        return Boolean.FALSE.equals(declaringUnitIsWorkUnit);
    }

    public UnitPicker getPicker() {
        return picker;
    }

    // -------------------------------------------------------------------------------------------------- fields

    public Integer getDeclarationYear() {
        return declarationYear;
    }

    public void setDeclarationYear(Integer declarationYear) {
        this.declarationYear = declarationYear;
    }

    public String getLevelCode() {
        return levelCode;
    }

    public void setLevelCode(String levelCode) {
        this.levelCode = levelCode;
    }

    public Long getTitleId() {
        return titleId;
    }

    public void setTitleId(Long titleId) {
        this.titleId = titleId;
    }

    public Long getSpecialtyId() {
        return specialtyId;
    }

    public void setSpecialtyId(Long specialtyId) {
        this.specialtyId = specialtyId;
    }

    public Long getDeclarationMethodId() {
        return declarationMethodId;
    }

    public void setDeclarationMethodId(Long declarationMethodId) {
        this.declarationMethodId = declarationMethodId;
    }

    public Long getDeclaringUnitId() {
        return declaringUnitId;
    }

    public String getDeclaringUnitName() {
        return declaringUnitName;
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

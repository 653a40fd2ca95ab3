package cn.hrss.zcrd.declaration.internal;

import cn.hrss.zcrd.catalog.Specialty;
import cn.hrss.zcrd.catalog.TitleCatalog;
import cn.hrss.zcrd.unit.UnitDirectory;
import java.io.Serializable;
import java.util.List;

/**
 * What the declaration forms ({@link BasicForm}, {@link TransferForm}) share: 级别 → 职称 → 专业 chosen from the catalog
 * (a new title empties a specialty it does not offer) and the declaring unit chosen in the {@link UnitPicker}.
 */
public abstract class TitleChoiceForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private final TitleCatalog catalog;
    private final UnitPicker picker;

    private String levelCode;
    private Long titleId;
    private Long specialtyId;
    private Long declaringUnitId;
    private String declaringUnitName;

    TitleChoiceForm(TitleCatalog catalog, UnitDirectory directory) {
        this.catalog = catalog;
        this.picker = new UnitPicker(directory);
    }

    final TitleCatalog catalog() {
        return catalog;
    }

    /** Fills the choice from stored data. */
    final void chosen(String level, Long title, Long specialty, Long unitId, String unitName) {
        levelCode = level;
        titleId = title;
        specialtyId = specialty;
        declaringUnit(unitId, unitName);
    }

    final void declaringUnit(Long unitId, String unitName) {
        declaringUnitId = unitId;
        declaringUnitName = unitName;
    }

    /** 现从事专业 / 专业 the chosen title offers. */
    public List<Specialty> getSpecialties() {
        return titleId == null ? List.of() : catalog.specialties(titleId);
    }

    /** ajax: a new title empties a specialty it does not offer. */
    public void titleChanged() {
        if (specialtyId != null && getSpecialties().stream().noneMatch(s -> s.id() == specialtyId)) {
            specialtyId = null;
        }
    }

    public UnitPicker getPicker() {
        return picker;
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

    public Long getDeclaringUnitId() {
        return declaringUnitId;
    }

    public String getDeclaringUnitName() {
        return declaringUnitName;
    }
}

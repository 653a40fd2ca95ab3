package cn.hrss.zcrd.catalog.internal;

import cn.hrss.zcrd.catalog.DeclarationMethod;
import cn.hrss.zcrd.catalog.Education;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.util.Map;

/** Table {@code declaration_method}; read into {@link DeclarationMethod}. */
@Entity
@Table(name = "declaration_method")
class DeclarationMethodRow extends CatalogRow {

    @Column(name = "level_id", nullable = false)
    private Long levelId;

    @Enumerated(EnumType.STRING)
    @Column(name = "required_education", nullable = false, length = 32)
    private Education requiredEducation;

    @Column(name = "required_years", nullable = false)
    private int requiredYears;

    protected DeclarationMethodRow() {}

    DeclarationMethod toDeclarationMethod(Map<Long, String> levelCodes) {
        return new DeclarationMethod(
                id,
                code,
                name,
                CatalogLoader.code(levelCodes, levelId, this),
                requiredEducation,
                requiredYears,
                sortOrder,
                enabled);
    }
}

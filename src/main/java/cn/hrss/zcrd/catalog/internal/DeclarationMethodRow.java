package cn.hrss.zcrd.catalog.internal;

import cn.hrss.zcrd.catalog.DeclarationMethod;
import cn.hrss.zcrd.catalog.Education;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Map;

/** Table {@code declaration_method}; read into {@link DeclarationMethod}. */
@Entity
@Table(name = "declaration_method")
class DeclarationMethodRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "code", nullable = false, unique = true, length = 32)
    private String code;

    @Column(name = "name", nullable = false, length = 100)
    private String name;

    @Column(name = "level_id", nullable = false)
    private Long levelId;

    @Enumerated(EnumType.STRING)
    @Column(name = "required_education", nullable = false, length = 32)
    private Education requiredEducation;

    @Column(name = "required_years", nullable = false)
    private int requiredYears;

    @Column(name = "sort_order", nullable = false)
    private int sortOrder;

    @Column(name = "enabled", nullable = false)
    private boolean enabled = true;

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

    @Override
    public String toString() {
        return "declaration_method " + code;
    }
}

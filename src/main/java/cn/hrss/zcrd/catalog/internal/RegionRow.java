package cn.hrss.zcrd.catalog.internal;

import cn.hrss.zcrd.catalog.Region;
import cn.hrss.zcrd.catalog.RegionKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/** Table {@code region}; read into {@link Region}. */
@Entity
@Table(name = "region")
class RegionRow extends CatalogRow {

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 16)
    private RegionKind kind;

    @Column(name = "parent_code", length = 12)
    private String parentCode;

    protected RegionRow() {}

    Region toRegion() {
        return new Region(code, name, kind, parentCode, sortOrder, enabled);
    }
}

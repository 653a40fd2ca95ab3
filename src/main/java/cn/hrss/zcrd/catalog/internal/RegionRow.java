package cn.hrss.zcrd.catalog.internal;

import cn.hrss.zcrd.catalog.Region;
import cn.hrss.zcrd.catalog.RegionKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Table {@code region}; read into {@link Region}. */
@Entity
@Table(name = "region")
class RegionRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "code", nullable = false, unique = true, length = 12)
    private String code;

    @Column(name = "name", nullable = false, length = 64)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 16)
    private RegionKind kind;

    @Column(name = "parent_code", length = 12)
    private String parentCode;

    @Column(name = "sort_order", nullable = false)
    private int sortOrder;

    @Column(name = "enabled", nullable = false)
    private boolean enabled = true;

    protected RegionRow() {}

    Region toRegion() {
        return new Region(code, name, kind, parentCode, sortOrder, enabled);
    }
}

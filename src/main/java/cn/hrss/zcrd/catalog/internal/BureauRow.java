package cn.hrss.zcrd.catalog.internal;

import cn.hrss.zcrd.catalog.Bureau;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Table {@code bureau}; read into {@link Bureau}. */
@Entity
@Table(name = "bureau")
class BureauRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "code", nullable = false, unique = true, length = 32)
    private String code;

    @Column(name = "name", nullable = false, length = 100)
    private String name;

    @Column(name = "region_code", nullable = false, unique = true, length = 12)
    private String regionCode;

    @Column(name = "sort_order", nullable = false)
    private int sortOrder;

    @Column(name = "enabled", nullable = false)
    private boolean enabled = true;

    protected BureauRow() {}

    Bureau toBureau() {
        return new Bureau(id, code, name, regionCode, sortOrder, enabled);
    }
}

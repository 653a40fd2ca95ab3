package cn.hrss.zcrd.catalog.internal;

import cn.hrss.zcrd.catalog.Bureau;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** Table {@code bureau}; read into {@link Bureau}. */
@Entity
@Table(name = "bureau")
class BureauRow extends CatalogRow {

    @Column(name = "region_code", nullable = false, unique = true, length = 12)
    private String regionCode;

    protected BureauRow() {}

    Bureau toBureau() {
        return new Bureau(id, code, name, regionCode, sortOrder, enabled);
    }
}

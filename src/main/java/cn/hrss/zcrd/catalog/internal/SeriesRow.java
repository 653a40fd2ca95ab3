package cn.hrss.zcrd.catalog.internal;

import cn.hrss.zcrd.catalog.Series;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** Table {@code title_series}; read into {@link Series}. */
@Entity
@Table(name = "title_series")
class SeriesRow extends CatalogRow {

    protected SeriesRow() {}

    Series toSeries() {
        return new Series(id, code, name, sortOrder, enabled);
    }
}

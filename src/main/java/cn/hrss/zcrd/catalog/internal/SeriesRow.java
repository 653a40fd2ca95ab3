package cn.hrss.zcrd.catalog.internal;

import cn.hrss.zcrd.catalog.Series;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Table {@code title_series}; read into {@link Series}. */
@Entity
@Table(name = "title_series")
class SeriesRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "code", nullable = false, unique = true, length = 32)
    private String code;

    @Column(name = "name", nullable = false, length = 64)
    private String name;

    @Column(name = "sort_order", nullable = false)
    private int sortOrder;

    @Column(name = "enabled", nullable = false)
    private boolean enabled = true;

    protected SeriesRow() {}

    Long getId() {
        return id;
    }

    String getCode() {
        return code;
    }

    Series toSeries() {
        return new Series(id, code, name, sortOrder, enabled);
    }
}

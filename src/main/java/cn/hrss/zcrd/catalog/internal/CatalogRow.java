package cn.hrss.zcrd.catalog.internal;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Table;

/**
 * What every reference table has (SPEC §3): an id, a stable code, a name, a sort order and an enabled flag — rows
 * are disabled, never deleted. The rows are only read (into the catalog's records), so the columns' sizes stay
 * with the migrations.
 */
@MappedSuperclass
abstract class CatalogRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    protected Long id;

    @Column(name = "code", nullable = false, unique = true)
    protected String code;

    @Column(name = "name", nullable = false)
    protected String name;

    @Column(name = "sort_order", nullable = false)
    protected int sortOrder;

    @Column(name = "enabled", nullable = false)
    protected boolean enabled = true;

    protected CatalogRow() {}

    Long getId() {
        return id;
    }

    String getCode() {
        return code;
    }

    /** The table and the code, as a missing reference names its referrer. */
    @Override
    public String toString() {
        return getClass().getAnnotation(Table.class).name() + " " + code;
    }
}

package cn.hrss.zcrd.catalog.internal;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The shared version of the reference data ({@code reference_data_version}): raised by every edit inside the edit's
 * transaction, read by each node to learn that another node changed the data.
 */
@Component
public class CatalogVersion {

    private final JdbcTemplate jdbc;

    CatalogVersion(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Raises the version; call it in the transaction of the edit, so the edit and the new version commit together. */
    public void raise() {
        jdbc.update("UPDATE reference_data_version SET version = version + 1 WHERE id = 1");
    }

    /** The committed version. */
    public long current() {
        Long version = jdbc.queryForObject("SELECT version FROM reference_data_version WHERE id = 1", Long.class);
        return version == null ? 0 : version;
    }
}

package cn.hrss.zcrd.catalog.internal;

import cn.hrss.zcrd.catalog.Level;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** Table {@code title_level}; read into {@link Level}. */
@Entity
@Table(name = "title_level")
class LevelRow extends CatalogRow {

    @Column(name = "full_time_recognition", nullable = false)
    private boolean fullTimeRecognition;

    protected LevelRow() {}

    Level toLevel() {
        return new Level(id, code, name, fullTimeRecognition, sortOrder, enabled);
    }
}

package cn.hrss.zcrd.catalog.internal;

import cn.hrss.zcrd.catalog.Level;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Table {@code title_level}; read into {@link Level}. */
@Entity
@Table(name = "title_level")
class LevelRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "code", nullable = false, unique = true, length = 32)
    private String code;

    @Column(name = "name", nullable = false, length = 32)
    private String name;

    @Column(name = "full_time_recognition", nullable = false)
    private boolean fullTimeRecognition;

    @Column(name = "sort_order", nullable = false)
    private int sortOrder;

    @Column(name = "enabled", nullable = false)
    private boolean enabled = true;

    protected LevelRow() {}

    Long getId() {
        return id;
    }

    String getCode() {
        return code;
    }

    Level toLevel() {
        return new Level(id, code, name, fullTimeRecognition, sortOrder, enabled);
    }
}

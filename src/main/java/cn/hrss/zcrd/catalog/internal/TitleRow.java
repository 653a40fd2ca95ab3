package cn.hrss.zcrd.catalog.internal;

import cn.hrss.zcrd.catalog.Title;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Map;

/** Table {@code title}; read into {@link Title}. */
@Entity
@Table(name = "title")
class TitleRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "code", nullable = false, unique = true, length = 64)
    private String code;

    @Column(name = "series_id", nullable = false)
    private Long seriesId;

    @Column(name = "level_id", nullable = false)
    private Long levelId;

    @Column(name = "track_id")
    private Long trackId;

    @Column(name = "name", nullable = false, length = 64)
    private String name;

    @Column(name = "sort_order", nullable = false)
    private int sortOrder;

    @Column(name = "enabled", nullable = false)
    private boolean enabled = true;

    protected TitleRow() {}

    Title toTitle(Map<Long, String> levelCodes, Map<Long, String> seriesCodes, Map<Long, String> trackCodes) {
        return new Title(
                id,
                code,
                name,
                CatalogLoader.code(levelCodes, levelId, this),
                CatalogLoader.code(seriesCodes, seriesId, this),
                trackId == null ? null : CatalogLoader.code(trackCodes, trackId, this),
                sortOrder,
                enabled);
    }

    @Override
    public String toString() {
        return "title " + code;
    }
}

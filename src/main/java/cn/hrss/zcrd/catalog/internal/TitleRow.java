package cn.hrss.zcrd.catalog.internal;

import cn.hrss.zcrd.catalog.Title;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.Map;

/** Table {@code title}; read into {@link Title}. */
@Entity
@Table(name = "title")
class TitleRow extends CatalogRow {

    @Column(name = "series_id", nullable = false)
    private Long seriesId;

    @Column(name = "level_id", nullable = false)
    private Long levelId;

    @Column(name = "track_id")
    private Long trackId;

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
}

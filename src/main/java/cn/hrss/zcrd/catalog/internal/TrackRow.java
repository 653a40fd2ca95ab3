package cn.hrss.zcrd.catalog.internal;

import cn.hrss.zcrd.catalog.Track;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.Map;

/** Table {@code title_track}; read into {@link Track}. */
@Entity
@Table(name = "title_track")
class TrackRow extends CatalogRow {

    // Foreign keys as plain ids: the loader reads whole tables and joins them in memory.
    @Column(name = "series_id", nullable = false)
    private Long seriesId;

    protected TrackRow() {}

    Track toTrack(Map<Long, String> seriesCodes) {
        return new Track(id, code, CatalogLoader.code(seriesCodes, seriesId, this), name, sortOrder, enabled);
    }
}

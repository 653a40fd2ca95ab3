package cn.hrss.zcrd.catalog.internal;

import cn.hrss.zcrd.catalog.Track;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Map;

/** Table {@code title_track}; read into {@link Track}. */
@Entity
@Table(name = "title_track")
class TrackRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "code", nullable = false, unique = true, length = 32)
    private String code;

    // Foreign keys as plain ids: the loader reads whole tables and joins them in memory.
    @Column(name = "series_id", nullable = false)
    private Long seriesId;

    @Column(name = "name", nullable = false, length = 64)
    private String name;

    @Column(name = "sort_order", nullable = false)
    private int sortOrder;

    @Column(name = "enabled", nullable = false)
    private boolean enabled = true;

    protected TrackRow() {}

    Long getId() {
        return id;
    }

    String getCode() {
        return code;
    }

    Track toTrack(Map<Long, String> seriesCodes) {
        return new Track(id, code, CatalogLoader.code(seriesCodes, seriesId, this), name, sortOrder, enabled);
    }

    @Override
    public String toString() {
        return "title_track " + code;
    }
}

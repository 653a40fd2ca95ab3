package cn.hrss.zcrd.catalog.internal;

import cn.hrss.zcrd.catalog.Specialty;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.Map;

/** Table {@code specialty}; read into {@link Specialty}. */
@Entity
@Table(name = "specialty")
class SpecialtyRow extends CatalogRow {

    @Column(name = "series_id", nullable = false)
    private Long seriesId;

    @Column(name = "track_id")
    private Long trackId;

    protected SpecialtyRow() {}

    Specialty toSpecialty(Map<Long, String> seriesCodes, Map<Long, String> trackCodes) {
        return new Specialty(
                id,
                code,
                name,
                CatalogLoader.code(seriesCodes, seriesId, this),
                trackId == null ? null : CatalogLoader.code(trackCodes, trackId, this),
                sortOrder,
                enabled);
    }
}

package cn.hrss.zcrd.catalog.internal;

import cn.hrss.zcrd.catalog.Specialty;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Map;

/** Table {@code specialty}; read into {@link Specialty}. */
@Entity
@Table(name = "specialty")
class SpecialtyRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "code", nullable = false, unique = true, length = 64)
    private String code;

    @Column(name = "series_id", nullable = false)
    private Long seriesId;

    @Column(name = "track_id")
    private Long trackId;

    @Column(name = "name", nullable = false, length = 64)
    private String name;

    @Column(name = "sort_order", nullable = false)
    private int sortOrder;

    @Column(name = "enabled", nullable = false)
    private boolean enabled = true;

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

    @Override
    public String toString() {
        return "specialty " + code;
    }
}

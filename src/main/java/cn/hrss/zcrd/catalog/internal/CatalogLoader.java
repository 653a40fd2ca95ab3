package cn.hrss.zcrd.catalog.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hibernate.Session;
import org.springframework.stereotype.Component;

/**
 * Reads the reference tables into snapshots. Each load runs in its own short read-only transaction on its own
 * entity manager, so all tables come from one consistent read (InnoDB's repeatable read) and a load never sees a
 * caller's uncommitted edit: callers reload after their change has committed.
 */
@Component
public class CatalogLoader {

    private final EntityManagerFactory entityManagerFactory;

    CatalogLoader(EntityManagerFactory entityManagerFactory) {
        this.entityManagerFactory = entityManagerFactory;
    }

    /** Levels, series, tracks, titles, specialties and declaration methods. */
    public TitleSnapshot loadTitles() {
        return inReadOnlyTransaction(CatalogLoader::readTitles);
    }

    /** Regions and bureaus. */
    public RegionTree loadRegions() {
        return inReadOnlyTransaction(CatalogLoader::readRegions);
    }

    static TitleSnapshot readTitles(EntityManager em) {
        List<LevelRow> levels = all(em, LevelRow.class);
        List<SeriesRow> series = all(em, SeriesRow.class);
        List<TrackRow> tracks = all(em, TrackRow.class);
        Map<Long, String> levelCodes = levels.stream().collect(Collectors.toMap(LevelRow::getId, LevelRow::getCode));
        Map<Long, String> seriesCodes = series.stream().collect(Collectors.toMap(SeriesRow::getId, SeriesRow::getCode));
        Map<Long, String> trackCodes = tracks.stream().collect(Collectors.toMap(TrackRow::getId, TrackRow::getCode));
        return new TitleSnapshot(
                levels.stream().map(LevelRow::toLevel).toList(),
                series.stream().map(SeriesRow::toSeries).toList(),
                tracks.stream().map(t -> t.toTrack(seriesCodes)).toList(),
                all(em, TitleRow.class).stream()
                        .map(t -> t.toTitle(levelCodes, seriesCodes, trackCodes))
                        .toList(),
                all(em, SpecialtyRow.class).stream()
                        .map(s -> s.toSpecialty(seriesCodes, trackCodes))
                        .toList(),
                all(em, DeclarationMethodRow.class).stream()
                        .map(m -> m.toDeclarationMethod(levelCodes))
                        .toList());
    }

    static RegionTree readRegions(EntityManager em) {
        return new RegionTree(
                all(em, RegionRow.class).stream().map(RegionRow::toRegion).toList(),
                all(em, BureauRow.class).stream().map(BureauRow::toBureau).toList());
    }

    /** The code of the row {@code id} refers to; the foreign keys make a miss impossible short of a bug. */
    static String code(Map<Long, String> codes, Long id, Object referrer) {
        String code = codes.get(id);
        if (code == null) {
            throw new IllegalStateException(referrer + " refers to missing id " + id);
        }
        return code;
    }

    private <T> T inReadOnlyTransaction(Function<EntityManager, T> work) {
        EntityManager em = entityManagerFactory.createEntityManager();
        try {
            // no dirty checking or snapshots of the loaded rows: they are copied into records and dropped
            em.unwrap(Session.class).setDefaultReadOnly(true);
            EntityTransaction tx = em.getTransaction();
            tx.begin();
            try {
                return work.apply(em);
            } finally {
                tx.rollback();
            }
        } finally {
            em.close();
        }
    }

    private static <R> List<R> all(EntityManager em, Class<R> type) {
        return em.createQuery("select r from " + type.getSimpleName() + " r", type)
                .getResultList();
    }
}

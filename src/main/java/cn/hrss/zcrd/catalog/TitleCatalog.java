package cn.hrss.zcrd.catalog;

import cn.hrss.zcrd.catalog.internal.CatalogLoader;
import cn.hrss.zcrd.catalog.internal.TitleSnapshot;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The title cascade 申报级别 → 申报职称 → 现从事专业 and the 申报方式, answered from an immutable in-memory snapshot
 * that is read at start and replaced as a whole by {@link #reload()}.
 *
 * <p>Lists offer only what may be chosen now (enabled rows under an enabled level, series and track); the
 * {@code find…} methods also find disabled rows, for declarations and certificates made before the change. A
 * {@code null} code (nothing chosen yet) yields an empty list.
 */
@Service
public class TitleCatalog {

    private static final Logger log = LoggerFactory.getLogger(TitleCatalog.class);

    private final CatalogLoader loader;
    private volatile TitleSnapshot snapshot;

    TitleCatalog(CatalogLoader loader) {
        this.loader = loader;
        reload();
    }

    /**
     * Reads the reference data again and switches every caller to it at once. Call it after an edit has committed;
     * it affects this application instance only (the others follow the shared version, see
     * {@code ReferenceDataEditor}). When the data is inconsistent it throws and the previous
     * snapshot stays in use.
     */
    public synchronized void reload() {
        long start = System.nanoTime();
        TitleSnapshot loaded = loader.loadTitles();
        snapshot = loaded;
        log.info("Title catalog loaded in {} ms: {}", (System.nanoTime() - start) / 1_000_000, loaded.summary());
    }

    /** Enabled levels, 员级 first. */
    public List<Level> levels() {
        return snapshot.levels();
    }

    /** The enabled levels full-time recognition may grant (员级, 助理级, 中级). */
    public List<Level> fullTimeRecognitionLevels() {
        return snapshot.levels().stream().filter(Level::fullTimeRecognition).toList();
    }

    public Optional<Level> findLevel(String code) {
        return snapshot.findLevel(code);
    }

    /** Enabled series in display order. */
    public List<Series> series() {
        return snapshot.series();
    }

    public Optional<Series> findSeries(String code) {
        return snapshot.findSeries(code);
    }

    /** Enabled tracks of a series (卫生: 医疗, 药学 …); empty for a series without tracks. */
    public List<Track> tracks(String seriesCode) {
        return snapshot.tracks(seriesCode);
    }

    public Optional<Track> findTrack(String code) {
        return snapshot.findTrack(code);
    }

    /** Second step of the cascade: the titles offered at a level, all series, ordered by series. */
    public List<Title> titles(String levelCode) {
        return snapshot.titles(levelCode);
    }

    /** The titles offered at a level in one series (reporting paths and queries pair level and series). */
    public List<Title> titles(String levelCode, String seriesCode) {
        return snapshot.titles(levelCode, seriesCode);
    }

    /** {@link #titles(String)} grouped by series in series order, for a grouped dropdown. */
    public Map<Series, List<Title>> titlesBySeries(String levelCode) {
        return snapshot.titlesBySeries(levelCode);
    }

    public Optional<Title> findTitle(long id) {
        return snapshot.findTitle(id);
    }

    /** Third step of the cascade: the specialties the title offers. */
    public List<Specialty> specialties(long titleId) {
        return snapshot.specialties(titleId);
    }

    /** Whether the specialty may be chosen with the title now (server-side check of a submitted cascade). */
    public boolean offers(long titleId, long specialtyId) {
        return snapshot.offers(titleId, specialtyId);
    }

    public Optional<Specialty> findSpecialty(long id) {
        return snapshot.findSpecialty(id);
    }

    /** Every enabled 申报方式, by level. */
    public List<DeclarationMethod> declarationMethods() {
        return snapshot.declarationMethods();
    }

    /** The 申报方式 that entitle to the level. */
    public List<DeclarationMethod> declarationMethods(String levelCode) {
        return snapshot.declarationMethods(levelCode);
    }

    public Optional<DeclarationMethod> findDeclarationMethod(long id) {
        return snapshot.findDeclarationMethod(id);
    }

    // ------------------------------------------------ every row, enabled or not (字典维护, see ReferenceDataEditor)

    /** Every series, enabled or not. */
    public List<Series> allSeries() {
        return snapshot.allSeries();
    }

    /** Every track of the series, enabled or not. */
    public List<Track> allTracks(String seriesCode) {
        return snapshot.allTracks(seriesCode);
    }

    /** Every title of the series, enabled or not, by level. */
    public List<Title> allTitles(String seriesCode) {
        return snapshot.allTitles(seriesCode);
    }

    /** Every specialty of the series, enabled or not. */
    public List<Specialty> allSpecialties(String seriesCode) {
        return snapshot.allSpecialties(seriesCode);
    }

    /** Every 申报方式, enabled or not. */
    public List<DeclarationMethod> allDeclarationMethods() {
        return snapshot.allDeclarationMethods();
    }

    /** Every level, enabled or not. */
    public List<Level> allLevels() {
        return snapshot.allLevels();
    }
}

package cn.hrss.zcrd.catalog.internal;

import cn.hrss.zcrd.catalog.DeclarationMethod;
import cn.hrss.zcrd.catalog.Level;
import cn.hrss.zcrd.catalog.Series;
import cn.hrss.zcrd.catalog.Specialty;
import cn.hrss.zcrd.catalog.Title;
import cn.hrss.zcrd.catalog.Track;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One consistent, immutable copy of the title reference data with every cascade answer computed up front
 * (a few hundred rows), so a dropdown never waits for the database. Building it checks what foreign keys cannot:
 * a title's or specialty's track belongs to the same series.
 *
 * <p>Lists hold only what may be chosen now: enabled rows whose level, series and track are enabled too.
 * {@code find…} methods find every row, enabled or not.
 */
public final class TitleSnapshot {

    private final List<Level> levels;
    private final Map<String, Level> levelsByCode;
    private final List<Series> series;
    private final Map<String, Series> seriesByCode;
    private final Map<String, Track> tracksByCode;
    private final Map<String, List<Track>> tracksBySeries;
    private final Map<Long, Title> titlesById;
    private final Map<String, List<Title>> titlesByLevel;
    private final Map<Long, Specialty> specialtiesById;
    private final Map<Long, List<Specialty>> specialtiesByTitle;
    private final Map<Long, Set<Long>> specialtyIdsByTitle;
    private final Map<Long, DeclarationMethod> methodsById;
    private final List<DeclarationMethod> methods;

    public TitleSnapshot(
            Collection<Level> levels,
            Collection<Series> series,
            Collection<Track> tracks,
            Collection<Title> titles,
            Collection<Specialty> specialties,
            Collection<DeclarationMethod> methods) {
        this.levelsByCode = index(levels, Level::code, "level");
        this.seriesByCode = index(series, Series::code, "series");
        this.tracksByCode = index(tracks, Track::code, "track");
        this.titlesById = index(titles, Title::id, "title");
        this.specialtiesById = index(specialties, Specialty::id, "specialty");
        this.methodsById = index(methods, DeclarationMethod::id, "declaration method");
        checkCodesAndReferences(tracks, titles, specialties, methods);

        this.levels = levels.stream()
                .filter(Level::enabled)
                .sorted(Comparator.comparingInt(Level::sortOrder).thenComparing(Level::id))
                .toList();
        this.series = series.stream()
                .filter(Series::enabled)
                .sorted(Comparator.comparingInt(Series::sortOrder).thenComparing(Series::id))
                .toList();
        this.tracksBySeries = tracks.stream()
                .filter(Track::enabled)
                .sorted(Comparator.comparingInt(Track::sortOrder).thenComparing(Track::id))
                .collect(Collectors.collectingAndThen(
                        Collectors.groupingBy(Track::seriesCode, Collectors.toUnmodifiableList()), Map::copyOf));
        this.titlesByLevel = titles.stream()
                .filter(this::isOffered)
                .sorted(titleOrder())
                .collect(Collectors.collectingAndThen(
                        Collectors.groupingBy(Title::levelCode, Collectors.toUnmodifiableList()), Map::copyOf));
        this.specialtiesByTitle = offeredSpecialtiesByTitle(titles, specialties);
        this.specialtyIdsByTitle = specialtiesByTitle.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(
                        Map.Entry::getKey,
                        e -> e.getValue().stream().map(Specialty::id).collect(Collectors.toUnmodifiableSet())));
        this.methods = methods.stream()
                .filter(m -> m.enabled() && levelsByCode.get(m.levelCode()).enabled())
                .sorted(Comparator.comparingInt((DeclarationMethod m) ->
                                levelsByCode.get(m.levelCode()).sortOrder())
                        .thenComparingInt(DeclarationMethod::sortOrder)
                        .thenComparing(DeclarationMethod::id))
                .toList();
    }

    /** Enabled levels, lowest first. */
    public List<Level> levels() {
        return levels;
    }

    public Optional<Level> findLevel(String code) {
        return Optional.ofNullable(lookup(levelsByCode, code));
    }

    /** Enabled series in display order. */
    public List<Series> series() {
        return series;
    }

    public Optional<Series> findSeries(String code) {
        return Optional.ofNullable(lookup(seriesByCode, code));
    }

    /** Enabled tracks of a series; empty for a series without tracks. */
    public List<Track> tracks(String seriesCode) {
        return Objects.requireNonNullElse(lookup(tracksBySeries, seriesCode), List.of());
    }

    public Optional<Track> findTrack(String code) {
        return Optional.ofNullable(lookup(tracksByCode, code));
    }

    /** Titles offered at a level across all series, ordered by series, track and title. */
    public List<Title> titles(String levelCode) {
        return Objects.requireNonNullElse(lookup(titlesByLevel, levelCode), List.of());
    }

    /** Titles offered at a level in one series. */
    public List<Title> titles(String levelCode, String seriesCode) {
        return titles(levelCode).stream()
                .filter(t -> t.seriesCode().equals(seriesCode))
                .toList();
    }

    /** {@link #titles(String)} grouped by series, in series order (for grouped dropdowns). */
    public Map<Series, List<Title>> titlesBySeries(String levelCode) {
        Map<Series, List<Title>> grouped = new LinkedHashMap<>();
        for (Title title : titles(levelCode)) {
            grouped.computeIfAbsent(seriesByCode.get(title.seriesCode()), s -> new ArrayList<>())
                    .add(title);
        }
        grouped.replaceAll((s, list) -> List.copyOf(list));
        return Collections.unmodifiableMap(grouped);
    }

    public Optional<Title> findTitle(long id) {
        return Optional.ofNullable(titlesById.get(id));
    }

    /** Enabled specialties the title offers; empty for an unknown title. */
    public List<Specialty> specialties(long titleId) {
        return specialtiesByTitle.getOrDefault(titleId, List.of());
    }

    /** Whether the specialty may be chosen with the title now. */
    public boolean offers(long titleId, long specialtyId) {
        return specialtyIdsByTitle.getOrDefault(titleId, Set.of()).contains(specialtyId);
    }

    public Optional<Specialty> findSpecialty(long id) {
        return Optional.ofNullable(specialtiesById.get(id));
    }

    /** Enabled declaration methods, by level then display order. */
    public List<DeclarationMethod> declarationMethods() {
        return methods;
    }

    /** Enabled declaration methods that entitle to the level. */
    public List<DeclarationMethod> declarationMethods(String levelCode) {
        return methods.stream().filter(m -> m.levelCode().equals(levelCode)).toList();
    }

    public Optional<DeclarationMethod> findDeclarationMethod(long id) {
        return Optional.ofNullable(methodsById.get(id));
    }

    /** Every level, enabled or not, lowest first. */
    public List<Level> allLevels() {
        return levelsByCode.values().stream()
                .sorted(Comparator.comparingInt(Level::sortOrder).thenComparing(Level::id))
                .toList();
    }

    /** Every series, enabled or not, in display order (for the dictionary editor). */
    public List<Series> allSeries() {
        return seriesByCode.values().stream()
                .sorted(Comparator.comparingInt(Series::sortOrder).thenComparing(Series::id))
                .toList();
    }

    /** Every track of a series, enabled or not. */
    public List<Track> allTracks(String seriesCode) {
        return tracksByCode.values().stream()
                .filter(t -> t.seriesCode().equals(seriesCode))
                .sorted(Comparator.comparingInt(Track::sortOrder).thenComparing(Track::id))
                .toList();
    }

    /** Every title of a series, enabled or not, by level, track and display order. */
    public List<Title> allTitles(String seriesCode) {
        return titlesById.values().stream()
                .filter(t -> t.seriesCode().equals(seriesCode))
                .sorted(Comparator.comparingInt(
                                (Title t) -> levelsByCode.get(t.levelCode()).sortOrder())
                        .thenComparing(titleOrder()))
                .toList();
    }

    /** Every specialty of a series, enabled or not, by track and display order. */
    public List<Specialty> allSpecialties(String seriesCode) {
        return specialtiesById.values().stream()
                .filter(s -> s.seriesCode().equals(seriesCode))
                .sorted(specialtyOrder())
                .toList();
    }

    /** Every declaration method, enabled or not, by level and display order. */
    public List<DeclarationMethod> allDeclarationMethods() {
        return methodsById.values().stream()
                .sorted(Comparator.comparingInt((DeclarationMethod m) ->
                                levelsByCode.get(m.levelCode()).sortOrder())
                        .thenComparingInt(DeclarationMethod::sortOrder)
                        .thenComparing(DeclarationMethod::id))
                .toList();
    }

    /** Row counts, for the log. */
    public String summary() {
        return levelsByCode.size() + " levels, " + seriesByCode.size() + " series, " + tracksByCode.size()
                + " tracks, " + titlesById.size() + " titles, " + specialtiesById.size() + " specialties, "
                + methodsById.size() + " declaration methods";
    }

    private void checkCodesAndReferences(
            Collection<Track> tracks,
            Collection<Title> titles,
            Collection<Specialty> specialties,
            Collection<DeclarationMethod> methods) {
        index(titles, Title::code, "title");
        index(specialties, Specialty::code, "specialty");
        index(methods, DeclarationMethod::code, "declaration method");
        tracks.forEach(t -> require(seriesByCode, t.seriesCode(), "track " + t.code()));
        titles.forEach(this::checkReferences);
        specialties.forEach(this::checkReferences);
        methods.forEach(m -> require(levelsByCode, m.levelCode(), "declaration method " + m.code()));
    }

    /** Every title's offered specialties, worked out once (titles × specialties is a few thousand checks). */
    private Map<Long, List<Specialty>> offeredSpecialtiesByTitle(
            Collection<Title> titles, Collection<Specialty> specialties) {
        List<Specialty> offered = specialties.stream()
                .filter(this::isOffered)
                .sorted(specialtyOrder())
                .toList();
        Map<Long, List<Specialty>> byTitle = new HashMap<>();
        for (Title title : titles) {
            byTitle.put(
                    title.id(), offered.stream().filter(s -> belongs(s, title)).toList());
        }
        return Map.copyOf(byTitle);
    }

    private void checkReferences(Title title) {
        String what = "title " + title.code();
        require(levelsByCode, title.levelCode(), what);
        require(seriesByCode, title.seriesCode(), what);
        checkTrack(title.trackCode(), title.seriesCode(), what);
    }

    private void checkReferences(Specialty specialty) {
        String what = "specialty " + specialty.code();
        require(seriesByCode, specialty.seriesCode(), what);
        checkTrack(specialty.trackCode(), specialty.seriesCode(), what);
    }

    private void checkTrack(String trackCode, String seriesCode, String what) {
        if (trackCode != null
                && !require(tracksByCode, trackCode, what).seriesCode().equals(seriesCode)) {
            throw new IllegalStateException(what + ": track " + trackCode + " is not in series " + seriesCode);
        }
    }

    private boolean isOffered(Title title) {
        return title.enabled()
                && levelsByCode.get(title.levelCode()).enabled()
                && seriesByCode.get(title.seriesCode()).enabled()
                && trackEnabled(title.trackCode());
    }

    private boolean isOffered(Specialty specialty) {
        return specialty.enabled()
                && seriesByCode.get(specialty.seriesCode()).enabled()
                && trackEnabled(specialty.trackCode());
    }

    private boolean trackEnabled(String trackCode) {
        return trackCode == null || tracksByCode.get(trackCode).enabled();
    }

    /** The specialty rule: same series, and a track on both sides only when they agree. */
    private static boolean belongs(Specialty specialty, Title title) {
        return specialty.seriesCode().equals(title.seriesCode())
                && (specialty.trackCode() == null
                        || title.trackCode() == null
                        || specialty.trackCode().equals(title.trackCode()));
    }

    private Comparator<Title> titleOrder() {
        return Comparator.comparingInt(
                        (Title t) -> seriesByCode.get(t.seriesCode()).sortOrder())
                .thenComparing(Title::seriesCode)
                .thenComparingInt(t -> trackOrder(t.trackCode()))
                .thenComparingInt(Title::sortOrder)
                .thenComparingLong(Title::id);
    }

    private Comparator<Specialty> specialtyOrder() {
        return Comparator.comparingInt((Specialty s) -> trackOrder(s.trackCode()))
                .thenComparingInt(Specialty::sortOrder)
                .thenComparingLong(Specialty::id);
    }

    /** Untracked rows first, then by track order. */
    private int trackOrder(String trackCode) {
        return trackCode == null
                ? Integer.MIN_VALUE
                : tracksByCode.get(trackCode).sortOrder();
    }

    /** Like {@code get}, but a {@code null} key (nothing chosen yet) finds nothing instead of throwing. */
    private static <V> V lookup(Map<String, V> map, String key) {
        return key == null ? null : map.get(key);
    }

    private static <K, V> Map<K, V> index(Collection<V> rows, Function<V, K> key, String what) {
        Map<K, V> index = new HashMap<>();
        for (V row : rows) {
            K k = Objects.requireNonNull(key.apply(row), what + " without key");
            if (index.putIfAbsent(k, row) != null) {
                throw new IllegalStateException("duplicate " + what + " " + k);
            }
        }
        return Map.copyOf(index);
    }

    private static <V> V require(Map<String, V> index, String code, String what) {
        V row = lookup(index, code);
        if (row == null) {
            throw new IllegalStateException(what + " refers to unknown " + code);
        }
        return row;
    }
}

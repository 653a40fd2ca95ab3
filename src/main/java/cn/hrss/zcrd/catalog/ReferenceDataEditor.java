package cn.hrss.zcrd.catalog;

import cn.hrss.zcrd.catalog.internal.CatalogVersion;
import cn.hrss.zcrd.shared.FieldProblem;
import cn.hrss.zcrd.shared.InvalidInputException;
import cn.hrss.zcrd.shared.PrintableText;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Edits of the title reference data (字典维护, SPEC §3): add a 现从事专业 or a 申报职称 to a series, rename, enable or
 * disable a series, title, specialty or 申报方式. Nothing is ever deleted: declarations and certificates refer to the
 * rows by id, and a disabled row is only no longer offered. Levels and tracks are not edited here (the
 * recognition rules and the migrations rely on them).
 *
 * <p>Input is checked first and refused as a whole with a message at the field ({@link InvalidInputException});
 * after the edit's transaction commits the {@link TitleCatalog} is reloaded, so the declaration form's cascading
 * selects offer the change at once; the edit also raises the shared reference-data version, from which every other
 * application node learns of it within seconds ({@code CatalogRefresh}). This class checks no user: the back office calls it after its own
 * {@code BackOfficeGuard} check and records the audit entry.
 */
@Service
public class ReferenceDataEditor {

    /** The longest name a row holds ({@code VARCHAR(64)}; 申报方式: 100). */
    public static final int MAX_NAME = 64;

    static final int MAX_METHOD_NAME = 100;
    /** Han characters, letters, digits, spaces and the punctuation real names use (（）、·-—/). */
    private static final Pattern NAME = Pattern.compile("[\\p{IsHan}\\p{IsLatin}0-9 （）()、·\\-—/]+");

    private final JdbcTemplate jdbc;
    private final TitleCatalog catalog;
    private final PrintableText printable;
    private final CatalogVersion version;

    ReferenceDataEditor(JdbcTemplate jdbc, TitleCatalog catalog, PrintableText printable, CatalogVersion version) {
        this.printable = printable;
        this.version = version;
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    /**
     * Adds a 现从事专业 to the series (and optionally one of its tracks), offered at once.
     *
     * @throws InvalidInputException at {@code series}, {@code track} or {@code name}
     */
    @Transactional
    public ReferenceDataChange addSpecialty(String seriesCode, String trackCode, String name) {
        List<FieldProblem> problems = new ArrayList<>();
        Series series = series(seriesCode, problems);
        Track track = track(series, trackCode, problems);
        String clean = name(name, MAX_NAME, problems);
        if (series != null
                && clean != null
                && catalog.allSpecialties(series.code()).stream()
                        .anyMatch(s -> s.name().equals(clean) && Objects.equals(s.trackCode(), trackCodeOf(track)))) {
            problems.add(FieldProblem.of("name", "catalog.edit.specialty.duplicate", clean));
        }
        check(problems);
        String code = newCode(series.code(), "SP");
        long id = insert(
                "INSERT INTO specialty (code, series_id, track_id, name, sort_order, enabled) "
                        + "VALUES (?, ?, ?, ?, (SELECT COALESCE(MAX(s.sort_order), 0) + 1 FROM specialty s "
                        + "WHERE s.series_id = ?), TRUE)",
                code,
                series.id(),
                track == null ? null : track.id(),
                clean,
                series.id());
        return reloaded(new ReferenceDataChange(ReferenceDataKind.SPECIALTY, id, code, null, clean, true));
    }

    /**
     * Adds a 申报职称 to the series at the level (and optionally a track), offered at once.
     *
     * @throws InvalidInputException at {@code series}, {@code level}, {@code track} or {@code name}
     */
    @Transactional
    public ReferenceDataChange addTitle(String seriesCode, String levelCode, String trackCode, String name) {
        List<FieldProblem> problems = new ArrayList<>();
        Series series = series(seriesCode, problems);
        Level level = levelCode == null || levelCode.isBlank()
                ? null
                : catalog.findLevel(levelCode).orElse(null);
        if (level == null) {
            problems.add(FieldProblem.of("level", "catalog.edit.level.required"));
        }
        Track track = track(series, trackCode, problems);
        String clean = name(name, MAX_NAME, problems);
        if (series != null
                && level != null
                && clean != null
                && catalog.allTitles(series.code()).stream()
                        .anyMatch(t ->
                                t.levelCode().equals(level.code()) && t.name().equals(clean))) {
            problems.add(FieldProblem.of("name", "catalog.edit.title.duplicate", clean));
        }
        check(problems);
        String code = newCode(series.code(), "T");
        long id = insert(
                "INSERT INTO title (code, series_id, level_id, track_id, name, sort_order, enabled) "
                        + "VALUES (?, ?, ?, ?, ?, (SELECT COALESCE(MAX(t.sort_order), 0) + 1 FROM title t "
                        + "WHERE t.series_id = ?), TRUE)",
                code,
                series.id(),
                level.id(),
                track == null ? null : track.id(),
                clean,
                series.id());
        return reloaded(new ReferenceDataChange(ReferenceDataKind.TITLE, id, code, null, clean, true));
    }

    /**
     * Gives a row a new name (declarations that refer to it show the new name).
     *
     * @throws InvalidInputException at {@code name} (or {@code id} for an unknown row)
     */
    @Transactional
    public ReferenceDataChange rename(ReferenceDataKind kind, long id, String name) {
        Row row = row(kind, id);
        List<FieldProblem> problems = new ArrayList<>();
        String clean = name(name, kind == ReferenceDataKind.DECLARATION_METHOD ? MAX_METHOD_NAME : MAX_NAME, problems);
        if (clean != null && !clean.equals(row.name()) && siblingsNamed(kind, id, clean)) {
            problems.add(FieldProblem.of("name", "catalog.edit.name.duplicate", clean));
        }
        check(problems);
        jdbc.update("UPDATE " + kind.table() + " SET name = ? WHERE id = ?", clean, id);
        return reloaded(new ReferenceDataChange(kind, id, row.code(), row.name(), clean, row.enabled()));
    }

    /**
     * Enables or disables a row: a disabled row is no longer offered for new declarations; existing declarations
     * and certificates that refer to it keep it.
     *
     * @throws InvalidInputException at {@code id} for an unknown row
     */
    @Transactional
    public ReferenceDataChange setEnabled(ReferenceDataKind kind, long id, boolean enabled) {
        Row row = row(kind, id);
        jdbc.update("UPDATE " + kind.table() + " SET enabled = ? WHERE id = ?", enabled, id);
        return reloaded(new ReferenceDataChange(kind, id, row.code(), row.name(), row.name(), enabled));
    }

    private record Row(String code, String name, boolean enabled) {}

    private Row row(ReferenceDataKind kind, long id) {
        List<Row> rows = jdbc.query(
                "SELECT code, name, enabled FROM " + kind.table() + " WHERE id = ? FOR UPDATE",
                (rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getBoolean(3)),
                id);
        if (rows.isEmpty()) {
            throw new InvalidInputException(FieldProblem.of("id", "catalog.edit.unknown"));
        }
        return rows.get(0);
    }

    /** Another row of the same parent with that name (same series; a title also the same level). */
    private boolean siblingsNamed(ReferenceDataKind kind, long id, String name) {
        String sql = switch (kind) {
            case SERIES -> "SELECT COUNT(*) FROM title_series o WHERE o.name = ? AND o.id <> ?";
            case TITLE ->
                "SELECT COUNT(*) FROM title o JOIN title t ON t.id = ? WHERE o.series_id = t.series_id "
                        + "AND o.level_id = t.level_id AND o.name = ? AND o.id <> t.id";
            case SPECIALTY ->
                "SELECT COUNT(*) FROM specialty o JOIN specialty s ON s.id = ? "
                        + "WHERE o.series_id = s.series_id AND o.name = ? AND o.id <> s.id";
            case DECLARATION_METHOD -> "SELECT COUNT(*) FROM declaration_method o WHERE o.name = ? AND o.id <> ?";
        };
        Object[] args = kind == ReferenceDataKind.SERIES || kind == ReferenceDataKind.DECLARATION_METHOD
                ? new Object[] {name, id}
                : new Object[] {id, name};
        Long count = jdbc.queryForObject(sql, Long.class, args);
        return count != null && count > 0;
    }

    private Series series(String seriesCode, List<FieldProblem> problems) {
        Optional<Series> series =
                seriesCode == null || seriesCode.isBlank() ? Optional.empty() : catalog.findSeries(seriesCode);
        if (series.isEmpty()) {
            problems.add(FieldProblem.of("series", "catalog.edit.series.required"));
        }
        return series.orElse(null);
    }

    private Track track(Series series, String trackCode, List<FieldProblem> problems) {
        if (trackCode == null || trackCode.isBlank()) {
            return null;
        }
        Track track = catalog.findTrack(trackCode).orElse(null);
        if (track == null || series != null && !track.seriesCode().equals(series.code())) {
            problems.add(FieldProblem.of("track", "catalog.edit.track.mismatch"));
            return null;
        }
        return track;
    }

    private static String trackCodeOf(Track track) {
        return track == null ? null : track.code();
    }

    /** The name stripped and checked, or null (with a problem added). */
    private String name(String name, int max, List<FieldProblem> problems) {
        String clean = name == null ? "" : name.strip().replaceAll("\\s+", " ");
        if (clean.isEmpty()) {
            problems.add(FieldProblem.of("name", "catalog.edit.name.required"));
        } else if (clean.codePointCount(0, clean.length()) > max) {
            problems.add(FieldProblem.of("name", "catalog.edit.name.too-long", String.valueOf(max)));
        } else if (!NAME.matcher(clean).matches()) {
            problems.add(FieldProblem.of("name", "catalog.edit.name.invalid"));
        } else {
            // series, title and specialty names are printed on certificates: no character without a glyph
            var unprintable = printable.problem("name", clean);
            if (unprintable.isEmpty()) {
                return clean;
            }
            problems.add(unprintable.get());
        }
        return null;
    }

    private static void check(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /** A stable code no one has to type: the series' code, the kind and eight random hex digits. */
    private static String newCode(String seriesCode, String kind) {
        byte[] random = new byte[4];
        ThreadLocalRandom.current().nextBytes(random);
        return (seriesCode + "_" + kind + "_" + HexFormat.of().formatHex(random)).toUpperCase(Locale.ROOT);
    }

    private long insert(String sql, Object... args) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(
                connection -> {
                    PreparedStatement statement = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS);
                    for (int i = 0; i < args.length; i++) {
                        statement.setObject(i + 1, args[i]);
                    }
                    return statement;
                },
                keys);
        return Objects.requireNonNull(keys.getKey(), "no generated id").longValue();
    }

    /**
     * Raises the shared version with the edit, and reloads this node's catalog once the edit has committed (the
     * loader reads committed data only).
     */
    private ReferenceDataChange reloaded(ReferenceDataChange change) {
        version.raise();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    catalog.reload();
                }
            });
        } else {
            catalog.reload();
        }
        return change;
    }
}

package cn.hrss.zcrd.unit;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The directory of registered units, searched by any part of the name (Chinese substring, any position), paged
 * and ordered by name. Used by every unit picker (competent department, declaring and work unit, superior unit).
 */
@Service
public class UnitDirectory {

    /** Longest search text taken; a longer one cannot be part of any unit name. */
    static final int MAX_QUERY = 100;

    static final int MAX_PAGE_SIZE = 50;
    /** Most ids {@link #names} takes at once. */
    static final int MAX_NAMES = 500;

    private final JdbcTemplate jdbc;

    UnitDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Units whose name contains {@code namePart} (blank: all units), page {@code page} (0-based) of {@code size}.
     * {@code %} and {@code _} in the text are matched literally.
     */
    @Transactional(readOnly = true)
    public UnitPage search(String namePart, int page, int size) {
        int pageSize = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
        int pageNumber = Math.max(0, page);
        String text = namePart == null ? "" : namePart.strip();
        if (text.length() > MAX_QUERY) {
            return new UnitPage(List.of(), 0, pageNumber, pageSize);
        }
        String pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        // the name index covers both the filter and the order: the '%…%' scan reads the index, not the rows
        Long total = jdbc.queryForObject("select count(*) from unit where name like ?", Long.class, pattern);
        List<UnitSummary> units = jdbc.query(
                "select u.id, u.name, u.credit_code, u.region_code from unit u join "
                        + "(select id from unit where name like ? order by name, id limit ? offset ?) p on p.id = u.id "
                        + "order by u.name, u.id",
                (rs, i) -> new UnitSummary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                pattern,
                pageSize,
                (long) pageNumber * pageSize);
        return new UnitPage(units, total == null ? 0 : total, pageNumber, pageSize);
    }

    /** The names of the units among {@code ids} that exist, in one query (a page of a list names many units). */
    @Transactional(readOnly = true)
    public Map<Long, String> names(Collection<Long> ids) {
        List<Long> wanted = ids.stream()
                .filter(Objects::nonNull)
                .distinct()
                .limit(MAX_NAMES)
                .toList();
        Map<Long, String> names = new HashMap<>();
        if (!wanted.isEmpty()) {
            jdbc.query(
                    "select id, name from unit where id in ("
                            + String.join(",", Collections.nCopies(wanted.size(), "?")) + ")",
                    rs -> {
                        names.put(rs.getLong(1), rs.getString(2));
                    },
                    wanted.toArray());
        }
        return names;
    }

    @Transactional(readOnly = true)
    public Optional<UnitSummary> find(long id) {
        return jdbc
                .query(
                        "select id, name, credit_code, region_code from unit where id = ?",
                        (rs, i) -> new UnitSummary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                        id)
                .stream()
                .findFirst();
    }
}

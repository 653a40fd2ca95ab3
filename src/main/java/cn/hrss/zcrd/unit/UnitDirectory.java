package cn.hrss.zcrd.unit;

import cn.hrss.zcrd.catalog.Regions;
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
 * and ordered by name. Used by every unit picker (competent department, declaring and work unit, superior unit,
 * an operator's unit): {@link #search} offers only the units their bureau verified, each with its region and a
 * masked credit code ({@link UnitSummary#maskedCreditCode()}).
 */
@Service
public class UnitDirectory {

    /** Longest search text taken; a longer one cannot be part of any unit name. */
    static final int MAX_QUERY = 100;

    static final int MAX_PAGE_SIZE = 50;
    /** Most ids {@link #names} takes at once. */
    static final int MAX_NAMES = 500;

    private final JdbcTemplate jdbc;
    private final Regions regions;

    UnitDirectory(JdbcTemplate jdbc, Regions regions) {
        this.jdbc = jdbc;
        this.regions = regions;
    }

    /**
     * Verified units whose name contains {@code namePart} (blank: all of them), page {@code page} (0-based) of
     * {@code size}. {@code %} and {@code _} in the text are matched literally. A unit its bureau has not verified
     * (pending or rejected) is never offered.
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
        // ix_unit_verification_name (verification, name, id) covers the filter and the order: the '%…%' scan reads
        // the index range of the verified units, not the rows
        Long total = jdbc.queryForObject(
                "select count(*) from unit where verification = 'VERIFIED' and name like ?", Long.class, pattern);
        List<UnitSummary> units = jdbc.query(
                "select u.id, u.name, u.credit_code, u.region_code from unit u join "
                        + "(select id from unit where verification = 'VERIFIED' and name like ? "
                        + "order by name, id limit ? offset ?) p on p.id = u.id "
                        + "order by u.name, u.id",
                (rs, i) -> summary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)),
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

    /** Any registered unit, verified or not (to name it); pickers offer verified ones only. */
    @Transactional(readOnly = true)
    public Optional<UnitSummary> find(long id) {
        return jdbc
                .query(
                        "select id, name, credit_code, region_code from unit where id = ?",
                        (rs, i) -> summary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                        id)
                .stream()
                .findFirst();
    }

    /** Whether the unit exists and its bureau verified it. */
    @Transactional(readOnly = true)
    public boolean isVerified(long id) {
        Integer n = jdbc.queryForObject(
                "select count(*) from unit where id = ? and verification = 'VERIFIED'", Integer.class, id);
        return n != null && n > 0;
    }

    private UnitSummary summary(long id, String name, String creditCode, String regionCode) {
        String regionName = regions.find(regionCode).isPresent() ? regions.displayPath(regionCode) : regionCode;
        return new UnitSummary(id, name, creditCode, regionCode, regionName);
    }
}

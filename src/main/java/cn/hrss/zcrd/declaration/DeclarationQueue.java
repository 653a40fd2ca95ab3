package cn.hrss.zcrd.declaration;

import cn.hrss.zcrd.account.PortalUser;
import cn.hrss.zcrd.catalog.Level;
import cn.hrss.zcrd.catalog.Series;
import cn.hrss.zcrd.catalog.Title;
import cn.hrss.zcrd.catalog.TitleCatalog;
import cn.hrss.zcrd.declaration.internal.UnitLookup;
import cn.hrss.zcrd.shared.BusinessTime;
import cn.hrss.zcrd.shared.Keyset;
import cn.hrss.zcrd.unit.BusinessType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A unit's review queue (职称认定审核, 职称认定上报): the declarations that are with the signed-in unit — or that it
 * decided on before — filtered, sorted and paged in the database (index {@code idx_declaration_queue}). Only ever
 * the asking unit's own declarations: the unit comes from the {@link PortalUser}, never from the query.
 */
@Service
public class DeclarationQueue {

    /** Longest page one call returns. */
    public static final int MAX_PAGE_SIZE = 100;

    /** The list's default order: by submission time, the id as tie-breaker. */
    private static final Keyset SUBMISSION_ORDER = new Keyset(
            QueueSort.SUBMITTED_AT.path(),
            "d.id",
            "(select k.submittedAt from Declaration k where k.id = :" + Keyset.ID + ")",
            false);

    static final int MAX_TEXT = 30;
    static final int MAX_REMEMBERED_UNITS = 100_000;

    private final DeclarationAccess access;
    private final UnitLookup units;
    private final TitleCatalog catalog;
    private final BusinessTime time;
    private final Map<Long, Long> unitOfAccount = new java.util.concurrent.ConcurrentHashMap<>();

    @PersistenceContext
    private EntityManager em;

    DeclarationQueue(DeclarationAccess access, UnitLookup units, TitleCatalog catalog, BusinessTime time) {
        this.access = access;
        this.units = units;
        this.catalog = catalog;
        this.time = time;
    }

    /** How many declarations match (for the paginator). */
    @Transactional(readOnly = true)
    public long count(PortalUser unitUser, QueueQuery query) {
        long unitId = unitId(unitUser);
        Map<String, Object> parameters = new LinkedHashMap<>();
        String where = where(unitId, query, parameters);
        TypedQuery<Long> count = em.createQuery("select count(d) from Declaration d where " + where, Long.class);
        parameters.forEach(count::setParameter);
        return count.getSingleResult();
    }

    /**
     * One page: rows {@code first} … {@code first + size - 1} in the order asked (ties broken by id).
     *
     * @param sort null: by submission time
     */
    @Transactional(readOnly = true)
    public List<QueueItem> page(
            PortalUser unitUser, QueueQuery query, int first, int size, QueueSort sort, boolean ascending) {
        long unitId = unitId(unitUser);
        Map<String, Object> parameters = new LinkedHashMap<>();
        String where = where(unitId, query, parameters);
        String direction = ascending ? " asc" : " desc";
        String order = (sort == null ? QueueSort.SUBMITTED_AT : sort).path() + direction + ", d.id" + direction;
        return items(unitId, where, order, parameters, first, size);
    }

    /**
     * At most {@code size} rows that follow {@code last} (null: the first ones) in submission order — the list's
     * default order — found by their key, not counted off (an export reads page after page).
     */
    @Transactional(readOnly = true)
    public List<QueueItem> pageAfter(PortalUser unitUser, QueueQuery query, QueueItem last, int size) {
        long unitId = unitId(unitUser);
        Map<String, Object> parameters = new LinkedHashMap<>();
        String where = where(unitId, query, parameters);
        if (last != null) {
            where = "(" + where + ") and "
                    + SUBMISSION_ORDER.after(last.submittedAt() == null, last.id(), parameters::put);
        }
        return items(unitId, where, SUBMISSION_ORDER.order(), parameters, 0, size);
    }

    private List<QueueItem> items(
            long unitId, String where, String order, Map<String, Object> parameters, int first, int size) {
        TypedQuery<Object[]> select = em.createQuery(
                "select d.id, d.applicantName, d.applicantIdNumber, "
                        + "d.declarationYear, d.levelCode, d.seriesCode, d.titleId, d.state, d.declaringUnitId, d.submittedAt, "
                        + "d.currentUnitId, d.businessType from Declaration d where " + where + " order by " + order,
                Object[].class);
        parameters.forEach(select::setParameter);
        select.setFirstResult(Math.max(0, first));
        select.setMaxResults(Math.max(1, Math.min(size, MAX_PAGE_SIZE)));
        List<Object[]> rows = select.getResultList();
        Set<Long> unitIds = new HashSet<>();
        rows.forEach(r -> unitIds.add((Long) r[8]));
        Map<String, String> levelNames = new LinkedHashMap<>();
        Map<Long, String> unitNames = units.names(unitIds);
        List<QueueItem> items = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            String level = (String) r[4];
            String series = (String) r[5];
            items.add(new QueueItem(
                    (Long) r[0],
                    (String) r[1],
                    (String) r[2],
                    (Integer) r[3],
                    level,
                    levelNames.computeIfAbsent(
                            level, c -> catalog.findLevel(c).map(Level::name).orElse(c)),
                    series,
                    catalog.findSeries(series).map(Series::name).orElse(series),
                    catalog.findTitle((Long) r[6]).map(Title::name).orElse(null),
                    (DeclarationState) r[7],
                    unitNames.get((Long) r[8]),
                    (Instant) r[9],
                    Long.valueOf(unitId).equals(r[10]),
                    (BusinessType) r[11]));
        }
        return items;
    }

    /**
     * The ids of every declaration the query finds (at most {@code limit}), in submission order: "all that match"
     * of a list, for an action the caller then checks row by row.
     */
    @Transactional(readOnly = true)
    public List<Long> ids(PortalUser unitUser, QueueQuery query, int limit) {
        long unitId = unitId(unitUser);
        Map<String, Object> parameters = new LinkedHashMap<>();
        String where = where(unitId, query, parameters);
        TypedQuery<Long> select = em.createQuery(
                "select d.id from Declaration d where " + where + " order by d.submittedAt asc, d.id asc", Long.class);
        parameters.forEach(select::setParameter);
        select.setMaxResults(Math.max(1, limit));
        return select.getResultList();
    }

    private String where(long unitId, QueueQuery query, Map<String, Object> parameters) {
        StringBuilder where = new StringBuilder();
        parameters.put("unit", unitId);
        switch (query.statusOrDefault()) {
            case PENDING -> {
                where.append("d.currentUnitId = :unit and d.state in :states");
                parameters.put("states", List.of(DeclarationState.SUBMITTED, DeclarationState.REPORTED));
            }
            case APPROVED -> {
                where.append("d.currentUnitId = :unit and d.state = :state");
                parameters.put("state", DeclarationState.UNIT_APPROVED);
            }
            case FINAL_APPROVED -> {
                where.append("d.currentUnitId = :unit and d.state = :state");
                parameters.put("state", DeclarationState.FINAL_APPROVED);
            }
            case CURRENT -> where.append("d.currentUnitId = :unit");
            case HANDLED ->
                where.append("d.id in (select d2.id from Declaration d2 join d2.history h "
                        + "where h.unitId = :unit) and (d.currentUnitId is null or d.currentUnitId <> :unit)");
        }
        String name = clean(query.name());
        if (name != null) {
            where.append(" and d.applicantName like :name escape '!'");
            parameters.put("name", "%" + escapeLike(name) + "%");
        }
        String idNumber = clean(query.idNumber());
        if (idNumber != null) {
            where.append(" and d.applicantIdNumber like :idNumber escape '!'");
            parameters.put("idNumber", escapeLike(idNumber.toUpperCase()) + "%");
        }
        if (query.levelCode() != null && !query.levelCode().isBlank()) {
            where.append(" and d.levelCode = :level");
            parameters.put("level", query.levelCode());
        }
        if (query.seriesCode() != null && !query.seriesCode().isBlank()) {
            where.append(" and d.seriesCode = :series");
            parameters.put("series", query.seriesCode());
        }
        if (query.business() != null) {
            where.append(" and d.businessType = :business");
            parameters.put("business", query.business());
        }
        if (query.year() != null) {
            where.append(" and d.declarationYear = :year");
            parameters.put("year", query.year());
        }
        if (query.from() != null) {
            where.append(" and d.submittedAt >= :from");
            parameters.put("from", time.startOf(query.from()));
        }
        if (query.to() != null) {
            where.append(" and d.submittedAt < :to");
            parameters.put("to", time.endOf(query.to()));
        }
        return where.toString();
    }

    private long unitId(PortalUser unitUser) {
        if (unitUser == null || !unitUser.isUnit()) {
            throw new AccessDeniedException("only a unit has a review queue");
        }
        // a unit account belongs to its unit for good: remember it instead of asking on every page
        Long known = unitOfAccount.get(unitUser.accountId());
        if (known != null) {
            return known;
        }
        long unitId = access.unitActor(unitUser).unitId();
        if (unitOfAccount.size() < MAX_REMEMBERED_UNITS) {
            unitOfAccount.put(unitUser.accountId(), unitId);
        }
        return unitId;
    }

    /** Stripped, cut to a length no name or ID number exceeds; null when blank. */
    private static String clean(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String stripped = text.strip();
        return stripped.length() > MAX_TEXT ? stripped.substring(0, MAX_TEXT) : stripped;
    }

    private static String escapeLike(String text) {
        // '!' rather than a backslash: MySQL reads a backslash inside a string literal as an escape itself
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}

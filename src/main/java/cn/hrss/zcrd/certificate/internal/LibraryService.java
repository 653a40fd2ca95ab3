package cn.hrss.zcrd.certificate.internal;

import cn.hrss.zcrd.account.ApplicantDetails;
import cn.hrss.zcrd.account.Applicants;
import cn.hrss.zcrd.account.BackOfficeAction;
import cn.hrss.zcrd.catalog.Level;
import cn.hrss.zcrd.catalog.Series;
import cn.hrss.zcrd.catalog.Specialty;
import cn.hrss.zcrd.catalog.Title;
import cn.hrss.zcrd.catalog.TitleCatalog;
import cn.hrss.zcrd.certificate.CertificateLibrary;
import cn.hrss.zcrd.certificate.CertificateOperator;
import cn.hrss.zcrd.certificate.LibraryEntry;
import cn.hrss.zcrd.certificate.LibraryQuery;
import cn.hrss.zcrd.certificate.LibrarySort;
import cn.hrss.zcrd.declaration.DeclarationFinallyApproved;
import cn.hrss.zcrd.declaration.TransferInfo;
import cn.hrss.zcrd.shared.BusinessTime;
import cn.hrss.zcrd.shared.Keyset;
import cn.hrss.zcrd.unit.BusinessType;
import cn.hrss.zcrd.unit.IssuingAuthorities;
import cn.hrss.zcrd.unit.IssuingAuthorityInfo;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The certificate library: written when a declaration is finally approved (in that transaction: a plain,
 * synchronous listener), read by the library page and by the batch start.
 */
@Service
class LibraryService implements CertificateLibrary {

    static final int MAX_PAGE = 500;

    /** The list's default order (as {@link #orderBy} with no sort): final approval, newest first. */
    private static final Keyset NEWEST_APPROVED = new Keyset(
            "e.final_approved_at",
            "e.id",
            "(SELECT k.final_approved_at FROM certificate_library_entry k WHERE k.id = :" + Keyset.ID + ")",
            true);

    static final String COLUMNS = "e.id, e.declaration_id, e.holder_name, e.id_number, e.level_code, e.level_name, "
            + "e.series_code, e.series_name, e.title_name, e.specialty_name, e.declaration_year, e.final_approved_at, "
            + "e.batch_id, (SELECT c.number FROM title_certificate c WHERE c.id = e.certificate_id) AS certificate_number, "
            + "e.business_type";

    private final NamedParameterJdbcTemplate jdbc;
    private final Applicants applicants;
    private final TitleCatalog catalog;
    private final IssuingAuthorities authorities;
    private final Operators operators;
    private final BusinessTime time;

    LibraryService(
            NamedParameterJdbcTemplate jdbc,
            Applicants applicants,
            TitleCatalog catalog,
            IssuingAuthorities authorities,
            Operators operators,
            BusinessTime time) {
        this.time = time;
        this.jdbc = jdbc;
        this.applicants = applicants;
        this.catalog = catalog;
        this.authorities = authorities;
        this.operators = operators;
    }

    /** 终审通过 (or 确认通过) puts the person into the approving unit's library, in the approval's own transaction. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(DeclarationFinallyApproved approved) {
        ApplicantDetails person = applicants.ofAccount(approved.applicantAccountId());
        // 外地调入确认: the person enters the library as 外地调入, with the original certificate's data
        TransferInfo transfer = approved.transfer();
        String levelName =
                catalog.findLevel(approved.levelCode()).map(Level::name).orElse(approved.levelCode());
        String seriesName =
                catalog.findSeries(approved.seriesCode()).map(Series::name).orElse(approved.seriesCode());
        String titleName =
                catalog.findTitle(approved.titleId()).map(Title::name).orElse("");
        String specialtyName = catalog.findSpecialty(approved.specialtyId())
                .map(Specialty::name)
                .orElse("");
        jdbc.update(
                """
                INSERT INTO certificate_library_entry (declaration_id, applicant_account_id, unit_id, holder_name,
                    id_number, declaration_year, level_code, level_name, series_code, series_name, title_name,
                    specialty_name, final_approved_at, business_type, original_authority, original_number,
                    original_obtained_on)
                VALUES (:declaration, :applicant, :unit, :name, :idNumber, :year, :level, :levelName, :series,
                    :seriesName, :title, :specialty, :at, :business, :originalAuthority, :originalNumber,
                    :originalObtainedOn)""",
                new MapSqlParameterSource()
                        .addValue("declaration", approved.declarationId())
                        .addValue("applicant", approved.applicantAccountId())
                        .addValue("unit", approved.approvingUnitId())
                        .addValue("name", person.name())
                        .addValue("idNumber", person.idNumber())
                        .addValue("year", approved.declarationYear())
                        .addValue("level", approved.levelCode())
                        .addValue("levelName", levelName)
                        .addValue("series", approved.seriesCode())
                        .addValue("seriesName", seriesName)
                        .addValue("title", titleName)
                        .addValue("specialty", specialtyName)
                        .addValue("at", Timestamp.from(approved.occurredAt()))
                        .addValue("business", approved.businessType().name())
                        .addValue("originalAuthority", transfer == null ? null : transfer.issuingAuthority())
                        .addValue("originalNumber", transfer == null ? null : transfer.certificateNumber())
                        .addValue(
                                "originalObtainedOn",
                                transfer == null ? null : java.sql.Date.valueOf(transfer.obtainedOn())));
    }

    @Override
    public CertificateOperator operator() {
        return operators.operator(BackOfficeAction.VIEW_CERTIFICATES);
    }

    @Override
    @Transactional(readOnly = true)
    public long count(LibraryQuery query) {
        Operators.Acting acting = operators.require(BackOfficeAction.VIEW_CERTIFICATES);
        Where where = listing(acting.unitId(), query);
        if (where == null) {
            return 0;
        }
        Long n = jdbc.queryForObject(
                "SELECT COUNT(*) FROM certificate_library_entry e" + where.sql(), where.params(), Long.class);
        return n == null ? 0 : n;
    }

    @Override
    @Transactional(readOnly = true)
    public List<LibraryEntry> find(LibraryQuery query, int first, int pageSize, LibrarySort sort, boolean ascending) {
        Operators.Acting acting = operators.require(BackOfficeAction.VIEW_CERTIFICATES);
        Where where = listing(acting.unitId(), query);
        if (where == null) {
            return List.of();
        }
        where.params()
                .addValue("first", Math.max(first, 0))
                .addValue("size", Math.min(Math.max(pageSize, 1), MAX_PAGE));
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM certificate_library_entry e" + where.sql() + orderBy(sort, ascending)
                        + " LIMIT :size OFFSET :first",
                where.params(),
                LibraryService::entry);
    }

    @Override
    @Transactional(readOnly = true)
    public List<LibraryEntry> findAfter(LibraryQuery query, LibraryEntry last, int pageSize) {
        Operators.Acting acting = operators.require(BackOfficeAction.VIEW_CERTIFICATES);
        Where where = listing(acting.unitId(), query);
        if (where == null) {
            return List.of();
        }
        String after = last == null ? "" : " AND " + NEWEST_APPROVED.after(false, last.id(), where.params()::addValue);
        where.params().addValue("size", Math.min(Math.max(pageSize, 1), MAX_PAGE));
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM certificate_library_entry e" + where.sql() + after + " ORDER BY "
                        + NEWEST_APPROVED.order() + " LIMIT :size",
                where.params(),
                LibraryService::entry);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<IssuingAuthorityInfo> stoppedAuthority() {
        Operators.Acting acting = operators.require(BackOfficeAction.VIEW_CERTIFICATES);
        return authorities.stopped(acting.unitId(), null);
    }

    /**
     * What the list shows: the awaiting entries within the held levels; while the unit's authority is suspended or
     * withdrawn (and it holds no level), every entry of the unit, issued ones too, read-only; else nothing.
     */
    private Where listing(long unitId, LibraryQuery query) {
        Set<String> held = authorities.heldLevels(unitId);
        if (held.isEmpty() && authorities.stopped(unitId, null).isPresent()) {
            return where(unitId, null, query);
        }
        return where(unitId, held, query);
    }

    /** The ids of the awaiting entries matching {@code query} (at most {@code limit}), in the list's order. */
    List<Long> matchingIds(long unitId, LibraryQuery query, int limit) {
        Where where = where(unitId, authorities.heldLevels(unitId), query);
        if (where == null) {
            return List.of();
        }
        where.params().addValue("limit", limit);
        return jdbc.queryForList(
                "SELECT e.id FROM certificate_library_entry e" + where.sql()
                        + orderBy(LibrarySort.FINAL_APPROVED_AT, true) + " LIMIT :limit",
                where.params(),
                Long.class);
    }

    record Where(String sql, MapSqlParameterSource params) {}

    /**
     * The awaiting entries of the unit within its held levels matching the query; null when none can match.
     * {@code heldLevels} null: every entry of the unit (the read-only list of a stopped authority).
     */
    Where where(long unitId, Set<String> heldLevels, LibraryQuery q) {
        if (heldLevels != null && heldLevels.isEmpty()) {
            return null;
        }
        LibraryQuery query = q == null ? LibraryQuery.all() : q;
        StringBuilder sql = new StringBuilder(" WHERE e.unit_id = :unit");
        MapSqlParameterSource p = new MapSqlParameterSource().addValue("unit", unitId);
        if (heldLevels != null) {
            sql.append(" AND e.certificate_id IS NULL AND e.batch_id IS NULL AND e.level_code IN (:held)");
            p.addValue("held", heldLevels);
        }
        if (present(query.name())) {
            sql.append(" AND e.holder_name LIKE :name ESCAPE '!'");
            p.addValue("name", "%" + likeEscaped(query.name().strip()) + "%");
        }
        if (present(query.idNumber())) {
            sql.append(" AND e.id_number = :idNumber");
            p.addValue("idNumber", query.idNumber().strip().toUpperCase(Locale.ROOT));
        }
        if (present(query.levelCode())) {
            sql.append(" AND e.level_code = :level");
            p.addValue("level", query.levelCode());
        }
        if (present(query.seriesCode())) {
            sql.append(" AND e.series_code = :series");
            p.addValue("series", query.seriesCode());
        }
        if (query.year() != null) {
            sql.append(" AND e.declaration_year = :year");
            p.addValue("year", query.year());
        }
        if (query.approvedFrom() != null) {
            sql.append(" AND e.final_approved_at >= :from");
            p.addValue("from", Timestamp.from(time.startOf(query.approvedFrom())));
        }
        if (query.approvedTo() != null) {
            sql.append(" AND e.final_approved_at < :to");
            p.addValue("to", Timestamp.from(time.endOf(query.approvedTo())));
        }
        return new Where(sql.toString(), p);
    }

    private static String orderBy(LibrarySort sort, boolean ascending) {
        String direction = ascending ? " ASC" : " DESC";
        String column = switch (sort == null ? LibrarySort.FINAL_APPROVED_AT : sort) {
            case FINAL_APPROVED_AT -> "e.final_approved_at";
            case NAME -> "e.holder_name";
            case ID_NUMBER -> "e.id_number";
            case LEVEL -> "e.level_code";
            case SERIES -> "e.series_code";
        };
        if (sort == null) {
            direction = " DESC";
        }
        return " ORDER BY " + column + direction + ", e.id" + direction;
    }

    static LibraryEntry entry(ResultSet rs, int row) throws SQLException {
        long batch = rs.getLong("batch_id");
        Long batchId = rs.wasNull() ? null : batch;
        return new LibraryEntry(
                rs.getLong("id"),
                rs.getLong("declaration_id"),
                rs.getString("holder_name"),
                rs.getString("id_number"),
                rs.getString("level_code"),
                rs.getString("level_name"),
                rs.getString("series_code"),
                rs.getString("series_name"),
                rs.getString("title_name"),
                rs.getString("specialty_name"),
                rs.getInt("declaration_year"),
                rs.getTimestamp("final_approved_at").toInstant(),
                batchId,
                rs.getString("certificate_number"),
                BusinessType.valueOf(rs.getString("business_type")));
    }

    static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    static String likeEscaped(String s) {
        return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}

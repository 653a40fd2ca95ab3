package cn.hrss.zcrd.audit.internal;

import cn.hrss.zcrd.audit.AuditQuery;
import cn.hrss.zcrd.audit.AuditRecord;
import cn.hrss.zcrd.shared.Keyset;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JPQL of an admin's filter: bound parameters only (no filter text ever becomes query text), newest first
 * with the id as tie-breaker so paging is stable.
 */
final class AuditSearchJpql {

    /** Newest first, the id as tie-breaker (index {@code idx_audit_record_time} holds the id beside the time). */
    private static final Keyset ORDER = new Keyset(
            "r.occurredAt", "r.id", "(select k.occurredAt from AuditRow k where k.id = :" + Keyset.ID + ")", true);

    /** {@code !} rather than a backslash: MySQL would read {@code '\'} in SQL text as an escaped quote. */
    static final char LIKE_ESCAPE = '!';

    private final String where;
    private final Map<String, Object> parameters;

    private AuditSearchJpql(String where, Map<String, Object> parameters) {
        this.where = where;
        this.parameters = parameters;
    }

    /** {@code occurred_at} holds UTC wall-clock time. */
    static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static AuditSearchJpql of(AuditQuery filter) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (filter.from() != null) {
            conditions.add("r.occurredAt >= :from");
            parameters.put("from", utc(filter.from()));
        }
        if (filter.to() != null) {
            conditions.add("r.occurredAt < :to");
            parameters.put("to", utc(filter.to()));
        }
        if (filter.action() != null) {
            conditions.add("r.action = :action");
            parameters.put("action", filter.action().toUpperCase(Locale.ROOT));
        }
        if (filter.actorLoginName() != null) {
            conditions.add("lower(r.actorLogin) like :actor escape '" + LIKE_ESCAPE + "'");
            parameters.put("actor", "%" + escapeLike(filter.actorLoginName().toLowerCase(Locale.ROOT)) + "%");
        }
        if (filter.authenticatedBy() != null) {
            conditions.add("r.authenticatedBy = :method");
            parameters.put("method", filter.authenticatedBy());
        }
        if (filter.outcome() != null) {
            conditions.add("r.outcome = :outcome");
            parameters.put("outcome", filter.outcome());
        }
        if (filter.clientAddress() != null) {
            conditions.add("r.clientAddress like :address escape '" + LIKE_ESCAPE + "'");
            parameters.put("address", escapeLike(filter.clientAddress()) + "%");
        }
        if (filter.actorAccounts() != null) {
            if (filter.actorAccounts().isEmpty()) {
                conditions.add("1 = 0");
            } else {
                conditions.add("r.actorAccountId in :actorAccounts");
                parameters.put("actorAccounts", filter.actorAccounts());
            }
        }
        return new AuditSearchJpql(
                conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions), parameters);
    }

    /** The same filter, for the rows after {@code last} (null: all of them) in the list's order. */
    AuditSearchJpql after(AuditRecord last) {
        if (last == null) {
            return this;
        }
        Map<String, Object> more = new LinkedHashMap<>(parameters);
        String condition = ORDER.after(false, last.id(), more::put);
        return new AuditSearchJpql((where.isEmpty() ? " where " : where + " and ") + condition, more);
    }

    String select() {
        return "select r from AuditRow r" + where + " order by " + ORDER.order();
    }

    String count() {
        return "select count(r) from AuditRow r" + where;
    }

    Map<String, Object> parameters() {
        return parameters;
    }

    /** The text matches itself only: {@code %}, {@code _} and the escape character lose their meaning. */
    static String escapeLike(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c == '%' || c == '_' || c == LIKE_ESCAPE) {
                escaped.append(LIKE_ESCAPE);
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}

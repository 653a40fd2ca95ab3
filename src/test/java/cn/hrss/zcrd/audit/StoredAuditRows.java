package cn.hrss.zcrd.audit;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reads audit rows straight from the table, past the service and its access check: what is really stored. */
final class StoredAuditRows {

    private final JdbcTemplate jdbc;

    StoredAuditRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Rows of {@code action} whose actor login name is {@code loginName}, newest first. */
    List<Map<String, Object>> of(String action, String loginName) {
        return jdbc.queryForList(
                "select * from audit_record where action_code = ? and actor_login = ? " + "order by id desc",
                action,
                loginName);
    }

    /** Rows of {@code action} since row {@code afterId}, newest first. */
    List<Map<String, Object>> since(long afterId, String action) {
        return jdbc.queryForList(
                "select * from audit_record where id > ? and action_code = ? order by id desc", afterId, action);
    }

    long lastId() {
        Long id = jdbc.queryForObject("select max(id) from audit_record", Long.class);
        return id == null ? 0 : id;
    }

    /** How many rows hold {@code text} anywhere a person could see it. */
    long mentioning(String text) {
        String like = "%" + text + "%";
        return jdbc.queryForObject(
                "select count(*) from audit_record where actor_login like ? or detail like ? " + "or target_id like ?",
                Long.class,
                like,
                like,
                like);
    }
}

package cn.hrss.zcrd.account.internal;

import cn.hrss.zcrd.account.LoginProperties;
import cn.hrss.zcrd.account.PortalAccountKind;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Failed portal logins per login name — also for names that have no account, so that the lockout message
 * tells nothing about which accounts exist.
 */
@Component
public class LoginAttempts {

    private final JdbcTemplate jdbc;
    private final LoginProperties properties;

    LoginAttempts(JdbcTemplate jdbc, LoginProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @Transactional(readOnly = true)
    public boolean isLocked(PortalAccountKind kind, String loginName, Instant now) {
        return isLocked(kind.name(), loginName, now);
    }

    /** The same for any kind of login ({@code BACK_OFFICE} for the back office's fallback). */
    @Transactional(readOnly = true)
    public boolean isLocked(String kind, String loginName, Instant now) {
        List<Timestamp> until = jdbc.queryForList(
                "select locked_until from login_attempt where kind = ? and login_name = ? and locked_until is not null",
                Timestamp.class,
                kind,
                loginName);
        return !until.isEmpty() && until.get(0).toInstant().isAfter(now);
    }

    /** Counts a failure; returns whether the name is now locked. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean recordFailure(PortalAccountKind kind, String loginName, Instant now) {
        return recordFailure(kind.name(), loginName, now);
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean recordFailure(String kind, String loginName, Instant now) {
        List<Integer> failures = jdbc.queryForList(
                "select failures from login_attempt where kind = ? and login_name = ? for update",
                Integer.class,
                kind,
                loginName);
        int count = failures.isEmpty() ? 1 : failures.get(0) + 1;
        Timestamp lockedUntil =
                count >= properties.maxFailures() ? Timestamp.from(now.plus(properties.lockDuration())) : null;
        if (failures.isEmpty()) {
            jdbc.update(
                    "insert into login_attempt (kind, login_name, failures, last_failure_at, locked_until) "
                            + "values (?, ?, ?, ?, ?)",
                    kind,
                    loginName,
                    count,
                    Timestamp.from(now),
                    lockedUntil);
        } else {
            // after a lock has run out the count starts again
            jdbc.update(
                    "update login_attempt set failures = ?, last_failure_at = ?, locked_until = ? "
                            + "where kind = ? and login_name = ?",
                    lockedUntil == null ? count : 0,
                    Timestamp.from(now),
                    lockedUntil,
                    kind,
                    loginName);
        }
        return lockedUntil != null;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void clear(PortalAccountKind kind, String loginName) {
        clear(kind.name(), loginName);
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void clear(String kind, String loginName) {
        jdbc.update("delete from login_attempt where kind = ? and login_name = ?", kind, loginName);
    }
}

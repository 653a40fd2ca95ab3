package cn.hrss.zcrd.account.internal;

import cn.hrss.zcrd.account.LoginProperties;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Failed password logins per login name and client address, and per name for all addresses (address
 * {@value #ALL_ADDRESSES}), in the table {@code login_failure} — also for names without an account, so a lock
 * tells nothing about which accounts exist.
 *
 * <p>A try is <em>claimed</em> before its password is compared: one {@code UPDATE} that matches only a row whose
 * lock is not in force counts the try and, when it is the last one allowed, sets the lock — check and count in
 * one statement, so however many tries race on however many nodes, at most {@code max-failures} of them get past
 * it, and a failure never lifts a lock in force. A successful login deletes the name's counts (its own address's
 * and all addresses'); other addresses' locks stay. Every statement runs on its own (auto-commit): single-row
 * statements cannot deadlock each other.
 */
@Component
public class LoginAttempts {

    /** The address of a name's row for all addresses together. */
    public static final String ALL_ADDRESSES = "*";

    private final JdbcTemplate jdbc;
    private final LoginProperties properties;

    LoginAttempts(JdbcTemplate jdbc, LoginProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /**
     * What a try of the name from an address meets: the name's failures in a row (all addresses) and whether it is
     * locked (for all, or for this address).
     */
    public record NameState(int failures, boolean locked) {}

    /** How a claim ended. */
    public enum Claim {
        /** counted: the try may compare its password */
        CLAIMED,
        /** this address may not try the name now */
        LOCKED_FOR_ADDRESS,
        /** nobody may try the name now */
        LOCKED_FOR_ALL
    }

    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public NameState state(String kind, String loginName, String address, Instant now) {
        int[] failures = {0};
        boolean[] locked = {false};
        jdbc.query(
                "select address, failures, locked_until, last_failure_at from login_failure "
                        + "where kind = ? and login_name = ? and address in (?, ?)",
                rs -> {
                    Timestamp lockedUntil = rs.getTimestamp(3);
                    boolean inForce =
                            lockedUntil != null && lockedUntil.toInstant().isAfter(now);
                    locked[0] |= inForce;
                    boolean current = inForce
                            || (lockedUntil == null
                                    && !rs.getTimestamp(4).toInstant().isBefore(now.minus(properties.failureMemory())));
                    if (ALL_ADDRESSES.equals(rs.getString(1)) && current) {
                        failures[0] = rs.getInt(2);
                    }
                },
                kind,
                loginName,
                address,
                ALL_ADDRESSES);
        return new NameState(failures[0], locked[0]);
    }

    /**
     * Counts one try of {@code loginName} from {@code address} before its password is compared: first against the
     * address's lock, then against the name's lock for all addresses.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Claim claim(String kind, String loginName, String address, Instant now) {
        if (!claimRow(kind, loginName, address, properties.maxFailures(), now)) {
            return Claim.LOCKED_FOR_ADDRESS;
        }
        if (!claimRow(kind, loginName, ALL_ADDRESSES, properties.maxFailuresAllAddresses(), now)) {
            return Claim.LOCKED_FOR_ALL;
        }
        return Claim.CLAIMED;
    }

    /** Whether {@code address} may not try the name now (after a failed try: did it lock?). */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public boolean isLocked(String kind, String loginName, String address, Instant now) {
        Integer locked = jdbc.queryForObject(
                "select count(*) from login_failure where kind = ? and login_name = ? and address in (?, ?) "
                        + "and locked_until > ?",
                Integer.class,
                kind,
                loginName,
                address,
                ALL_ADDRESSES,
                Timestamp.from(now));
        return locked != null && locked > 0;
    }

    /** A successful login: the name starts afresh from this address and for all; other addresses keep theirs. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void succeeded(String kind, String loginName, String address) {
        jdbc.update(
                "delete from login_failure where kind = ? and login_name = ? and address in (?, ?)",
                kind,
                loginName,
                address,
                ALL_ADDRESSES);
    }

    /**
     * One row's claim. A lock that has run out, or a count whose last failure is older than the failure memory,
     * starts again (a statement that touches no lock in force); then the claim proper; a row that does not exist
     * yet is inserted as the first failure ({@code INSERT IGNORE}: a concurrent insert wins, and this try claims on
     * the row it made).
     */
    private boolean claimRow(String kind, String loginName, String address, int maxFailures, Instant now) {
        Timestamp at = Timestamp.from(now);
        Timestamp lockEnd = Timestamp.from(now.plus(properties.lockDuration()));
        jdbc.update(
                "update login_failure set failures = 0, locked_until = null "
                        + "where kind = ? and login_name = ? and address = ? "
                        + "and (locked_until <= ? or (locked_until is null and last_failure_at < ?))",
                kind,
                loginName,
                address,
                at,
                Timestamp.from(now.minus(properties.failureMemory())));
        for (int round = 0; round < 2; round++) {
            // locked_until first: MySQL and MariaDB assign left to right, so it must read failures before they change
            int claimed = jdbc.update(
                    "update login_failure "
                            + "set locked_until = case when failures + 1 >= ? then ? else null end, "
                            + "failures = failures + 1, last_failure_at = ? "
                            + "where kind = ? and login_name = ? and address = ? and locked_until is null",
                    maxFailures,
                    lockEnd,
                    at,
                    kind,
                    loginName,
                    address);
            if (claimed == 1) {
                return true;
            }
            int inserted = jdbc.update(
                    "insert ignore into login_failure "
                            + "(kind, login_name, address, failures, last_failure_at, locked_until) "
                            + "values (?, ?, ?, 1, ?, ?)",
                    kind,
                    loginName,
                    address,
                    at,
                    maxFailures <= 1 ? lockEnd : null);
            if (inserted == 1) {
                return true;
            }
        }
        return false;
    }

    /** Counts nobody needs any more: no lock in force, last failure beyond the failure memory. */
    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT10M")
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void forgetOldFailures() {
        Instant now = Instant.now();
        jdbc.update(
                "delete from login_failure where (locked_until is null or locked_until < ?) and last_failure_at < ?",
                Timestamp.from(now),
                Timestamp.from(now.minus(properties.failureMemory()).minus(properties.lockDuration())));
    }
}

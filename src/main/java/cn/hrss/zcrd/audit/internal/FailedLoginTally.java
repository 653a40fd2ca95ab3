package cn.hrss.zcrd.audit.internal;

import cn.hrss.zcrd.audit.ActorKind;
import cn.hrss.zcrd.audit.AuditActor;
import cn.hrss.zcrd.audit.AuditEntry;
import cn.hrss.zcrd.audit.AuditTrail;
import cn.hrss.zcrd.audit.AuthenticatedBy;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Failed logins that would flood the trail one row each — names without an account, and tries refused before
 * their password was compared (over the address's budget, captcha missing or wrong, locked) — counted here and
 * written as one {@value #ACTION} row per client address, kind of login and minute, with the count, the reasons
 * and how many names were tried. An attack stays visible (which address, how much, when) without an anonymous
 * client deciding how many rows the trail gets. Each node sums up its own requests; a row comes at most a minute
 * late, and what a crash interrupts within that minute is lost (the log keeps the count too).
 *
 * <p>Memory is bounded: at most {@value #MAX_ADDRESSES} addresses a minute are told apart; further ones are summed
 * up under the address {@code *}.
 */
@Component
class FailedLoginTally {

    static final String ACTION = "LOGIN_FAILURES_SUMMARY";
    static final int MAX_ADDRESSES = 10_000;
    private static final int MAX_NAMES = 1_000;
    private static final Logger LOG = LoggerFactory.getLogger(FailedLoginTally.class);

    private final AuditTrail trail;
    private final Clock clock;
    private volatile Map<Key, Sum> current = new ConcurrentHashMap<>();

    FailedLoginTally(AuditTrail trail, Clock clock) {
        this.trail = trail;
        this.clock = clock;
    }

    /** Who tried: the kind of login ({@code PORTAL_PERSON}, {@code BACK_OFFICE} …) and the client address. */
    record Key(ActorKind kind, AuthenticatedBy by, String address) {}

    /** One minute's failures of one key. */
    static final class Sum {
        final Instant first;
        final LongAdder count = new LongAdder();
        final Map<String, LongAdder> reasons = new ConcurrentHashMap<>();
        final Set<String> names = ConcurrentHashMap.newKeySet();

        Sum(Instant first) {
            this.first = first;
        }
    }

    void count(ActorKind kind, AuthenticatedBy by, String address, String reason, String maskedName) {
        Map<Key, Sum> sums = current;
        Key key = new Key(kind, by, address);
        if (!sums.containsKey(key) && sums.size() >= MAX_ADDRESSES) {
            key = new Key(kind, by, "*");
        }
        Sum sum = sums.computeIfAbsent(key, k -> new Sum(clock.instant()));
        sum.count.increment();
        sum.reasons.computeIfAbsent(reason, r -> new LongAdder()).increment();
        if (maskedName != null && sum.names.size() < MAX_NAMES) {
            sum.names.add(maskedName);
        }
    }

    /** Writes the minute's rows (every minute, and at shutdown). */
    @Scheduled(fixedRate = 60_000, initialDelay = 60_000)
    void flush() {
        Map<Key, Sum> sums = current;
        current = new ConcurrentHashMap<>();
        Instant until = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        sums.forEach((key, sum) -> {
            StringBuilder reasons = new StringBuilder();
            sum.reasons.forEach((reason, n) -> reasons.append(reasons.isEmpty() ? "" : ",")
                    .append(reason)
                    .append(':')
                    .append(n.sum()));
            String detail = "count=" + sum.count.sum() + "; reasons=" + reasons + "; names=" + sum.names.size()
                    + (sum.names.size() >= MAX_NAMES ? "+" : "") + "; from=" + sum.first.truncatedTo(ChronoUnit.SECONDS)
                    + "; until=" + until;
            LOG.info("failed logins from {} ({}): {}", key.address(), key.kind(), detail);
            try {
                trail.record(AuditEntry.action(ACTION)
                        .by(AuditActor.attempt(key.kind(), null, key.by()))
                        .from(key.address())
                        .refused()
                        .detail(detail)
                        .build());
            } catch (RuntimeException e) {
                LOG.warn("failed-login summary not recorded: {}", e.toString());
            }
        });
    }

    @PreDestroy
    void flushAtShutdown() {
        flush();
    }
}

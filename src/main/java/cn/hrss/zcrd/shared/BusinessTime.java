package cn.hrss.zcrd.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The one business time zone ({@code zcrd.time-zone}, Asia/Shanghai unless configured) and the one way dates and
 * times are written for people — on pages, in PDFs, in exports — whatever the host's zone. Pages reach it as
 * {@code #{businessTime}}; services take it by injection. Instants are stored as instants; only what is shown is
 * turned into the business zone, here.
 */
public final class BusinessTime {

    /** The zone when none is configured: the province's. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final Clock clock;

    /** @param clock the platform's clock; its instant is the time, {@code zone} is how it is shown */
    public BusinessTime(Clock clock, ZoneId zone) {
        this.clock = clock.withZone(zone);
    }

    /** The platform clock in the business zone. */
    public Clock clock() {
        return clock;
    }

    public ZoneId zone() {
        return clock.getZone();
    }

    /** Today in the business zone. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    /** The instant as a business-zone date and time to the minute, {@code 2026-12-06 18:09}; "" for none. */
    public String minutes(Instant instant) {
        return instant == null ? "" : MINUTES.format(instant.atZone(zone()));
    }

    /** To the second, {@code 2026-12-06 18:09:27}; "" for none. */
    public String seconds(Instant instant) {
        return instant == null ? "" : SECONDS.format(instant.atZone(zone()));
    }

    /** The business-zone date of the instant, {@code 2026-12-06}; "" for none. */
    public String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant.atZone(zone()));
    }

    /** {@code 2026-12-06}; "" for none. */
    public String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    /** As printed on certificates and forms, {@code 2026年12月6日}; "" for none. */
    public String chineseDate(LocalDate date) {
        return date == null ? "" : CHINESE_DATE.format(date);
    }

    /** The business-zone date of an instant. */
    public LocalDate dateOf(Instant instant) {
        return instant.atZone(zone()).toLocalDate();
    }

    /** The first instant of a business-zone day (for "from" filters). */
    public Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone()).toInstant();
    }

    /** The first instant after a business-zone day (for inclusive "to" filters). */
    public Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(zone()).toInstant();
    }
}

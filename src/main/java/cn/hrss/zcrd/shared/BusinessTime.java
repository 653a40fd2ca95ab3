package cn.hrss.zcrd.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The one business time zone ({@code zcrd.time-zone}, Asia/Shanghai unless configured) and the one way dates and
 * times are written for people — on pages, in PDFs, in exports — whatever the host's zone. Pages reach it as
 * {@code #{businessTime}}; services take it by injection. Instants are stored as instants; only what is shown is
 * turned into the business zone, here.
 */
public final class BusinessTime {

    /** The zone when none is configured: the province's. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
    // machine formats, not for people: what a signature or the audit chain fixes byte for byte (UTC, never changed)
    private static final DateTimeFormatter PDF_DATE =
            DateTimeFormatter.ofPattern("'D:'yyyyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter CHAIN_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");

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

    /**
     * The business-zone date of the instant, {@code 2026-12-06}; "" for none. Not an overload of {@code date}: EL
     * cannot choose between overloads for a null argument.
     */
    public String day(Instant instant) {
        return instant == null ? "" : DATE.format(instant.atZone(zone()));
    }

    /** {@code 2026-12-06}; "" for none. */
    public String date(LocalDate date) {
        return formatDate(date);
    }

    /** {@code 2026-12-06}; "" for none. A date has no zone: static, for what has no bean at hand. */
    public static String formatDate(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    /**
     * A date as typed in a form, {@code 2026-12-06} (strictly: no 2026-02-30); empty when it is not one. The one way a
     * date field is read ({@link BusinessDateConverter}).
     */
    public static Optional<LocalDate> parseDate(String text) {
        try {
            return Optional.of(LocalDate.parse(text.strip(), DATE));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** As printed on certificates and forms, {@code 2026年12月6日}; "" for none. A date has no zone: static. */
    public static String chineseDate(LocalDate date) {
        return date == null ? "" : CHINESE_DATE.format(date);
    }

    /** A PDF date string in UTC, {@code D:20261206100927Z} (document info, signature /M): machine text, signed. */
    public static String pdfDate(Instant instant) {
        return PDF_DATE.format(instant);
    }

    /**
     * The audit chain's encoding of a stored UTC wall-clock value, {@code 2026-12-06T10:09:27.123456}: hashed into
     * the chain, so the same text whatever the zone of the verifier (never the business zone).
     */
    public static String chainTime(LocalDateTime utcWallClock) {
        return CHAIN_TIME.format(utcWallClock);
    }

    /** The business-zone date of an instant. */
    public LocalDate dateOf(Instant instant) {
        return instant.atZone(zone()).toLocalDate();
    }

    /** The instant of a business-zone wall-clock time (a "from"/"to" entered on a page). */
    public Instant instant(LocalDateTime time) {
        return time.atZone(zone()).toInstant();
    }

    /** The first instant of a business-zone day (for "from" filters). */
    public Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone()).toInstant();
    }

    /** The first instant after a business-zone day (for inclusive "to" filters). */
    public Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(zone()).toInstant();
    }

    /**
     * The choices of a 申报年度 (declaration year) filter, newest first: next year (one may declare for it) back to
     * {@code yearsBack} years before this business-zone year.
     */
    public List<Integer> declarationYears(int yearsBack) {
        int next = today().getYear() + 1;
        return IntStream.rangeClosed(0, yearsBack + 1).mapToObj(i -> next - i).toList();
    }
}

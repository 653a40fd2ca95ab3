package cn.hrss.zcrd.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The one formatter: an instant near midnight UTC is the next day in Shanghai, whatever the JVM's zone. */
class BusinessTimeTest {

    private static final Instant HALF_PAST_FOUR_UTC = Instant.parse("2026-12-06T16:30:27Z");
    private final BusinessTime time =
            new BusinessTime(Clock.fixed(HALF_PAST_FOUR_UTC, ZoneOffset.UTC), ZoneId.of("Asia/Shanghai"));

    @Test
    void instantsAreShownInTheBusinessZone() {
        assertThat(time.minutes(HALF_PAST_FOUR_UTC)).isEqualTo("2026-12-07 00:30");
        assertThat(time.seconds(HALF_PAST_FOUR_UTC)).isEqualTo("2026-12-07 00:30:27");
        assertThat(time.day(HALF_PAST_FOUR_UTC)).isEqualTo("2026-12-07");
        assertThat(time.dateOf(HALF_PAST_FOUR_UTC)).isEqualTo(LocalDate.of(2026, 12, 7));
        assertThat(time.minutes(null)).isEmpty();
        assertThat(time.seconds(null)).isEmpty();
        assertThat(time.day(null)).isEmpty();
    }

    @Test
    void todayIsTheBusinessZonesDayWhateverTheClocksZone() {
        assertThat(time.today()).isEqualTo(LocalDate.of(2026, 12, 7));
        assertThat(time.now()).isEqualTo(LocalDateTime.of(2026, 12, 7, 0, 30, 27));
        assertThat(time.clock().instant()).isEqualTo(HALF_PAST_FOUR_UTC);
    }

    @Test
    void daysOfFiltersAreBusinessZoneDays() {
        LocalDate day = LocalDate.of(2026, 12, 7);
        assertThat(time.startOf(day)).isEqualTo(Instant.parse("2026-12-06T16:00:00Z"));
        assertThat(time.endOf(day)).isEqualTo(Instant.parse("2026-12-07T16:00:00Z"));
        assertThat(time.instant(LocalDateTime.of(2026, 12, 7, 0, 30))).isEqualTo(Instant.parse("2026-12-06T16:30:00Z"));
    }

    @Test
    void datesAreWrittenAndReadInOneShape() {
        assertThat(time.date(LocalDate.of(2026, 1, 5))).isEqualTo("2026-01-05");
        assertThat(BusinessTime.chineseDate(LocalDate.of(2026, 1, 5))).isEqualTo("2026年1月5日");
        assertThat(BusinessTime.parseDate(" 2026-01-05 ")).contains(LocalDate.of(2026, 1, 5));
        assertThat(BusinessTime.parseDate("2026-02-30")).isEmpty();
        assertThat(BusinessTime.parseDate("2026-1-5")).isEmpty();
        assertThat(BusinessTime.parseDate("05.01.2026")).isEmpty();
        BusinessDateConverter converter = new BusinessDateConverter();
        assertThat(converter.getAsObject(null, null, "2026-12-07")).isEqualTo(LocalDate.of(2026, 12, 7));
        assertThat(converter.getAsObject(null, null, " ")).isNull();
        assertThat(converter.getAsString(null, null, LocalDate.of(2026, 12, 7))).isEqualTo("2026-12-07");
    }

    @Test
    void machineFormatsStayUtc() {
        assertThat(BusinessTime.pdfDate(HALF_PAST_FOUR_UTC)).isEqualTo("D:20261206163027Z");
        assertThat(BusinessTime.chainTime(LocalDateTime.of(2026, 12, 6, 16, 30, 27, 123_456_000)))
                .isEqualTo("2026-12-06T16:30:27.123456");
    }
}

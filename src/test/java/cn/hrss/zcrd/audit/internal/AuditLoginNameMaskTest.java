package cn.hrss.zcrd.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A login name typed into a failed login is stored masked: it may be someone else's. */
class AuditLoginNameMaskTest {

    @Test
    void anIdNumberKeepsRegionAndLastFour() {
        assertThat(LoginNameMask.mask("370102199001011234")).isEqualTo("370102********1234");
        assertThat(LoginNameMask.mask(" 37010219900101123x ")).isEqualTo("370102********123X");
    }

    @Test
    void aCreditCodeIsMaskedTheSameWay() {
        assertThat(LoginNameMask.mask("91370100MA3C00001X")).isEqualTo("913701********001X");
    }

    @Test
    void aMobileNumberKeepsThreeAndFour() {
        assertThat(LoginNameMask.mask("13812345678")).isEqualTo("138****5678");
    }

    @Test
    void shortNamesKeepLittleOrNothing() {
        assertThat(LoginNameMask.mask("wangxiao")).isEqualTo("W******O");
        assertThat(LoginNameMask.mask("abcd")).isEqualTo("****");
        assertThat(LoginNameMask.mask("")).isEmpty();
        assertThat(LoginNameMask.mask(null)).isEmpty();
    }

    @Test
    void controlCharactersGoAndTheLengthIsBounded() {
        assertThat(LoginNameMask.mask("ab\ncd\u0000ef")).isEqualTo("A****F");
        assertThat(LoginNameMask.mask("x".repeat(500))).hasSize(LoginNameMask.MAX_LENGTH);
    }

    @Test
    void atLeastAThirdIsAlwaysHidden() {
        for (int length = 1; length <= 64; length++) {
            String masked = LoginNameMask.mask("9".repeat(length));
            assertThat(masked.chars().filter(c -> c == '*').count())
                    .as("length " + length)
                    .isGreaterThanOrEqualTo(Math.max(1, length / 3));
        }
    }
}

package cn.hrss.zcrd.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CreditCodeTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "91350100M000100Y43",
                "91110000710925462X",
                "91110108551385082Q",
                "91370000163044841F",
                "91110108551385082q"
            })
    void realCodesAreValid(String code) {
        assertThat(CreditCode.problem(code)).isEmpty();
        assertThat(CreditCode.of(code).value()).isEqualTo(code.toUpperCase());
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "'',                   LENGTH",
        "91350100M000100Y4,    LENGTH",
        "91350100M000100Y433,  LENGTH",
        "91350100M000100I43,   CHARACTERS",
        "91350100M00010OY43,   CHARACTERS",
        "9135010-M000100Y43,   CHARACTERS",
        "91350100M000100Y44,   CHECK_CHARACTER",
        "91110000710925462Y,   CHECK_CHARACTER",
        "000000000000000000,   AUTHORITY",
        "B1370100MA3C00001X,   AUTHORITY",
        "94370100MA3C00001X,   TYPE",
        "Y2370100MA3C00001X,   TYPE",
        "9137A100MA3C00001X,   REGION",
        "91000000MA3C00001X,   REGION",
        "91379900MA3C00001X,   REGION"
    })
    void eachKindOfMistakeIsNamed(String text, CreditCode.Problem expected) {
        assertThat(CreditCode.problem(text)).contains(expected);
    }

    @Test
    void aCheckValueOf31IsWrittenAsZero() {
        // find a 17-character body whose check value is 0, to cover the wrap-around
        String body = "9111000071092546";
        String found = null;
        for (char c : "0123456789ABCDEFGHJKLMNPQRTUWXY".toCharArray()) {
            if (CreditCode.checkCharacter(body + c + "?") == '0') {
                found = body + c + "0";
            }
        }
        assertThat(found).isNotNull();
        assertThat(CreditCode.problem(found)).isEmpty();
    }
}

package cn.hrss.zcrd.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdNumberTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

    @Test
    void theStandardsOwnExampleIsValidWithItsXCheckCharacter() {
        IdNumber id = IdNumber.of("11010519491231002x", TODAY);

        assertThat(id.value()).isEqualTo("11010519491231002X");
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(id.sex()).isEqualTo(Sex.FEMALE);
        assertThat(id.masked()).isEqualTo("110105********002X");
        assertThat(IdNumber.masked("11010519491231002X"))
                .as("a stored number masked without parsing it")
                .isEqualTo("110105********002X");
        assertThat(IdNumber.masked("123")).isEqualTo("123");
        assertThat(IdNumber.masked(null)).isNull();
    }

    @Test
    void birthDateAndSexFollowFromTheNumber() {
        IdNumber id = IdNumber.of(" 440524198001010013 ", TODAY);

        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1980, 1, 1));
        assertThat(id.sex()).isEqualTo(Sex.MALE);
        assertThat(IdNumber.of("110101199003070011", TODAY).sex()).isEqualTo(Sex.MALE);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "11010319700101001", // 崇文区, merged into 东城区 in 2010
        "37012119650101001", // 历城县, a district since 1987
        "37120219800101001", // 莱芜市莱城区, part of 济南 since 2019
        "81000019900101001" // 港澳居民居住证
    })
    void abolishedDivisionsStillIssuedValidNumbers(String body) {
        String number = body + IdNumber.checkCharacter(body);

        assertThat(IdNumber.problem(number, TODAY)).isEmpty();
        assertThat(DivisionCodes.name(body.substring(0, 6))).isPresent();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "'',                   LENGTH",
        "1101011990030700,     LENGTH",
        "1101011990030700111,  LENGTH",
        "11010119900307001A,   FORMAT",
        "1101011990O307001X,   FORMAT",
        "990101199003070011,   REGION",
        "370199199003070011,   REGION",
        "119901199003070011,   REGION",
        "110101199002300014,   BIRTH_DATE",
        "110101203001010011,   BIRTH_DATE",
        "440524188001010014,   BIRTH_DATE",
        "110101199003070012,   CHECK_DIGIT",
        "11010519491231002Y,   FORMAT",
        "110105194912310021,   CHECK_DIGIT"
    })
    void eachKindOfMistakeIsNamed(String text, IdNumber.Problem expected) {
        assertThat(IdNumber.problem(text, TODAY)).contains(expected);
        assertThatThrownBy(() -> IdNumber.of(text, TODAY)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyProblemHasAMessageKey() {
        assertThat(IdNumber.Problem.CHECK_DIGIT.messageKey()).isEqualTo("idnumber.invalid.check-digit");
    }
}

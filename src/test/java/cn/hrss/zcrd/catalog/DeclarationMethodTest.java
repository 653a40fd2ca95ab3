package cn.hrss.zcrd.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DeclarationMethodTest {

    private static DeclarationMethod requiring(int years) {
        return new DeclarationMethod(1, "X", "测试", "ZHULI", Education.BACHELOR, years, 1, true);
    }

    @Test
    void eligibilityStartsWhenTheWholeYearsHavePassed() {
        assertThat(requiring(1).eligibleFrom(LocalDate.of(2023, 7, 1))).isEqualTo(LocalDate.of(2024, 7, 1));
        assertThat(requiring(3).eligibleFrom(LocalDate.of(2021, 6, 30))).isEqualTo(LocalDate.of(2024, 6, 30));
        assertThat(requiring(0).eligibleFrom(LocalDate.of(2024, 6, 30))).isEqualTo(LocalDate.of(2024, 6, 30));
        assertThat(requiring(1).eligibleFrom(LocalDate.of(2024, 2, 29))).isEqualTo(LocalDate.of(2025, 2, 28));
    }

    @Test
    void negativeYearsAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> requiring(-1));
    }
}

package cn.hrss.zcrd.unit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnitNameKeyTest {

    @Test
    void fullAndHalfWidthBracketsSpacesAndCaseAreOneName() {
        String key = UnitNameKey.of("济南市（历下）科技有限公司");
        assertThat(UnitNameKey.of("济南市(历下)科技有限公司")).isEqualTo(key);
        assertThat(UnitNameKey.of(" 济南市 ( 历下 ) 科技有限公司 ")).isEqualTo(key);
        assertThat(UnitNameKey.of("济南市【历下】科技\u3000有限公司")).isEqualTo(key);
        assertThat(UnitNameKey.of("济南市〔历下〕科技有限公司")).isEqualTo(key);
        assertThat(UnitNameKey.of("ＡＢＣ科技有限公司")).isEqualTo(UnitNameKey.of("abc科技有限公司"));
    }

    @Test
    void differentNamesStayDifferent() {
        assertThat(UnitNameKey.of("济南市历下科技有限公司")).isNotEqualTo(UnitNameKey.of("济南市(历下)科技有限公司"));
        assertThat(UnitNameKey.of("济南市第一人民医院")).isNotEqualTo(UnitNameKey.of("济南市第二人民医院"));
    }
}

package cn.hrss.zcrd.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Names must name something: allowed characters alone are not enough (issue 14 item 7). */
class FormatsTest {

    @ParameterizedTest
    @ValueSource(strings = {"张三", "欧阳娜娜", "阿依古丽·买买提", "Anna Li", "李 明"})
    void realPersonNamesPass(String name) {
        assertThat(Formats.personName(name)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "'··',         format.person-name.separators",
        "'· ·',        format.person-name.separators",
        "'·张三',      format.person-name.separators",
        "'张三·',      format.person-name.separators",
        "'张··三',     format.person-name.separators",
        "'张3',        format.person-name",
        "'  ',         field.required"
    })
    void personNamesWithoutANameAreRefusedForThat(String name, String key) {
        assertThat(Formats.personName(name)).contains(key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"济南市第一中学", "山东大学（威海）", "IBM中国有限公司", "济南-青岛联合研究院"})
    void realUnitNamesPass(String name) {
        assertThat(Formats.unitName(name)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "'- - - -',    format.unit-name.no-name",
        "'————',       format.unit-name.no-name",
        "'()()',       format.unit-name.no-name",
        "'（）（）',   format.unit-name.no-name",
        "'12345678',   format.unit-name.no-name",
        "'某单位（）', format.unit-name.no-name",
        "'单位<b>',    format.unit-name"
    })
    void unitNamesWithoutANameAreRefusedForThat(String name, String key) {
        assertThat(Formats.unitName(name)).contains(key);
    }
}

package cn.hrss.zcrd.shared;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.zcrd.support.TestFonts;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The cmap coverage of the configured fonts (WenQuanYi Zen Hei, then HanaMin A/B and BabelStone Han, as ops/test
 * installs them) decides what prints.
 */
class PrintableTextTest {

    private static final PrintableText PRINTABLE = new PrintableText(new CjkFont(TestFonts.CONFIGURED));

    @Test
    void namesOfCommonAndMinorityAndLatinCharactersPrint() {
        assertThat(PRINTABLE.printable("欧阳明华")).isTrue();
        assertThat(PRINTABLE.printable("阿依古丽·买买提")).isTrue();
        assertThat(PRINTABLE.printable("John Smith")).isTrue();
        assertThat(PRINTABLE.printable("龑")).isTrue();
        assertThat(PRINTABLE.firstUnprintable(null)).isEmpty();
    }

    @Test
    void namesWithCharactersOfCjkExtensionsBToGAndCompatibilityIdeographsPrintFromTheFallbackFonts() {
        assertThat(Formats.personName(TestFonts.RARE_NAME)).isEmpty();
        assertThat(PRINTABLE.firstUnprintable(TestFonts.RARE_NAME)).isEmpty();
        // 𠀀 U+20000, 𡒄 U+21484 (Ext B), 㐀 U+3400 (Ext A), 𰀀 U+30000 (Ext G), 豈 U+F900 (compatibility)
        assertThat(PRINTABLE.printable("张\uD840\uDC00王\uD845\uDC84\u3400\uD880\uDC00\uF900"))
                .isTrue();
        assertThat(PRINTABLE.problem("name", "王" + TestFonts.EXT_E)).isEmpty();
    }

    @Test
    void aCharacterNoConfiguredFontDrawsIsNamedAtTheField() {
        // 𰁁 U+30041 (Ext G): a Han character (the name format allows it) that no font has a glyph for
        assertThat(Formats.personName("张" + TestFonts.NO_FONT)).isEmpty();
        assertThat(PRINTABLE.firstUnprintable("张" + TestFonts.NO_FONT)).hasValue(0x30041);
        assertThat(PRINTABLE.problem("name", "王" + TestFonts.NO_FONT))
                .contains(new FieldProblem(
                        "name", PrintableText.UNPRINTABLE, List.of("“" + TestFonts.NO_FONT + "”（U+30041）")));
        // without fallbacks the main font's coverage alone decides
        PrintableText mainOnly = new PrintableText(new CjkFont(TestFonts.MAIN));
        assertThat(mainOnly.firstUnprintable("张\uD840\uDC00")).hasValue(0x20000);
    }
}

package cn.hrss.zcrd.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The cmap coverage of the configured font (WenQuanYi Zen Hei, as ops/test installs it) decides what prints. */
class PrintableTextTest {

    private static final PrintableText PRINTABLE =
            new PrintableText(new CjkFont("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc,0"));

    @Test
    void namesOfCommonAndMinorityAndLatinCharactersPrint() {
        assertThat(PRINTABLE.printable("欧阳明华")).isTrue();
        assertThat(PRINTABLE.printable("阿依古丽·买买提")).isTrue();
        assertThat(PRINTABLE.printable("John Smith")).isTrue();
        assertThat(PRINTABLE.printable("龑")).isTrue();
        assertThat(PRINTABLE.firstUnprintable(null)).isEmpty();
    }

    @Test
    void aCharacterOfCjkExtensionBThatNoFontDrawsIsNamedAtTheField() {
        // 𠀀 U+20000 and 𡒄 U+21484: Han characters (the name format allows them) that the font has no glyph for
        assertThat(Formats.personName("张\uD840\uDC00")).isEmpty();
        assertThat(PRINTABLE.firstUnprintable("张\uD840\uDC00")).hasValue(0x20000);
        assertThat(PRINTABLE.problem("name", "王\uD845\uDC84"))
                .contains(new FieldProblem("name", PrintableText.UNPRINTABLE, List.of("“\uD845\uDC84”（U+21484）")));
        assertThat(PRINTABLE.problem("name", "王小明")).isEmpty();
    }
}

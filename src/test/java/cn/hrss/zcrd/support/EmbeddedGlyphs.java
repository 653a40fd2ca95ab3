package cn.hrss.zcrd.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDVectorFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * What a reader of a PDF sees of a text, glyph by glyph (PDFBox): for each character shown, the font resource that
 * draws it (its ToUnicode maps the code to the character) and whether that font is embedded and the glyph has an
 * outline — an empty box (.notdef) or a missing glyph has none.
 */
public final class EmbeddedGlyphs {

    /** One character as shown: its font's name, whether embedded, and whether the glyph has a non-empty outline. */
    public record Shown(String font, boolean embedded, boolean outlined) {}

    private EmbeddedGlyphs() {}

    /** Every character shown in {@code pdf} (all pages), with how it is drawn the first time. */
    public static Map<String, Shown> of(byte[] pdf) throws IOException {
        Map<String, Shown> shown = new LinkedHashMap<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) throws IOException {
                    for (TextPosition p : positions) {
                        if (p.getUnicode() == null || shown.containsKey(p.getUnicode())) {
                            continue;
                        }
                        PDFont font = p.getFont();
                        int code = p.getCharacterCodes()[0];
                        boolean outlined = font instanceof PDVectorFont vector
                                && vector.hasGlyph(code)
                                && !vector.getPath(code).getBounds2D().isEmpty();
                        shown.put(p.getUnicode(), new Shown(font.getName(), font.isEmbedded(), outlined));
                    }
                }
            };
            stripper.getText(doc);
        }
        return shown;
    }

    /**
     * Asserts that every character of {@code text} is shown in {@code pdf} by an embedded font with an outline;
     * returns the fonts that draw them, in the order of the text's characters.
     */
    public static List<String> assertOutlined(byte[] pdf, String text) throws IOException {
        Map<String, Shown> shown = of(pdf);
        List<String> fonts = new ArrayList<>();
        text.codePoints().mapToObj(Character::toString).forEach(c -> {
            Shown s = shown.get(c);
            String what = c + " U+" + Integer.toHexString(c.codePointAt(0)).toUpperCase();
            assertThat(s).as("%s is shown", what).isNotNull();
            assertThat(s.embedded())
                    .as("%s in an embedded font (%s)", what, s.font())
                    .isTrue();
            assertThat(s.outlined())
                    .as("%s has an outline in %s", what, s.font())
                    .isTrue();
            fonts.add(s.font());
        });
        return fonts;
    }
}

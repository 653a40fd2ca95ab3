package cn.hrss.zcrd.shared;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.zcrd.support.EmbeddedGlyphs;
import cn.hrss.zcrd.support.TestFonts;
import com.itextpdf.io.font.FontCache;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.layout.Document;
import com.itextpdf.layout.element.Paragraph;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * iText documents (认定表, 外地调入确认表) with the main font and its fallbacks: each character from the first font, in
 * the configured order, that has it; each font used embedded as a subset, a fallback only when used — and parsed
 * only then.
 */
class CjkFontTest {

    private static final CjkFont FONTS = new CjkFont(TestFonts.CONFIGURED);

    @Test
    void aRareNameIsDrawnCharacterByCharacterFromTheFirstFontThatHasIt() throws Exception {
        byte[] pdf = document("申报人：" + TestFonts.RARE_NAME);

        List<String> fonts = EmbeddedGlyphs.assertOutlined(pdf, TestFonts.RARE_NAME);
        assertThat(fonts.get(0)).endsWith("+WenQuanYiZenHei");
        assertThat(fonts.get(1)).endsWith("+HanaMinA").isEqualTo(fonts.get(2));
        assertThat(fonts.get(3)).endsWith("+HanaMinB");
        assertThat(fonts.get(4)).endsWith("+BabelStoneHan");
        assertThat(fonts.get(5)).isEqualTo(fonts.get(0));
        assertThat(EmbeddedGlyphs.of(pdf).get("申").font()).isEqualTo(fonts.get(0));
    }

    @Test
    void aDocumentWithoutRareCharactersEmbedsOnlyTheMainFont() throws Exception {
        byte[] pdf = document("申报人：欧阳明华 ZC-2026-000123");

        assertThat(EmbeddedGlyphs.of(pdf).values())
                .extracting(EmbeddedGlyphs.Shown::font)
                .allSatisfy(font -> assertThat(font).endsWith("+WenQuanYiZenHei"));
        assertThat(new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("HanaMin")
                .doesNotContain("BabelStone");
    }

    @Test
    void aFallbackFontIsParsedByItextOnlyWhenADocumentDrawsFromIt(@TempDir Path dir) throws Exception {
        // a copy of its own: iText's font cache is global, keyed by the file, and other tests use the installed one
        Path hanaMinA = Files.copy(Path.of(TestFonts.HANAMIN_A), dir.resolve("HanaMinA.ttf"));
        CjkFont fonts = new CjkFont(TestFonts.MAIN, List.of(hanaMinA.toString()));

        assertThat(fonts.covers(TestFonts.EXT_B.codePointAt(0))).isTrue();
        document(fonts, "申报人：欧阳明华 ZC-2026-000123");
        assertThat(FontCache.getFont(hanaMinA.toString()))
                .as("neither the coverage check nor a document of common characters parses the fallback")
                .isNull();

        byte[] rare = document(fonts, "申报人：王" + TestFonts.EXT_B);
        assertThat(FontCache.getFont(hanaMinA.toString())).isNotNull();
        assertThat(EmbeddedGlyphs.assertOutlined(rare, "王" + TestFonts.EXT_B).get(1))
                .endsWith("+HanaMinA");
    }

    private static byte[] document(String text) throws Exception {
        return document(FONTS, text);
    }

    private static byte[] document(CjkFont fonts, String text) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PdfDocument pdf = new PdfDocument(new PdfWriter(out));
                Document doc = new Document(pdf)) {
            fonts.use(doc);
            doc.add(new Paragraph(text));
        }
        return out.toByteArray();
    }
}

package cn.hrss.zcrd.certificate.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.hrss.zcrd.shared.TrueTypeFace;
import cn.hrss.zcrd.shared.TrueTypeFaceTest;
import cn.hrss.zcrd.support.EmbeddedGlyphs;
import cn.hrss.zcrd.support.TestFonts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * Show, width and ToUnicode round trip: a page written with {@link GlyphSet} and {@link PdfOut} alone, read back by
 * PDFBox and poppler — the text extracted is the text given (supplementary-plane characters too), and the widths
 * the PDF declares are the ones the layout used.
 */
class GlyphSetTest {

    static final String ZENHEI = TrueTypeFaceTest.ZENHEI + ",0";
    static final String NAME = "欧阳明华";
    static final String LINE = "电子信息工程 ZC2026000012000001 " + new String(Character.toChars(0x1D306)) + " 中级";

    @Test
    void textExtractedByPdfBoxAndPopplerIsTheTextShown() throws Exception {
        for (int level : new int[] {Deflater.BEST_SPEED, Deflater.DEFAULT_COMPRESSION}) {
            GlyphSet glyphs = new GlyphSet(TrueTypeFace.open(ZENHEI));
            byte[] pdf = page(glyphs, level, NAME, LINE);
            try (PDDocument doc = Loader.loadPDF(pdf)) {
                String text = new PDFTextStripper().getText(doc);
                assertThat(text.strip().split("\\R")).containsExactly(NAME, LINE);
            }
            assertThat(pdftotext(pdf).strip().split("\\R")).containsExactly(NAME, LINE);
        }
    }

    @Test
    void aSecondFontRoundTripsToo() throws Exception {
        GlyphSet glyphs = new GlyphSet(TrueTypeFace.open(TrueTypeFaceTest.DEJAVU));
        String latin = "Ǻé ß € Iñtërnâtiônàlizætiøn " + new String(Character.toChars(0x10300));
        byte[] pdf = page(glyphs, Deflater.BEST_SPEED, latin, "ΑΒΓ абв");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(doc).strip().split("\\R")).containsExactly(latin, "ΑΒΓ абв");
        }
    }

    @Test
    void widthsDeclaredInThePdfAreTheOnesUsedForLayout() throws Exception {
        GlyphSet glyphs = new GlyphSet(TrueTypeFace.open(ZENHEI));
        byte[] pdf = page(glyphs, Deflater.BEST_SPEED, NAME, LINE);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFont font = doc.getPage(0).getResources().getFont(org.apache.pdfbox.cos.COSName.getPDFName("F1"));
            int[] codePoints = (NAME + LINE).codePoints().distinct().toArray();
            float total = 0;
            for (int i = 0; i < codePoints.length; i++) {
                String one = new String(Character.toChars(codePoints[i]));
                // CIDs are given in order of first use, from 1
                assertThat(font.getWidth(i + 1)).as(one).isEqualTo(glyphs.width(one, 1000f));
                total += font.getWidth(i + 1);
            }
            assertThat(total).isPositive();
        }
        // a CJK ideograph of this font is one em wide; 12 pt size
        assertThat(glyphs.width("明华", 12f)).isEqualTo(24f);
    }

    @Test
    void showNumbersCharactersInOrderOfFirstUse() {
        GlyphSet glyphs = new GlyphSet(TrueTypeFace.open(ZENHEI));
        assertThat(glyphs.show("明华明")).isEqualTo("<000100020001>");
        assertThat(glyphs.show(new String(Character.toChars(0x1D306)) + "华")).isEqualTo("<00030002>");
    }

    @Test
    void aTextOfRareCharactersIsSplitByFontAndEachFallbackEmbeddedOnlyWhenUsed() throws Exception {
        CertificateFaces faces = new CertificateFaces(TestFonts.CONFIGURED);
        Lettering common = new Lettering(faces, "F1");
        assertThat(common.show(NAME, 14)).isEqualTo("/F1 14 Tf <0001000200030004> Tj");
        assertThat(common.fallbacksUsed()).isZero();
        assertThat(common.resources(12, 22)).isEqualTo("/F1 12 0 R");

        Lettering lettering = new Lettering(faces, "F1");
        String line = TestFonts.RARE_NAME + " 工程师";
        String ops = lettering.show(line, 14);
        // runs: 王 (main), Ext B ×2 (HanaMin A), Ext E (HanaMin B), Ext G (BabelStone Han), the rest (main)
        assertThat(ops).containsSubsequence("/F1 14 Tf", "/F1_1 14 Tf", "/F1_2 14 Tf", "/F1_3 14 Tf", "/F1 14 Tf");
        assertThat(lettering.fallbacksUsed()).isEqualTo(3);
        assertThat(lettering.resources(6, 11)).isEqualTo("/F1 6 0 R/F1_1 11 0 R/F1_2 16 0 R/F1_3 21 0 R");

        byte[] pdf = onePage(
                lettering.resources(6, 11),
                "BT 40 780 Td " + ops + " ET\n",
                25,
                out -> lettering.write(out, 6, 11, Deflater.BEST_SPEED));

        assertThat(pdftotext(pdf).strip()).isEqualTo(line);
        EmbeddedGlyphs.assertOutlined(pdf, line.replace(" ", ""));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            // the width declared for a fallback font's glyph is the one the layout measured in that font
            PDFont babelStone = doc.getPage(0).getResources().getFont(org.apache.pdfbox.cos.COSName.getPDFName("F1_3"));
            assertThat(babelStone.getName()).endsWith("+BabelStoneHan");
            assertThat(babelStone.getWidth(1)).isEqualTo(lettering.width(TestFonts.EXT_G, 1000f));
        }
        assertThat(lettering.width(TestFonts.RARE_NAME, 10))
                .isEqualTo(TestFonts.RARE_NAME
                        .codePoints()
                        .mapToObj(Character::toString)
                        .map(c -> lettering.width(c, 10))
                        .reduce(0f, Float::sum));
    }

    @Test
    void aCharacterNoFontHasIsRefusedWhenShownOrMeasured() {
        Lettering lettering = new Lettering(new CertificateFaces(TestFonts.CONFIGURED), "F1");
        assertThatThrownBy(() -> lettering.show("王" + TestFonts.NO_FONT, 14)).isInstanceOf(UnprintableText.class);
        assertThatThrownBy(() -> lettering.width(TestFonts.NO_FONT, 14)).isInstanceOf(UnprintableText.class);
        Lettering mainOnly = new Lettering(new CertificateFaces(TestFonts.MAIN_ONLY), "F1");
        assertThatThrownBy(() -> mainOnly.show(TestFonts.EXT_B, 14))
                .isInstanceOf(UnprintableText.class)
                .satisfies(e -> assertThat(((UnprintableText) e).codePoint()).isEqualTo(0x2003E));
    }

    /** A one-page document: a line per text, font F1 from {@code glyphs}; qpdf and iText check its structure. */
    static byte[] page(GlyphSet glyphs, int deflateLevel, String... lines) throws Exception {
        StringBuilder content = new StringBuilder("BT /F1 14 Tf 16 TL 40 780 Td\n");
        for (String line : lines) {
            content.append(glyphs.show(line)).append(" Tj T*\n");
        }
        content.append("ET\n");
        return onePage("/F1 6 0 R", content.toString(), 10, out -> glyphs.write(out, 6, deflateLevel));
    }

    /**
     * A one-page document with {@code content} and font resources {@code fonts} (objects from 6 on, written by
     * {@code writeFonts}); qpdf and iText check its structure.
     */
    static byte[] onePage(String fonts, String content, int objects, java.util.function.Consumer<PdfOut> writeFonts)
            throws Exception {
        PdfOut out = new PdfOut(4096, objects);
        out.ascii("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
        out.begin(1).ascii("<</Type/Catalog/Pages 2 0 R>>").end();
        out.begin(2).ascii("<</Type/Pages/Kids[3 0 R]/Count 1>>").end();
        out.begin(3)
                .ascii("<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources<</Font<<")
                .ascii(fonts)
                .ascii(">>>>/Contents 4 0 R>>")
                .end();
        out.stream(4, "", content.getBytes(StandardCharsets.US_ASCII), true);
        out.begin(5).ascii("<</Producer(zcrd test)>>").end();
        writeFonts.accept(out);
        out.finish(1, 5, "00112233445566778899aabbccddeeff");
        byte[] pdf = out.toByteArray();
        PdfChecks.qpdfCheck(pdf);
        assertThat(PdfChecks.strictlyReadPages(pdf)).isEqualTo(1);
        assertThat(PdfChecks.xrefOffsetsPointAtTheirObjects(pdf)).isEqualTo(objects);
        return pdf;
    }

    static String pdftotext(byte[] pdf) throws IOException, InterruptedException {
        Path file = Files.createTempFile("glyphs", ".pdf");
        try {
            Files.write(file, pdf);
            Process p = new ProcessBuilder("pdftotext", "-enc", "UTF-8", file.toString(), "-")
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isZero();
            return text;
        } finally {
            Files.delete(file);
        }
    }
}

package cn.hrss.zcrd.shared;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.zcrd.support.TestFonts;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.fontbox.ttf.CmapSubtable;
import org.apache.fontbox.ttf.GlyfCompositeComp;
import org.apache.fontbox.ttf.GlyfCompositeDescript;
import org.apache.fontbox.ttf.GlyphData;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The font reader and subsetter against Apache FontBox reading the same files: the product's font (WenQuanYi Zen
 * Hei, face 0 of a collection, cmap format 12) and a second one of another maker (DejaVu Sans Mono: fewer
 * horizontal metrics than glyphs; DejaVu Sans with its format 12 table hidden, so its format 4 table is read).
 */
public class TrueTypeFaceTest {

    public static final String ZENHEI = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc";
    public static final String DEJAVU = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    static final String DEJAVU_MONO = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf";
    /** 𝌆 (U+1D306, Tai Xuan Jing): a supplementary-plane character the product's font has. */
    static final int SUPPLEMENTARY = 0x1D306;

    static TrueTypeCollection collection;
    static TrueTypeFont zenhei;

    @BeforeAll
    static void parse() throws IOException {
        collection = new TrueTypeCollection(new File(ZENHEI));
        zenhei = collection.getFontByName("WenQuanYiZenHei");
    }

    @AfterAll
    static void close() throws IOException {
        collection.close();
    }

    @Test
    void format12CmapOfTheProductsFontMapsEveryCodePointAsFontBoxDoes() throws IOException {
        TrueTypeFace face = TrueTypeFace.open(ZENHEI + ",0");
        CmapSubtable format12 = zenhei.getCmap().getSubtable(3, 10);
        int mapped = 0;
        int supplementary = 0;
        for (int cp = 0; cp <= 0x10FFFF; cp++) {
            int expected = format12.getGlyphId(cp);
            assertThat(face.glyph(cp)).as("U+%X", cp).isEqualTo(expected);
            if (expected != 0) {
                mapped++;
                supplementary += cp > 0xFFFF ? 1 : 0;
            }
        }
        assertThat(mapped).isGreaterThan(20_000);
        assertThat(supplementary).isGreaterThan(100);
        assertThat(face.glyph(SUPPLEMENTARY)).isNotZero();
        assertThat(face.glyph('明')).isNotZero();
        assertThat(face.postScriptName()).isEqualTo("WenQuanYiZenHei");
    }

    @Test
    void format4CmapIsReadWhenAFontHasNoFormat12(@TempDir Path dir) throws IOException {
        Path onlyFormat4 = withoutFormat12(Path.of(DEJAVU), dir);
        TrueTypeFace face = TrueTypeFace.open(onlyFormat4.toString());
        TrueTypeFace full = TrueTypeFace.open(DEJAVU);
        try (TrueTypeFont dejavu = new TTFParser().parse(new RandomAccessReadBufferedFile(DEJAVU))) {
            CmapSubtable format4 = dejavu.getCmap().getSubtable(3, 1);
            int mapped = 0;
            for (int cp = 0; cp < 0xFFFF; cp++) {
                int expected = format4.getGlyphId(cp);
                assertThat(face.glyph(cp)).as("U+%04X", cp).isEqualTo(expected);
                mapped += expected != 0 ? 1 : 0;
            }
            assertThat(mapped).isGreaterThan(3_000);
        }
        // beyond the BMP a format 4 table has nothing; the full font's format 12 table has it
        assertThat(face.glyph(0x10300)).isZero();
        assertThat(full.glyph(0x10300)).isNotZero();
    }

    @Test
    void advanceWidthsAndMetricsAreFontBoxsScaledToThousandths() throws IOException {
        TrueTypeFace face = TrueTypeFace.open(ZENHEI + ",0");
        assertAdvances(face, zenhei, "欧阳明华工程师电子信息ABC123 ", SUPPLEMENTARY);
        try (TrueTypeFont mono = new TTFParser().parse(new RandomAccessReadBufferedFile(DEJAVU_MONO))) {
            // DejaVu Sans Mono lists 4 horizontal metrics for 3,377 glyphs: the rest share the last one
            assertThat(mono.getHorizontalHeader().getNumberOfHMetrics()).isLessThan(mono.getNumberOfGlyphs());
            assertAdvances(TrueTypeFace.open(DEJAVU_MONO), mono, "Iiéß€ ", 0x1D670);
        }
        int[] m = face.metrics();
        float scale = 1000f / zenhei.getUnitsPerEm();
        assertThat(m[0]).isEqualTo(Math.round(zenhei.getHorizontalHeader().getAscender() * scale));
        assertThat(m[1]).isEqualTo(Math.round(zenhei.getHorizontalHeader().getDescender() * scale));
        assertThat(m[2]).isEqualTo(Math.round(zenhei.getHeader().getXMin() * scale));
        assertThat(m[5]).isEqualTo(Math.round(zenhei.getHeader().getYMax() * scale));
    }

    @Test
    void subsetOfTheProductsFontParsesWithItsGlyphsRenumberedAndNotdefFirst() throws IOException {
        TrueTypeFace face = TrueTypeFace.open(ZENHEI + ",0");
        List<Integer> glyphs = new ArrayList<>(List.of(0));
        "欧阳明华 山东省测试发证单位ZC2026".codePoints().map(face::glyph).distinct().forEach(glyphs::add);
        glyphs.add(face.glyph(SUPPLEMENTARY));
        List<Integer> given = List.copyOf(glyphs);

        byte[] subset = face.subset(glyphs);

        try (TrueTypeFont parsed = new TTFParser(true).parse(new RandomAccessReadBuffer(subset))) {
            assertThat(parsed.getNumberOfGlyphs()).isEqualTo(withComponents(zenhei, given));
            assertThat(parsed.getHorizontalHeader().getNumberOfHMetrics()).isEqualTo(parsed.getNumberOfGlyphs());
            assertThat(parsed.getHeader().getIndexToLocFormat()).isEqualTo((short) 1);
            assertThat(parsed.getHeader().getUnitsPerEm()).isEqualTo(zenhei.getUnitsPerEm());
            for (int i = 0; i < given.size(); i++) {
                assertSameGlyph(zenhei, given.get(i), parsed, i);
            }
        }
    }

    @Test
    void compositeGlyphsKeepTheirComponentsRenumberedInTheSubset() throws IOException {
        try (TrueTypeFont dejavu = new TTFParser().parse(new RandomAccessReadBufferedFile(DEJAVU))) {
            assertCompositesSurvive(TrueTypeFace.open(DEJAVU), dejavu);
        }
        assertCompositesSurvive(TrueTypeFace.open(ZENHEI + ",0"), zenhei);
    }

    /**
     * The fallback fonts of rare characters (HanaMin A/B, BabelStone Han): one face per .ttf, up to 65,535 glyphs,
     * cmap format 12 over the supplementary planes, fewer tables than the main font. Their cmap is read as FontBox
     * and iText read it (iText decides what {@code shared.PrintableText} accepts: the same rule), widths are
     * FontBox's, and a subset of their rare characters parses in FontBox with each glyph's outline and width.
     */
    @ParameterizedTest
    @ValueSource(strings = {TestFonts.HANAMIN_A, TestFonts.HANAMIN_B, TestFonts.BABELSTONE})
    void fallbackFontsAreReadAndSubsetAsFontBoxReadsThem(String file) throws IOException {
        TrueTypeFace face = TrueTypeFace.open(file);
        com.itextpdf.io.font.FontProgram itext = com.itextpdf.io.font.FontProgramFactory.createFont(file, false);
        try (TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBufferedFile(file))) {
            org.apache.fontbox.ttf.CmapLookup cmap = font.getUnicodeCmapLookup();
            int supplementary = 0;
            for (int cp = 0; cp <= 0x10FFFF; cp++) {
                int glyph = face.glyph(cp);
                if (glyph != cmap.getGlyphId(cp)) {
                    assertThat(glyph).as("U+%X", cp).isEqualTo(cmap.getGlyphId(cp));
                }
                if ((glyph != 0) != (itext.getGlyph(cp) != null)) {
                    assertThat(itext.getGlyph(cp) != null)
                            .as("iText has U+%X", cp)
                            .isEqualTo(glyph != 0);
                }
                supplementary += cp > 0xFFFF && glyph != 0 ? 1 : 0;
            }
            assertThat(supplementary).as("supplementary-plane characters").isGreaterThan(4_000);
            assertThat(font.getNumberOfGlyphs()).isGreaterThan(20_000);

            List<Integer> glyphs = new ArrayList<>(List.of(0));
            String rare = TestFonts.RARE_NAME + TestFonts.EXT_G;
            rare.codePoints().map(face::glyph).filter(g -> g != 0).distinct().forEach(glyphs::add);
            assertThat(glyphs).as("rare characters in " + file).hasSizeGreaterThan(1);
            assertAdvances(
                    face,
                    font,
                    "",
                    rare.codePoints()
                            .filter(c -> face.glyph(c) != 0)
                            .findFirst()
                            .orElseThrow());
            List<Integer> given = List.copyOf(glyphs);

            byte[] subset = face.subset(glyphs);

            try (TrueTypeFont parsed = new TTFParser(true).parse(new RandomAccessReadBuffer(subset))) {
                assertThat(parsed.getNumberOfGlyphs()).isEqualTo(withComponents(font, given));
                for (int i = 1; i < given.size(); i++) {
                    assertSameGlyph(font, given.get(i), parsed, i);
                    assertThat(parsed.getGlyph()
                                    .getGlyph(i)
                                    .getPath()
                                    .getBounds2D()
                                    .isEmpty())
                            .as("outline of glyph %d", i)
                            .isFalse();
                }
            }
        }
    }

    /** Composites of the font (among them nested ones), subset alone: components come along, renumbered. */
    private static void assertCompositesSurvive(TrueTypeFace face, TrueTypeFont font) throws IOException {
        List<Integer> composites = new ArrayList<>();
        int nested = 0;
        for (int g = 1; g < font.getNumberOfGlyphs() && composites.size() < 40; g++) {
            GlyphData data = font.getGlyph().getGlyph(g);
            if (data != null && data.getDescription() instanceof GlyfCompositeDescript composite) {
                boolean deep = composite.getComponents().stream().anyMatch(c -> isComposite(font, c.getGlyphIndex()));
                if (deep || composites.size() < 30) {
                    composites.add(g);
                    nested += deep ? 1 : 0;
                }
            }
        }
        assertThat(composites).hasSizeGreaterThan(30);
        List<Integer> glyphs = new ArrayList<>(List.of(0));
        glyphs.addAll(composites);
        List<Integer> given = List.copyOf(glyphs);

        byte[] subset = face.subset(glyphs);

        try (TrueTypeFont parsed = new TTFParser(true).parse(new RandomAccessReadBuffer(subset))) {
            assertThat(withComponents(font, given)).as("components appended").isGreaterThan(given.size());
            assertThat(parsed.getNumberOfGlyphs()).isEqualTo(withComponents(font, given));
            for (int i = 0; i < given.size(); i++) {
                assertSameGlyph(font, given.get(i), parsed, i);
            }
        }
        assertThat(nested).as("composites of composites").isPositive();
    }

    /** How many distinct glyphs {@code glyphs} and their components (at any depth) are. */
    private static int withComponents(TrueTypeFont font, List<Integer> glyphs) throws IOException {
        java.util.Set<Integer> all = new java.util.LinkedHashSet<>();
        java.util.Deque<Integer> todo = new java.util.ArrayDeque<>(glyphs);
        while (!todo.isEmpty()) {
            int g = todo.pop();
            if (all.add(g)) {
                GlyphData data = font.getGlyph().getGlyph(g);
                if (data != null && data.getDescription() instanceof GlyfCompositeDescript composite) {
                    composite.getComponents().forEach(c -> todo.add(c.getGlyphIndex()));
                }
            }
        }
        return all.size();
    }

    private static boolean isComposite(TrueTypeFont font, int glyph) {
        try {
            GlyphData data = font.getGlyph().getGlyph(glyph);
            return data != null && data.getDescription().isComposite();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Subset glyph {@code s} is original glyph {@code o}: width, outline size, box, and components recursively. */
    private static void assertSameGlyph(TrueTypeFont original, int o, TrueTypeFont subset, int s) throws IOException {
        String what = "original glyph " + o + " as " + s;
        assertThat(s).as(what).isLessThan(subset.getNumberOfGlyphs());
        assertThat(subset.getAdvanceWidth(s)).as(what).isEqualTo(original.getAdvanceWidth(o));
        GlyphData before = original.getGlyph().getGlyph(o);
        GlyphData after = subset.getGlyph().getGlyph(s);
        if (before == null) {
            assertThat(after).as(what).isNull();
            return;
        }
        assertThat(after).as(what).isNotNull();
        assertThat(after.getBoundingBox().toString())
                .as(what)
                .isEqualTo(before.getBoundingBox().toString());
        assertThat(after.getDescription().isComposite())
                .as(what)
                .isEqualTo(before.getDescription().isComposite());
        assertThat(after.getDescription().getPointCount())
                .as(what)
                .isEqualTo(before.getDescription().getPointCount());
        assertThat(after.getDescription().getContourCount())
                .as(what)
                .isEqualTo(before.getDescription().getContourCount());
        if (before.getDescription() instanceof GlyfCompositeDescript b) {
            List<GlyfCompositeComp> bc = b.getComponents();
            List<GlyfCompositeComp> ac = ((GlyfCompositeDescript) after.getDescription()).getComponents();
            assertThat(ac).as(what).hasSameSizeAs(bc);
            for (int k = 0; k < bc.size(); k++) {
                assertThat(ac.get(k).getXTranslate()).isEqualTo(bc.get(k).getXTranslate());
                assertThat(ac.get(k).getYTranslate()).isEqualTo(bc.get(k).getYTranslate());
                assertThat(ac.get(k).getXScale()).isEqualTo(bc.get(k).getXScale());
                assertSameGlyph(
                        original, bc.get(k).getGlyphIndex(), subset, ac.get(k).getGlyphIndex());
            }
        }
    }

    private static void assertAdvances(TrueTypeFace face, TrueTypeFont font, String text, int extra)
            throws IOException {
        int[] codePoints = java.util.stream.IntStream.concat(text.codePoints(), java.util.stream.IntStream.of(extra))
                .toArray();
        for (int cp : codePoints) {
            int glyph = face.glyph(cp);
            assertThat(glyph).as("U+%X", cp).isNotZero();
            assertThat(face.advance(glyph))
                    .as("U+%X", cp)
                    .isEqualTo(Math.round(font.getAdvanceWidth(glyph) * 1000f / font.getUnitsPerEm()));
        }
        int last = font.getNumberOfGlyphs() - 1;
        assertThat(face.advance(last)).isEqualTo(Math.round(font.getAdvanceWidth(last) * 1000f / font.getUnitsPerEm()));
    }

    /** A copy of {@code font} whose Unicode cmap records other than format 4 (3,1) name a non-Unicode encoding. */
    static Path withoutFormat12(Path font, Path dir) throws IOException {
        byte[] bytes = Files.readAllBytes(font);
        ByteBuffer b = ByteBuffer.wrap(bytes);
        int tables = b.getShort(4) & 0xFFFF;
        int cmap = -1;
        for (int i = 0; i < tables; i++) {
            int record = 12 + 16 * i;
            if (new String(bytes, record, 4, java.nio.charset.StandardCharsets.ISO_8859_1).equals("cmap")) {
                cmap = b.getInt(record + 8);
            }
        }
        assertThat(cmap).isPositive();
        int count = b.getShort(cmap + 2) & 0xFFFF;
        for (int i = 0; i < count; i++) {
            int record = cmap + 4 + 8 * i;
            int platform = b.getShort(record) & 0xFFFF;
            int encoding = b.getShort(record + 2) & 0xFFFF;
            if (platform == 0) {
                b.putShort(record, (short) 2); // ISO: not read
            } else if (platform == 3 && encoding == 10) {
                b.putShort(record + 2, (short) 0); // Symbol: not read
            }
        }
        Path copy = dir.resolve("format4-only.ttf");
        Files.write(copy, bytes);
        return copy;
    }
}

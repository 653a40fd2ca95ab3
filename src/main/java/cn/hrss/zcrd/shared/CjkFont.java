package cn.hrss.zcrd.shared;

import com.itextpdf.io.font.PdfEncodings;
import com.itextpdf.layout.Document;
import com.itextpdf.layout.font.FontProvider;
import com.itextpdf.layout.font.FontSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The Chinese fonts of every generated PDF: the main font ({@code zcrd.pdf.font}) and the fallback fonts for what
 * it lacks ({@code zcrd.pdf.fallback-fonts}, e.g. CJK Extension B–G characters of names), see
 * {@link PdfFontProperties}. A character is drawn by the first font, main first, that has it.
 *
 * <p>Which font has a character is answered from the fonts' cmaps alone ({@link TrueTypeFace}: the file memory-mapped,
 * only its cmap read — the fallbacks in the background after the start), so checking a name costs no parsed font.
 * iText parses a font program (tens of MB of heap for the fallbacks, ≈ 100 MB together) only when a document of
 * its own ({@link #use}: 认定表, 外地调入确认表) first draws a character from it, and keeps it for the next one; a
 * node that never prints a rare character never holds a fallback's program. A missing font file stops the start.
 */
@Component
public class CjkFont {

    /** Index of no face: no configured font has the character. */
    public static final int NONE = -1;

    /** Font family names (aliases) of the fonts in a document's font set: main first, then the fallbacks. */
    private static final String FAMILY = "zcrd-font-";

    private final List<String> locations = new ArrayList<>();
    private final TrueTypeFace main;
    private final List<CompletableFuture<TrueTypeFace>> fallbacks = new ArrayList<>();
    private volatile FontSet fontSet;

    @Autowired
    public CjkFont(PdfFontProperties fonts) {
        this(fonts.font(), fonts.fallbackFonts());
    }

    /** The main font alone (no fallback). */
    public CjkFont(String fontProgram) {
        this(fontProgram, List.of());
    }

    public CjkFont(String fontProgram, List<String> fallbackPrograms) {
        readable(fontProgram, "fonts-wqy-zenhei", "zcrd.pdf.font");
        fallbackPrograms.forEach(
                f -> readable(f, "fonts-hanazono and fonts-babelstone-han", "zcrd.pdf.fallback-fonts"));
        this.main = TrueTypeFace.open(fontProgram);
        locations.add(fontProgram);
        CompletableFuture<TrueTypeFace> previous = CompletableFuture.completedFuture(main);
        for (String fallback : fallbackPrograms) {
            previous = previous.thenApplyAsync(done -> TrueTypeFace.open(fallback));
            fallbacks.add(previous);
            locations.add(fallback);
        }
    }

    private static void readable(String location, String packages, String property) {
        String file = PdfFontProperties.file(location);
        if (!Files.isReadable(Path.of(file))) {
            throw new IllegalStateException(
                    "Font " + file + " cannot be read; install " + packages + " (ops/run does) or set " + property);
        }
    }

    /** The main face and the fallbacks. */
    public int faceCount() {
        return locations.size();
    }

    /** Face {@code index}: 0 the main face, then the fallbacks in order (waits for a fallback's cmap being read). */
    public TrueTypeFace face(int index) {
        return index == 0 ? main : fallbacks.get(index - 1).join();
    }

    /** The index of the first face with a glyph for {@code codePoint}, {@link #NONE} if none has. */
    public int faceOf(int codePoint) {
        if (main.glyph(codePoint) != 0) {
            return 0;
        }
        for (int i = 0; i < fallbacks.size(); i++) {
            if (fallbacks.get(i).join().glyph(codePoint) != 0) {
                return i + 1;
            }
        }
        return NONE;
    }

    /**
     * Whether a configured font has a glyph for {@code codePoint} (its cmap maps it), i.e. prints it as more than a
     * box: the main font first, the fallbacks only for what it lacks.
     */
    public boolean covers(int codePoint) {
        return faceOf(codePoint) != NONE;
    }

    /**
     * Sets the fonts of a layout document: each character in the first font, main first, that has it (iText's font
     * selection over the main and fallback programs); each font used is embedded as its own subset.
     */
    public void use(Document document) {
        // iText's default strategy (best match): each character from the first font of the family list that has it;
        // "first match" would keep a fallback font for the characters after a rare one
        document.setFontProvider(new FontProvider(fontSet(), FAMILY + 0));
        List<String> families = new ArrayList<>();
        for (int i = 0; i < locations.size(); i++) {
            families.add(FAMILY + i);
        }
        document.setFontFamily(families.toArray(String[]::new));
    }

    /**
     * The fonts named by their files: iText reads only their names here and parses a program (kept in its font
     * cache) the first time a document needs a glyph from it — a fallback only for a character the fonts before it
     * lack.
     */
    private FontSet fontSet() {
        FontSet set = fontSet;
        if (set == null) {
            set = new FontSet();
            for (int i = 0; i < locations.size(); i++) {
                if (!set.addFont(locations.get(i), PdfEncodings.IDENTITY_H, FAMILY + i)) {
                    throw new IllegalStateException("Font " + locations.get(i) + " is not a font iText can use");
                }
            }
            fontSet = set;
        }
        return set;
    }
}

package cn.hrss.zcrd.shared;

import com.itextpdf.io.font.FontProgram;
import com.itextpdf.io.font.FontProgramFactory;
import com.itextpdf.io.font.PdfEncodings;
import com.itextpdf.kernel.font.PdfFont;
import com.itextpdf.layout.Document;
import com.itextpdf.layout.font.FontProvider;
import com.itextpdf.layout.font.FontSet;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 * {@link PdfFontProperties}. Each font program is parsed once; each document gets its own {@link PdfFont}s, so only
 * the glyphs it uses are embedded (a subset), and a fallback font only when the document uses it. Parsing takes
 * seconds (the 17 MB main collection about two, the fallbacks ≈ 100 MB more), so it runs beside the application's
 * start instead of delaying it, the fallbacks one after another after the main font; a missing font file still
 * stops the start (checked at once). A fallback is waited for only when a character is not in the main font.
 */
@Component
public class CjkFont {

    /** Font family names (aliases) of the fonts in a document's font set: main first, then the fallbacks. */
    private static final String FAMILY = "zcrd-font-";

    private final CompletableFuture<FontProgram> program;
    private final List<CompletableFuture<FontProgram>> fallbacks = new ArrayList<>();
    private final CompletableFuture<FontSet> fontSet;

    @Autowired
    CjkFont(PdfFontProperties fonts) {
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
        this.program = CompletableFuture.supplyAsync(() -> parse(fontProgram));
        CompletableFuture<FontProgram> previous = program;
        for (String fallback : fallbackPrograms) {
            previous = previous.thenApplyAsync(done -> parse(fallback));
            fallbacks.add(previous);
        }
        this.fontSet = previous.thenApply(done -> {
            FontSet set = new FontSet();
            set.addFont(program.join(), PdfEncodings.IDENTITY_H, FAMILY + 0);
            for (int i = 0; i < fallbacks.size(); i++) {
                set.addFont(fallbacks.get(i).join(), PdfEncodings.IDENTITY_H, FAMILY + (i + 1));
            }
            return set;
        });
    }

    private static void readable(String location, String packages, String property) {
        String file = PdfFontProperties.file(location);
        if (!Files.isReadable(Path.of(file))) {
            throw new IllegalStateException(
                    "Font " + file + " cannot be read; install " + packages + " (ops/run does) or set " + property);
        }
    }

    private static FontProgram parse(String location) {
        try {
            return FontProgramFactory.createFont(location);
        } catch (IOException e) {
            throw new UncheckedIOException("Font " + location + " cannot be parsed", e);
        }
    }

    /**
     * Whether a configured font has a glyph for {@code codePoint} (its cmap maps it), i.e. prints it as more than a
     * box: the main font first, the fallbacks only for what it lacks.
     */
    public boolean covers(int codePoint) {
        if (program.join().getGlyph(codePoint) != null) {
            return true;
        }
        for (CompletableFuture<FontProgram> fallback : fallbacks) {
            if (fallback.join().getGlyph(codePoint) != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * Sets the fonts of a layout document: each character in the first font, main first, that has it (iText's font
     * selection over the main and fallback programs); each font used is embedded as its own subset.
     */
    public void use(Document document) {
        // iText's default strategy (best match): each character from the first font of the family list that has it;
        // "first match" would keep a fallback font for the characters after a rare one
        document.setFontProvider(new FontProvider(fontSet.join(), FAMILY + 0));
        List<String> families = new ArrayList<>();
        for (int i = 0; i <= fallbacks.size(); i++) {
            families.add(FAMILY + i);
        }
        document.setFontFamily(families.toArray(String[]::new));
    }
}

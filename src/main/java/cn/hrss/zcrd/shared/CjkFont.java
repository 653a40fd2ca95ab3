package cn.hrss.zcrd.shared;

import com.itextpdf.io.font.FontProgram;
import com.itextpdf.io.font.FontProgramFactory;
import com.itextpdf.io.font.PdfEncodings;
import com.itextpdf.kernel.font.PdfFont;
import com.itextpdf.kernel.font.PdfFontFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The Chinese font of every generated PDF. The font collection is parsed once; each document gets its own
 * {@link PdfFont}, so only the glyphs it uses are embedded (a subset). Parsing the 17 MB collection takes about
 * two seconds, so it runs beside the application's start instead of delaying it; a missing font still stops the
 * start (checked at once).
 */
@Component
public class CjkFont {

    private final CompletableFuture<FontProgram> program;

    CjkFont(@Value("${zcrd.pdf.font}") String fontProgram) {
        String file = fontProgram.contains(",") ? fontProgram.substring(0, fontProgram.lastIndexOf(',')) : fontProgram;
        if (!Files.isReadable(Path.of(file))) {
            throw new IllegalStateException("CJK font " + file + " cannot be read; install fonts-wqy-zenhei"
                    + " (ops/run does) or set zcrd.pdf.font");
        }
        this.program = CompletableFuture.supplyAsync(() -> {
            try {
                return FontProgramFactory.createFont(fontProgram);
            } catch (IOException e) {
                throw new UncheckedIOException("CJK font " + fontProgram + " cannot be parsed", e);
            }
        });
    }

    /** Whether the font has a glyph for {@code codePoint} (its cmap maps it), i.e. prints it as more than a box. */
    public boolean covers(int codePoint) {
        return program.join().getGlyph(codePoint) != null;
    }

    /** A new embedded-subset font for one document. */
    public PdfFont newDocumentFont() {
        return PdfFontFactory.createFont(
                program.join(), PdfEncodings.IDENTITY_H, PdfFontFactory.EmbeddingStrategy.FORCE_EMBEDDED);
    }
}

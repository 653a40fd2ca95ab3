package cn.hrss.zcrd.shared;

import com.itextpdf.io.font.FontProgram;
import com.itextpdf.io.font.FontProgramFactory;
import com.itextpdf.io.font.PdfEncodings;
import com.itextpdf.kernel.font.PdfFont;
import com.itextpdf.kernel.font.PdfFontFactory;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The Chinese font of every generated PDF. The font collection is parsed once; each document gets its own
 * {@link PdfFont}, so only the glyphs it uses are embedded (a subset).
 */
@Component
public class CjkFont {

    private final FontProgram program;

    CjkFont(@Value("${zcrd.pdf.font}") String fontProgram) {
        try {
            this.program = FontProgramFactory.createFont(fontProgram);
        } catch (IOException e) {
            throw new IllegalStateException("CJK font " + fontProgram + " cannot be read; install fonts-wqy-zenhei"
                    + " (ops/run does) or set zcrd.pdf.font", e);
        }
    }

    /** A new embedded-subset font for one document. */
    public PdfFont newDocumentFont() {
        return PdfFontFactory.createFont(program, PdfEncodings.IDENTITY_H,
                PdfFontFactory.EmbeddingStrategy.FORCE_EMBEDDED);
    }
}

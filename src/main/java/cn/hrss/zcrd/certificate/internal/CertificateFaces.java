package cn.hrss.zcrd.certificate.internal;

import cn.hrss.zcrd.shared.CjkFont;
import cn.hrss.zcrd.shared.PdfFontProperties;
import cn.hrss.zcrd.shared.TrueTypeFace;

/**
 * The certificate's fonts in order: the main face ({@code zcrd.pdf.font}), then the fallback faces
 * ({@code zcrd.pdf.fallback-fonts}) for what it lacks — a character is drawn by the first face that has it, the
 * same rule as {@code shared.PrintableText}: the faces of {@link CjkFont}, memory-mapped, a fallback's cmap read in
 * the background after start and looked at only for a character the main face has no glyph for, so a certificate
 * without rare characters never touches it. Thread-safe (faces are read without locks).
 */
final class CertificateFaces {

    /** Index of no face: no configured font has the character. */
    static final int NONE = CjkFont.NONE;

    private final CjkFont fonts;

    CertificateFaces(CjkFont fonts) {
        this.fonts = fonts;
    }

    CertificateFaces(PdfFontProperties fonts) {
        this(new CjkFont(fonts));
    }

    /** The main face and the fallbacks. */
    int size() {
        return fonts.faceCount();
    }

    /** Face {@code index}: 0 the main face, then the fallbacks in order (waits for a fallback being read). */
    TrueTypeFace face(int index) {
        return fonts.face(index);
    }

    TrueTypeFace main() {
        return fonts.face(0);
    }

    /** The index of the first face with a glyph for {@code codePoint}, {@link #NONE} if none has. */
    int faceOf(int codePoint) {
        return fonts.faceOf(codePoint);
    }
}

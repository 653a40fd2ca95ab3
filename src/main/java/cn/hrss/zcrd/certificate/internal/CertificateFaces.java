package cn.hrss.zcrd.certificate.internal;

import cn.hrss.zcrd.shared.PdfFontProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The certificate's fonts in order: the main face ({@code zcrd.pdf.font}), then the fallback faces
 * ({@code zcrd.pdf.fallback-fonts}) for what it lacks — a character is drawn by the first face that has it, the
 * same rule as {@code shared.PrintableText}. A fallback file is memory-mapped and its cmap read in the background
 * after start and looked at only for a character the main face has no glyph for, so a certificate without rare
 * characters never touches it. Thread-safe (faces are read without locks).
 */
final class CertificateFaces {

    /** Index of no face: no configured font has the character. */
    static final int NONE = -1;

    private final TrueTypeFace main;
    private final List<CompletableFuture<TrueTypeFace>> fallbacks = new ArrayList<>();

    CertificateFaces(PdfFontProperties fonts) {
        this.main = TrueTypeFace.open(fonts.font());
        CompletableFuture<TrueTypeFace> previous = CompletableFuture.completedFuture(main);
        for (String location : fonts.fallbackFonts()) {
            if (!Files.isReadable(Path.of(PdfFontProperties.file(location)))) {
                throw new IllegalStateException("Fallback font " + location + " cannot be read; install"
                        + " fonts-hanazono and fonts-babelstone-han (ops/run does) or set zcrd.pdf.fallback-fonts");
            }
            previous = previous.thenApplyAsync(done -> TrueTypeFace.open(location));
            fallbacks.add(previous);
        }
    }

    /** The main face and the fallbacks. */
    int size() {
        return 1 + fallbacks.size();
    }

    /** Face {@code index}: 0 the main face, then the fallbacks in order (waits for a fallback being read). */
    TrueTypeFace face(int index) {
        return index == 0 ? main : fallbacks.get(index - 1).join();
    }

    TrueTypeFace main() {
        return main;
    }

    /** The index of the first face with a glyph for {@code codePoint}, {@link #NONE} if none has. */
    int faceOf(int codePoint) {
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
}

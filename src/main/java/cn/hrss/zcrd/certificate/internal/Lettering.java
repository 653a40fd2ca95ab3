package cn.hrss.zcrd.certificate.internal;

import cn.hrss.zcrd.shared.TrueTypeFace;

/**
 * The text of one content stream in several fonts: each character drawn by the first face of
 * {@link CertificateFaces} that has it, a run of characters of one face shown with that face's font. One
 * {@link GlyphSet} per face, made on first use, so a fallback font is embedded (as its own subset, Type0/CIDFontType2
 * with ToUnicode) only when the text uses it; widths come from the face that draws each character. Resource names:
 * {@code name} for the main face (always written), {@code name_i} for fallback {@code i}. Not thread-safe: one per
 * document.
 */
final class Lettering {

    private final CertificateFaces faces;
    private final String name;
    private final GlyphSet[] sets;

    Lettering(CertificateFaces faces, String name) {
        this.faces = faces;
        this.name = name;
        this.sets = new GlyphSet[faces.size()];
        this.sets[0] = new GlyphSet(faces.main());
    }

    /**
     * Operators showing {@code text} at {@code size} points from the current text position: per run of one face
     * {@code /Fn size Tf <cids> Tj}; empty for an empty text.
     *
     * @throws UnprintableText when no face has a glyph for a character of the text
     */
    String show(String text, float size) {
        StringBuilder ops = new StringBuilder(16 + text.length() * 5);
        int[] codePoints = text.codePoints().toArray();
        for (int i = 0; i < codePoints.length; ) {
            int face = faceOf(codePoints[i]);
            int end = i + 1;
            while (end < codePoints.length && faceOf(codePoints[end]) == face) {
                end++;
            }
            ops.append(ops.isEmpty() ? "" : " ")
                    .append('/')
                    .append(resourceName(face))
                    .append(' ')
                    .append(PdfOut.num(size))
                    .append(" Tf ")
                    .append(set(face).show(new String(codePoints, i, end - i)))
                    .append(" Tj");
            i = end;
        }
        return ops.toString();
    }

    /** Width of {@code text} at {@code size} points, each character measured in the face that draws it. */
    float width(String text, float size) {
        long thousandths = text.codePoints()
                .mapToLong(cp -> {
                    TrueTypeFace face = faces.face(faceOf(cp));
                    return face.advance(face.glyph(cp));
                })
                .sum();
        return thousandths * size / 1000f;
    }

    /** The fallback fonts used so far: each takes five objects after the main font's. */
    int fallbacksUsed() {
        int used = 0;
        for (int i = 1; i < sets.length; i++) {
            used += sets[i] != null ? 1 : 0;
        }
        return used;
    }

    /**
     * The font resource entries: the main font at object {@code mainFont}, the fallbacks used at
     * {@code firstFallback}, {@code firstFallback + 5}, … in face order.
     */
    String resources(int mainFont, int firstFallback) {
        StringBuilder entries =
                new StringBuilder("/").append(name).append(' ').append(mainFont).append(" 0 R");
        int object = firstFallback;
        for (int i = 1; i < sets.length; i++) {
            if (sets[i] != null) {
                entries.append('/')
                        .append(resourceName(i))
                        .append(' ')
                        .append(object)
                        .append(" 0 R");
                object += 5;
            }
        }
        return entries.toString();
    }

    /** Writes the fonts' objects as {@link #resources} numbers them. */
    void write(PdfOut out, int mainFont, int firstFallback, int deflateLevel) {
        sets[0].write(out, mainFont, deflateLevel);
        int object = firstFallback;
        for (int i = 1; i < sets.length; i++) {
            if (sets[i] != null) {
                sets[i].write(out, object, deflateLevel);
                object += 5;
            }
        }
    }

    private int faceOf(int codePoint) {
        int face = faces.faceOf(codePoint);
        if (face == CertificateFaces.NONE) {
            // never an empty box (.notdef) on a signed certificate: refused before anything is signed
            throw new UnprintableText(codePoint);
        }
        return face;
    }

    private GlyphSet set(int face) {
        if (sets[face] == null) {
            sets[face] = new GlyphSet(faces.face(face));
        }
        return sets[face];
    }

    private String resourceName(int face) {
        return face == 0 ? name : name + "_" + face;
    }
}

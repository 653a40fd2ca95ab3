package cn.hrss.zcrd.certificate.internal;

import cn.hrss.zcrd.shared.TrueTypeFace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;

/**
 * The characters one embedded font of a PDF shows, numbered 1..n in order of first use (CID = glyph id of the
 * subset, 0 is .notdef), and the five PDF objects of that font: Type0 font with Identity-H encoding, CIDFontType2
 * with its widths, font descriptor, the subset font file and the ToUnicode map (so text can be copied and searched).
 * Not thread-safe: one per document, or built once and then only read.
 */
final class GlyphSet {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final TrueTypeFace face;
    private final Map<Integer, Integer> cidByCodePoint = new HashMap<>();
    private final List<Integer> codePoints = new ArrayList<>(); // index = cid - 1

    GlyphSet(TrueTypeFace face) {
        this.face = face;
    }

    /**
     * The text as a PDF hex string of CIDs, adding characters not seen yet.
     *
     * @throws UnprintableText when the font has no glyph for a character of the text
     */
    String show(String text) {
        StringBuilder hex = new StringBuilder(2 + text.length() * 4).append('<');
        text.codePoints().forEach(cp -> {
            int cid = cidByCodePoint.computeIfAbsent(cp, c -> {
                if (face.glyph(c) == 0) {
                    // never an empty box (.notdef) on a signed certificate: refused before anything is signed
                    throw new UnprintableText(c);
                }
                codePoints.add(c);
                return codePoints.size();
            });
            hex.append(HEX[cid >> 12 & 0xF])
                    .append(HEX[cid >> 8 & 0xF])
                    .append(HEX[cid >> 4 & 0xF])
                    .append(HEX[cid & 0xF]);
        });
        return hex.append('>').toString();
    }

    /** Width of {@code text} at {@code size} points. */
    float width(String text, float size) {
        long thousandths =
                text.codePoints().mapToLong(cp -> face.advance(face.glyph(cp))).sum();
        return thousandths * size / 1000f;
    }

    /**
     * Writes objects {@code first}..{@code first+4}: Type0 font (the one to reference), CIDFont, descriptor, font
     * file, ToUnicode.
     */
    void write(PdfOut out, int first, int deflateLevel) {
        List<Integer> glyphs = new ArrayList<>(codePoints.size() + 1);
        glyphs.add(0);
        codePoints.forEach(cp -> glyphs.add(face.glyph(cp)));
        String name = subsetTag(glyphs) + "+" + face.postScriptName();
        int[] m = face.metrics();

        out.begin(first)
                .ascii("<</Type/Font/Subtype/Type0/BaseFont/")
                .ascii(name)
                .ascii("/Encoding/Identity-H/DescendantFonts[")
                .ascii(first + 1)
                .ascii(" 0 R]/ToUnicode ")
                .ascii(first + 4)
                .ascii(" 0 R>>")
                .end();
        out.begin(first + 1)
                .ascii("<</Type/Font/Subtype/CIDFontType2/BaseFont/")
                .ascii(name)
                .ascii("/CIDSystemInfo<</Registry(Adobe)/Ordering(Identity)/Supplement 0>>/FontDescriptor ")
                .ascii(first + 2)
                .ascii(" 0 R/CIDToGIDMap/Identity/DW 1000/W[1[");
        for (int i = 1; i < glyphs.size(); i++) {
            out.ascii(face.advance(glyphs.get(i))).ascii(i + 1 < glyphs.size() ? " " : "");
        }
        out.ascii("]]>>").end();
        out.begin(first + 2)
                .ascii("<</Type/FontDescriptor/FontName/")
                .ascii(name)
                .ascii("/Flags 4/FontBBox[")
                .ascii(m[2])
                .ascii(" ")
                .ascii(m[3])
                .ascii(" ")
                .ascii(m[4])
                .ascii(" ")
                .ascii(m[5])
                .ascii("]/ItalicAngle 0/Ascent ")
                .ascii(m[0])
                .ascii("/Descent ")
                .ascii(m[1])
                .ascii("/CapHeight ")
                .ascii(m[0])
                .ascii("/StemV 80/FontFile2 ")
                .ascii(first + 3)
                .ascii(" 0 R>>")
                .end();
        byte[] font = face.subset(glyphs);
        if (deflateLevel == Deflater.BEST_SPEED) {
            out.stream(first + 3, "/Length1 " + font.length, font, true);
        } else {
            byte[] packed = PdfOut.deflate(font, deflateLevel);
            out.begin(first + 3)
                    .ascii("<</Length1 ")
                    .ascii(font.length)
                    .ascii("/Filter/FlateDecode/Length ")
                    .ascii(packed.length)
                    .ascii(">>stream\n")
                    .bytes(packed)
                    .ascii("\nendstream")
                    .end();
        }
        out.stream(first + 4, "", toUnicode(), codePoints.size() > 40);
    }

    private byte[] toUnicode() {
        StringBuilder cmap = new StringBuilder(300 + codePoints.size() * 16)
                .append(
                        "/CIDInit/ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo<</Registry(Adobe)"
                                + "/Ordering(UCS)/Supplement 0>>def\n/CMapName/Adobe-Identity-UCS def\n/CMapType 2 def\n"
                                + "1 begincodespacerange\n<0000><FFFF>\nendcodespacerange\n");
        for (int from = 0; from < codePoints.size(); from += 100) {
            int to = Math.min(codePoints.size(), from + 100);
            cmap.append(to - from).append(" beginbfchar\n");
            for (int i = from; i < to; i++) {
                int cid = i + 1;
                cmap.append('<')
                        .append(HEX[cid >> 12 & 0xF])
                        .append(HEX[cid >> 8 & 0xF])
                        .append(HEX[cid >> 4 & 0xF])
                        .append(HEX[cid & 0xF])
                        .append("><");
                for (char c : Character.toChars(codePoints.get(i))) {
                    cmap.append(HEX[c >> 12 & 0xF])
                            .append(HEX[c >> 8 & 0xF])
                            .append(HEX[c >> 4 & 0xF])
                            .append(HEX[c & 0xF]);
                }
                cmap.append(">\n");
            }
            cmap.append("endbfchar\n");
        }
        cmap.append("endcmap\nCMapName currentdict/CMap defineresource pop\nend\nend\n");
        return cmap.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** Six capital letters naming this subset (PDF 9.6.4), derived from its glyphs. */
    private static String subsetTag(List<Integer> glyphs) {
        long h = 1125899906842597L;
        for (int g : glyphs) {
            h = 31 * h + g;
        }
        char[] tag = new char[6];
        for (int i = 0; i < 6; i++) {
            tag[i] = (char) ('A' + Math.floorMod(h, 26));
            h /= 26;
        }
        return new String(tag);
    }
}

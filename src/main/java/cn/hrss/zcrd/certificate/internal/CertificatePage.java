package cn.hrss.zcrd.certificate.internal;

import cn.hrss.zcrd.certificate.CertificateContent;
import cn.hrss.zcrd.shared.BusinessTime;
import com.google.zxing.WriterException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.zip.Deflater;

/**
 * The certificate page — the one place its layout lives. What is the same on every certificate (frame, title,
 * labels, statement) is laid out once at start into a content stream with its own pre-built font subset, serialized
 * and deflated once ({@link #fixedPart}); each certificate then only writes its values, the issuing unit and the QR
 * code (vector squares) into a second, small content stream of the page with a font subset of just those
 * characters — and a subset of each fallback font the values need for characters the main font lacks, see
 * {@link Lettering} (the page's /Contents is the array of both).
 *
 * <p>Object numbers are fixed for every certificate: see the constants; the fallback fonts a certificate uses
 * follow the last of them, five objects each. Immutable after construction.
 */
final class CertificatePage {

    static final float WIDTH = 595;
    static final float HEIGHT = 842;

    static final int CATALOG = 1;
    static final int PAGES = 2;
    static final int PAGE = 3;
    static final int CONTENT = 4;
    static final int INFO = 5;
    static final int ARTWORK = 6; // the fixed part's content stream
    static final int FIXED_FONT = 7; // ..11
    static final int VALUE_FONT = 12; // ..16
    static final int SEAL_IMAGE = 17;
    static final int SEAL_MASK = 18;
    static final int SEAL_APPEARANCE = 19;
    static final int SIGNATURE_FIELD = 20;
    static final int SIGNATURE = 21;
    static final int PREVIEW_GRAPHICS_STATE = 20;

    private static final String FRAME_COLOUR = "0.651 0.106 0.106";
    private static final float LEFT = 72;
    private static final float TEXT_WIDTH = WIDTH - 2 * LEFT;
    private static final float VALUE_X = LEFT + TEXT_WIDTH * 0.35f;
    private static final float FIRST_ROW = 652;
    private static final float ROW_STEP = 31;
    private static final float CONFIRMATION_ROW_STEP = 26;
    private static final float ROW_SIZE = 14;

    private final CertificateFaces faces;
    private final CertificateLayout layout;
    private final Function<String, String> text;
    private final boolean confirmation;
    private final PdfOut.Chunk fixedPart;

    /** @param text the certificate's wording by message key ({@code certificate.pdf.*}, Chinese) */
    CertificatePage(CertificateFaces faces, CertificateLayout layout, Function<String, String> text) {
        this(faces, layout, text, false);
    }

    /**
     * @param confirmation a 职称确认 certificate (transfer-in confirmation): its own title and statement, and three
     *                     more rows for the original certificate (发证机关, 原证书编号, 取得时间)
     */
    CertificatePage(
            CertificateFaces faces, CertificateLayout layout, Function<String, String> text, boolean confirmation) {
        this.faces = faces;
        this.layout = layout;
        this.text = text;
        this.confirmation = confirmation;
        this.fixedPart = layOutFixedPart();
    }

    boolean confirmation() {
        return confirmation;
    }

    String text(String key) {
        return text.apply(key);
    }

    CertificateLayout layout() {
        return layout;
    }

    /** The fixed part's content stream and its font: objects {@link #ARTWORK}..{@link #FIXED_FONT}+4. */
    PdfOut.Chunk fixedPart() {
        return fixedPart;
    }

    private PdfOut.Chunk layOutFixedPart() {
        GlyphSet font = new GlyphSet(faces.main()); // the wording: the main font has all of it
        StringBuilder art = new StringBuilder(4096);
        art.append("q ")
                .append(FRAME_COLOUR)
                .append(" RG 6 w 28 28 539 786 re S 1 0.784 0 RG 1.5 w 40 40 515 762 re S Q\n");
        String title = text(confirmation ? "certificate.pdf.confirmation-title" : "certificate.pdf.title");
        float titleX = (WIDTH - font.width(title, 30)) / 2;
        art.append("BT ")
                .append(FRAME_COLOUR)
                .append(" rg /F0 30 Tf 1 0 0 1 ")
                .append(PdfOut.num(titleX))
                .append(" 722 Tm ")
                .append(font.show(title))
                .append(" Tj ET\n");
        art.append("BT 0 g /F0 ").append(PdfOut.num(ROW_SIZE)).append(" Tf\n");
        List<String> labels = new ArrayList<>(List.of(
                "certificate.pdf.holder",
                "certificate.pdf.id-number",
                "certificate.pdf.series",
                "certificate.pdf.title-name",
                "certificate.pdf.level",
                "certificate.pdf.specialty",
                "certificate.pdf.publish-date",
                "certificate.pdf.number"));
        if (confirmation) {
            labels.addAll(List.of(
                    "certificate.pdf.original-authority",
                    "certificate.pdf.original-number",
                    "certificate.pdf.original-obtained-on"));
        }
        for (int row = 0; row < labels.size(); row++) {
            art.append("1 0 0 1 ")
                    .append(PdfOut.num(LEFT))
                    .append(' ')
                    .append(PdfOut.num(rowY(row)))
                    .append(" Tm ")
                    .append(font.show(text(labels.get(row))))
                    .append(" Tj\n");
        }
        art.append("/F0 12 Tf\n");
        float y = rowY(labels.size()) - 24;
        String statement = confirmation ? "certificate.pdf.confirmation-statement" : "certificate.pdf.statement";
        for (String line : wrap(font, text(statement), 12, TEXT_WIDTH, 24)) {
            float x = y == rowY(labels.size()) - 24 ? LEFT + 24 : LEFT;
            art.append("1 0 0 1 ")
                    .append(PdfOut.num(x))
                    .append(' ')
                    .append(PdfOut.num(y))
                    .append(" Tm ")
                    .append(font.show(line))
                    .append(" Tj\n");
            y -= 20;
        }
        art.append("ET\n");

        PdfOut out = new PdfOut(64 * 1024, FIXED_FONT + 4);
        byte[] artBytes = art.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] packed = PdfOut.deflate(artBytes, Deflater.BEST_COMPRESSION);
        out.begin(ARTWORK)
                .ascii("<</Filter/FlateDecode/Length ")
                .ascii(packed.length)
                .ascii(">>stream\n")
                .bytes(packed)
                .ascii("\nendstream")
                .end();
        font.write(out, FIXED_FONT, Deflater.BEST_COMPRESSION);
        return out.toChunk(0, ARTWORK, FIXED_FONT, FIXED_FONT + 1, FIXED_FONT + 2, FIXED_FONT + 3, FIXED_FONT + 4);
    }

    /**
     * Lays out the page's own content: the values, issuing unit and QR code; for a preview also the watermark and the
     * seal ({@code sealDrawing}, see {@link SealArtwork}) drawn on the page. Nothing is written yet: how many
     * fallback fonts the values use decides the document's object numbers.
     *
     * @throws UnprintableText when no configured font has a glyph for a character of a value
     */
    Values layOut(CertificateContent c, URI verificationAddress, String sealDrawing) {
        boolean preview = sealDrawing != null;
        Lettering font = new Lettering(faces, "F1");
        StringBuilder page = new StringBuilder(8192);
        page.append("BT 0 g\n");
        List<String> values = new ArrayList<>(Arrays.asList(
                c.holderName(),
                c.maskedIdNumber(),
                c.series(),
                c.title(),
                c.level(),
                c.specialty(),
                BusinessTime.chineseDate(c.publishDate()),
                c.certificateNumber()));
        if (confirmation && c.original() != null) {
            values.add(c.original().issuingAuthority());
            values.add(c.original().number());
            values.add(
                    c.original().obtainedOn() == null
                            ? null
                            : BusinessTime.chineseDate(c.original().obtainedOn()));
        }
        for (int row = 0; row < values.size(); row++) {
            String value = values.get(row) == null ? "" : values.get(row).strip();
            float size = fitting(font, value, ROW_SIZE, LEFT + TEXT_WIDTH - VALUE_X);
            page.append("1 0 0 1 ")
                    .append(PdfOut.num(VALUE_X))
                    .append(' ')
                    .append(PdfOut.num(rowY(row)))
                    .append(" Tm ")
                    .append(font.show(value, size))
                    .append('\n');
        }
        // The issuing unit, centred under the seal (which overlaps it, as on a paper certificate).
        String unit = c.issuingUnit().strip();
        float unitSize = fitting(font, unit, ROW_SIZE, TEXT_WIDTH - (layout.qrX() + layout.qrSize() - LEFT) - 12);
        float unitWidth = font.width(unit, unitSize);
        float unitX = Math.min(layout.sealX() + layout.sealSize() / 2 - unitWidth / 2, LEFT + TEXT_WIDTH - unitWidth);
        page.append("1 0 0 1 ")
                .append(PdfOut.num(unitX))
                .append(' ')
                .append(PdfOut.num(layout.sealY() + layout.sealSize() / 2 + 4))
                .append(" Tm ")
                .append(font.show(unit, unitSize))
                .append("\nET\n");
        qrCode(page, verificationAddress.toString());
        if (preview) {
            page.append("q /GS0 gs 0.6 g BT 0.866 0.5 -0.5 0.866 107 320 Tm ")
                    .append(font.show(text("seal.mockup.watermark"), 40))
                    .append(" ET Q\n");
            page.append("q 1 0 0 1 ")
                    .append(PdfOut.num(layout.sealX()))
                    .append(' ')
                    .append(PdfOut.num(layout.sealY()))
                    .append(" cm ")
                    .append(sealDrawing)
                    .append(" Q\n");
        }
        return new Values(page.toString().getBytes(StandardCharsets.US_ASCII), font);
    }

    /**
     * A certificate's own content, laid out: the content stream and its fonts (the main font's subset, and a subset
     * of each fallback font the values use).
     */
    static final class Values {

        private final byte[] content;
        private final Lettering fonts;

        Values(byte[] content, Lettering fonts) {
            this.content = content;
            this.fonts = fonts;
        }

        byte[] content() {
            return content;
        }

        Lettering fonts() {
            return fonts;
        }

        /** Objects the fallback fonts take after the document's last fixed object. */
        int extraObjects() {
            return 5 * fonts.fallbacksUsed();
        }
    }

    /**
     * Writes the page's own content (objects {@link #CONTENT} and the value font {@link #VALUE_FONT}..+4, fallback
     * fonts from {@code firstExtra} on, five objects each).
     */
    void writeValues(PdfOut out, Values values, int firstExtra) {
        out.stream(CONTENT, "", values.content(), true);
        values.fonts().write(out, VALUE_FONT, firstExtra, Deflater.BEST_SPEED);
    }

    /** The page's resources dictionary; the fallback fonts of {@code values} from object {@code firstExtra} on. */
    String resources(boolean preview, Values values, int firstExtra) {
        return "<</Font<</F0 " + FIXED_FONT + " 0 R" + values.fonts().resources(VALUE_FONT, firstExtra) + ">>"
                + (preview
                        ? "/XObject<</Im " + SEAL_IMAGE + " 0 R>>/ExtGState<</GS0 " + PREVIEW_GRAPHICS_STATE
                                + " 0 R>>>>"
                        : ">>");
    }

    /** The page's /Contents: the fixed part, then this certificate's. */
    static String contents() {
        return "[" + ARTWORK + " 0 R " + CONTENT + " 0 R]";
    }

    /** Where the signature's appearance goes: x, y, x + size, y + size. */
    String sealRectangle() {
        return "[" + PdfOut.num(layout.sealX()) + " " + PdfOut.num(layout.sealY()) + " "
                + PdfOut.num(layout.sealX() + layout.sealSize()) + " " + PdfOut.num(layout.sealY() + layout.sealSize())
                + "]";
    }

    /** Dark modules as one filled path of horizontal runs, one unit per module, row 0 at the top. */
    private void qrCode(StringBuilder page, String address) {
        byte[][] modules;
        try {
            modules = QrSymbols.encode(address);
        } catch (WriterException e) {
            throw new IllegalArgumentException("Verification address cannot be put in a QR code: " + address, e);
        }
        int n = modules.length;
        float module = layout.qrSize() / n;
        page.append("q 0 g ")
                .append(PdfOut.num(module))
                .append(" 0 0 ")
                .append(PdfOut.num(module))
                .append(' ')
                .append(PdfOut.num(layout.qrX()))
                .append(' ')
                .append(PdfOut.num(layout.qrY()))
                .append(" cm\n");
        for (int row = 0; row < n; row++) {
            int y = n - 1 - row;
            int x = 0;
            while (x < n) {
                if (modules[row][x] == 0) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < n && modules[row][x] == 1) {
                    x++;
                }
                page.append(start)
                        .append(' ')
                        .append(y)
                        .append(' ')
                        .append(x - start)
                        .append(" 1 re\n");
            }
        }
        page.append("f Q\n");
    }

    /** A row's baseline; a 职称确认 certificate has three rows more, set closer so the text stays above the seal. */
    private float rowY(int row) {
        return FIRST_ROW - row * (confirmation ? CONFIRMATION_ROW_STEP : ROW_STEP);
    }

    /** The size (at most {@code size}, at least 7) at which {@code value} fits {@code width}. */
    private static float fitting(Lettering font, String value, float size, float width) {
        float w = font.width(value, size);
        return w <= width ? size : Math.max(7, (float) Math.floor(size * width / w * 10) / 10);
    }

    private static List<String> wrap(GlyphSet font, String paragraph, float size, float width, float indent) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        float available = width - indent;
        for (int i = 0; i < paragraph.length(); ) {
            int cp = paragraph.codePointAt(i);
            String ch = new String(Character.toChars(cp));
            if (font.width(line + ch, size) > available && !line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
                available = width;
            }
            line.append(ch);
            i += Character.charCount(cp);
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }
}

package cn.hrss.zcrd.support;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * The hostile-file corpus, generated (no binary blobs): PDFs and PNGs built byte by byte to attack a parser —
 * huge declared counts, deep nesting, broken and cyclic page trees, reference cycles, decompression bombs in
 * content, object and xref streams — and PDFs carrying each kind of active content. Every file is small (below the
 * 5 MB upload limits). {@link #pdfs()} and {@link #pngs()} list them with the refusal a user must see.
 */
public final class HostileFiles {

    /** One file of the corpus and the message key an attachment upload must answer with. */
    public record Sample(String name, byte[] bytes, String attachmentKey) {
        @Override
        public String toString() {
            return name + " (" + bytes.length + " bytes)";
        }
    }

    static final String UNREADABLE = "declaration.attachment.unreadable";
    static final String TOO_MANY_PAGES = "declaration.attachment.too-many-pages";
    static final String ACTIVE = "declaration.attachment.active-content";
    static final String INFLATES = "declaration.attachment.inflates-too-much";
    static final String PNG_BOMB = "declaration.attachment.png-bomb";
    /** not refused: a damaged file a reader repairs (still answered in bounded time) */
    public static final String ACCEPTED = "";

    static final String IMAGE_TOO_LARGE = "declaration.attachment.image-too-large";

    private HostileFiles() {}

    /** Hostile PDFs: each must be refused quickly with its message. */
    public static List<Sample> pdfs() {
        List<Sample> all = new ArrayList<>();
        all.add(new Sample("page-count-two-billion", pageCount(2_147_483_647), TOO_MANY_PAGES));
        all.add(new Sample("page-count-negative", pageCount(-5), UNREADABLE));
        all.add(new Sample("nested-arrays-in-catalog", nestedInCatalog("[", "]", 100_000), UNREADABLE));
        all.add(new Sample("nested-dictionaries-in-catalog", nestedInCatalog("<</A ", ">>", 50_000), UNREADABLE));
        all.add(new Sample("nested-arrays-in-page", nestedInPage(100_000), UNREADABLE));
        all.add(new Sample("page-tree-cycle", pageTreeCycle(), UNREADABLE));
        all.add(new Sample("page-tree-kid-missing", pageTreeMissingKid(), UNREADABLE));
        all.add(new Sample("page-tree-kids-not-array", pageTreeKidsNotArray(), UNREADABLE));
        all.add(new Sample("reference-cycle", referenceCycle(), UNREADABLE));
        // a damaged cross-reference structure a reader repairs: accepted, but in bounded time
        all.add(new Sample("xref-prev-loop", xrefPrevLoop(), ACCEPTED));
        all.add(new Sample("xref-size-two-billion", xrefHugeSize(), ACCEPTED));
        all.add(new Sample("content-stream-bomb", contentBomb(), INFLATES));
        all.add(new Sample("object-stream-bomb", objectStreamBomb(), INFLATES));
        all.add(new Sample("page-count-indirect", indirectCount(), UNREADABLE));
        all.add(new Sample("no-pages", noPages(), UNREADABLE));
        all.add(new Sample("garbage-after-header", garbage(), UNREADABLE));
        return all;
    }

    /** PDFs with active content, one per kind (issue 15 item 10); each is a valid one-page PDF otherwise. */
    public static List<Sample> activePdfs() {
        List<Sample> all = new ArrayList<>();
        all.add(active("open-action-javascript", "/OpenAction << /S /JavaScript /JS (app.alert(1)) >>", "", ""));
        all.add(active("document-additional-actions", "/AA << /WC << /S /JavaScript /JS (x) >> >>", "", ""));
        all.add(active("page-additional-actions", "", "/AA << /O << /S /Launch /F (calc.exe) >> >>", ""));
        all.add(
                active(
                        "annotation-launch",
                        "",
                        "/Annots [6 0 R]",
                        "6 0 obj << /Type /Annot /Subtype /Link /Rect [0 0 50 50] /A << /S /Launch /F (cmd.exe) >> >> endobj\n"));
        all.add(active(
                "annotation-uri",
                "",
                "/Annots [6 0 R]",
                "6 0 obj << /Type /Annot /Subtype /Link /Rect [0 0 50 50] /A << /S /URI /URI (http://evil.example/) >> >>"
                        + " endobj\n"));
        all.add(active(
                "widget-javascript",
                "",
                "/Annots [6 0 R]",
                "6 0 obj << /Type /Annot /Subtype /Widget /Rect [0 0 50 50] /AA << /K << /S /JavaScript /JS 7 0 R >> >>"
                        + " >> endobj\n7 0 obj << /Length 1 >> stream\nx\nendstream endobj\n"));
        all.add(active(
                "javascript-name-tree",
                "/Names << /JavaScript 6 0 R >>",
                "",
                "6 0 obj << /Names [(a) << /S /JavaScript /JS (app.alert(1)) >>] >> endobj\n"));
        all.add(active(
                "embedded-file",
                "/Names << /EmbeddedFiles << /Names [(a.exe) 6 0 R] >> >>",
                "",
                "6 0 obj << /Type /Filespec /F (a.exe) /EF << /F 7 0 R >> >> endobj\n"
                        + "7 0 obj << /Type /EmbeddedFile /Length 2 >> stream\nMZ\nendstream endobj\n"));
        all.add(active(
                "file-attachment-annotation",
                "",
                "/Annots [6 0 R]",
                "6 0 obj << /Type /Annot /Subtype /FileAttachment /Rect [0 0 9 9] /FS << /Type /Filespec /F (x.exe)"
                        + " /EF << /F 7 0 R >> >> >> endobj\n"
                        + "7 0 obj << /Type /EmbeddedFile /Length 2 >> stream\nMZ\nendstream endobj\n"));
        all.add(active(
                "xfa-form",
                "/AcroForm << /Fields [] /XFA 6 0 R >>",
                "",
                "6 0 obj << /Length 7 >> stream\n<xdp/>\nendstream endobj\n"));
        all.add(active("submit-form-action", "/OpenAction << /S /SubmitForm /F (http://evil.example/) >>", "", ""));
        all.add(active("hidden-in-unreferenced-object", "", "", "6 0 obj << /S /JavaScript /JS (x) >> endobj\n"));
        return all;
    }

    /** Hostile PNGs for the attachment and seal uploads. */
    public static List<Sample> pngs() {
        List<Sample> all = new ArrayList<>();
        all.add(new Sample("png-dimensions-bomb", pngHeaderOnly(100_000, 100_000), IMAGE_TOO_LARGE));
        all.add(new Sample("png-idat-bomb", pngIdatBomb(), PNG_BOMB));
        // the text chunk is never inflated: the small image itself is harmless
        all.add(new Sample("png-ztxt-bomb", pngWithTextBomb(), ACCEPTED));
        all.add(new Sample("png-bad-crc", pngBadCrc(), UNREADABLE));
        all.add(new Sample("png-truncated", pngTruncated(), UNREADABLE));
        return all;
    }

    // ---------------------------------------------------------------- PDF

    /** A PDF from numbered object bodies ("1 0 obj" … added here) with a correct xref and the given trailer. */
    static byte[] pdf(List<String> objects, String trailerExtra) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
        long[] offsets = new long[objects.size()];
        for (int i = 0; i < objects.size(); i++) {
            offsets[i] = out.size();
            write(out, (i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n");
        }
        long xref = out.size();
        StringBuilder table = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
        for (long offset : offsets) {
            table.append(String.format("%010d 00000 n \n", offset));
        }
        write(out, table.toString());
        write(
                out,
                "trailer\n<< /Size " + (objects.size() + 1) + " /Root 1 0 R " + trailerExtra + " >>\nstartxref\n" + xref
                        + "\n%%EOF\n");
        return out.toByteArray();
    }

    static byte[] pdf(List<String> objects) {
        return pdf(objects, "");
    }

    private static final String PAGE = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>";

    static byte[] pageCount(int count) {
        return pdf(List.of(
                "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count " + count + " >>", PAGE));
    }

    static byte[] nestedInCatalog(String open, String close, int depth) {
        String deep = open.repeat(depth) + close.repeat(depth);
        return pdf(List.of(
                "<< /Type /Catalog /Pages 2 0 R /Deep " + deep + " >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                PAGE));
    }

    static byte[] nestedInPage(int depth) {
        String deep = "[".repeat(depth) + "]".repeat(depth);
        return pdf(List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Deep " + deep + " >>"));
    }

    static byte[] pageTreeCycle() {
        return pdf(List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 3 >>",
                "<< /Type /Pages /Parent 2 0 R /Kids [2 0 R 3 0 R] /Count 3 >>"));
    }

    static byte[] indirectCount() {
        return pdf(List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 4 0 R >>",
                PAGE,
                "2147483647"));
    }

    static byte[] pageTreeMissingKid() {
        return pdf(List.of(
                "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R 99 0 R 98 0 R] /Count 3 >>", PAGE));
    }

    static byte[] pageTreeKidsNotArray() {
        return pdf(List.of("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids (x) /Count 1 >>", PAGE));
    }

    static byte[] referenceCycle() {
        return pdf(List.of("<< /Type /Catalog /Pages 2 0 R >>", "3 0 R", "2 0 R"));
    }

    static byte[] noPages() {
        return pdf(List.of("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [] /Count 0 >>"));
    }

    static byte[] xrefPrevLoop() {
        byte[] base = pageCount(1);
        String text = new String(base, StandardCharsets.ISO_8859_1);
        int xref = text.lastIndexOf("xref\n");
        return (text.substring(0, text.indexOf("trailer")) + "trailer\n<< /Size 4 /Root 1 0 R /Prev " + xref
                        + " >>\nstartxref\n" + xref + "\n%%EOF\n")
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] xrefHugeSize() {
        byte[] base = pageCount(1);
        String text = new String(base, StandardCharsets.ISO_8859_1);
        return text.replace("xref\n0 4\n", "xref\n0 2000000000\n")
                .replace("/Size 4", "/Size 2000000000")
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A page whose content stream inflates to 1 GB of zeros (≈ 1 MB compressed). */
    static byte[] contentBomb() {
        byte[] bomb = deflatedZeros(1024L * 1024 * 1024);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, "%PDF-1.7\n");
        long o1 = out.size();
        write(out, "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n");
        long o2 = out.size();
        write(out, "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n");
        long o3 = out.size();
        write(out, "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >> endobj\n");
        long o4 = out.size();
        write(out, "4 0 obj << /Length " + bomb.length + " /Filter /FlateDecode >> stream\n");
        out.writeBytes(bomb);
        write(out, "\nendstream endobj\n");
        long xref = out.size();
        write(
                out,
                "xref\n0 5\n0000000000 65535 f \n" + entry(o1) + entry(o2) + entry(o3) + entry(o4)
                        + "trailer << /Size 5 /Root 1 0 R >>\nstartxref\n" + xref + "\n%%EOF\n");
        return out.toByteArray();
    }

    /**
     * The catalog and page tree live in a compressed object stream that inflates to 1 GB: a reader must inflate
     * it to find the catalog at all.
     */
    static byte[] objectStreamBomb() {
        String header = "1 0 2 45 3 100 ";
        String objects = "<< /Type /Catalog /Pages 2 0 R >>           "
                + "<< /Type /Pages /Kids [3 0 R] /Count 1 >>                  "
                + PAGE;
        byte[] plain = (header + objects).getBytes(StandardCharsets.ISO_8859_1);
        byte[] stream = deflated(plain, 1024L * 1024 * 1024);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, "%PDF-1.7\n");
        long o4 = out.size();
        write(
                out,
                "4 0 obj << /Type /ObjStm /N 3 /First " + header.length() + " /Length " + stream.length
                        + " /Filter /FlateDecode >> stream\n");
        out.writeBytes(stream);
        write(out, "\nendstream endobj\n");
        long xref = out.size();
        // a classic table cannot point into an object stream: a cross-reference stream, uncompressed (W [1 4 2])
        ByteArrayOutputStream rows = new ByteArrayOutputStream();
        row(rows, 0, 0, 65535);
        row(rows, 2, 4, 0);
        row(rows, 2, 4, 1);
        row(rows, 2, 4, 2);
        row(rows, 1, o4, 0);
        row(rows, 1, xref, 0);
        byte[] table = rows.toByteArray();
        write(out, "5 0 obj << /Type /XRef /Size 6 /W [1 4 2] /Root 1 0 R /Length " + table.length + " >> stream\n");
        out.writeBytes(table);
        write(out, "\nendstream endobj\nstartxref\n" + xref + "\n%%EOF\n");
        return out.toByteArray();
    }

    static byte[] garbage() {
        byte[] noise = new byte[64 * 1024];
        new java.util.Random(7).nextBytes(noise);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, "%PDF-1.7\n");
        out.writeBytes(noise);
        write(out, "\n%%EOF\n");
        return out.toByteArray();
    }

    static Sample active(String name, String catalogExtra, String pageExtra, String moreObjects) {
        List<String> objects = List.of(
                "<< /Type /Catalog /Pages 2 0 R " + catalogExtra + " >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R " + pageExtra + " >>",
                "<< /Length 0 >>\nstream\n\nendstream",
                "<< /Producer (scanner) >>");
        byte[] base = pdf(objects, "/Info 5 0 R");
        if (moreObjects.isEmpty()) {
            return new Sample(name, base, ACTIVE);
        }
        // objects 6, 7 … appended as an incremental update with its own xref section
        String text = new String(base, StandardCharsets.ISO_8859_1);
        int firstXref = text.lastIndexOf("startxref\n") + "startxref\n".length();
        long previous = Long.parseLong(
                text.substring(firstXref, text.indexOf('\n', firstXref)).strip());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(base);
        List<Long> offsets = new ArrayList<>();
        int highest = 5;
        for (String object : moreObjects.split("(?<=endobj\n)")) {
            if (object.isBlank()) {
                continue;
            }
            offsets.add((long) out.size());
            write(out, object);
            highest++;
        }
        long xref = out.size();
        StringBuilder table = new StringBuilder("xref\n6 " + offsets.size() + "\n");
        offsets.forEach(o -> table.append(entry(o)));
        write(
                out,
                table + "trailer\n<< /Size " + (highest + 1) + " /Root 1 0 R /Info 5 0 R /Prev " + previous
                        + " >>\nstartxref\n" + xref + "\n%%EOF\n");
        return new Sample(name, out.toByteArray(), ACTIVE);
    }

    private static String entry(long offset) {
        return String.format("%010d 00000 n \n", offset);
    }

    private static void row(ByteArrayOutputStream out, int type, long field2, int field3) {
        out.write(type);
        out.write((int) (field2 >>> 24));
        out.write((int) (field2 >>> 16));
        out.write((int) (field2 >>> 8));
        out.write((int) field2);
        out.write(field3 >>> 8);
        out.write(field3);
    }

    /** {@code size} zero bytes, deflated (zlib). */
    static byte[] deflatedZeros(long size) {
        return deflated(new byte[0], size);
    }

    /** {@code prefix} followed by {@code zeros} zero bytes, deflated (zlib) in one stream. */
    static byte[] deflated(byte[] prefix, long zeros) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        deflater.setInput(prefix);
        while (!deflater.needsInput()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        byte[] block = new byte[1 << 20];
        for (long done = 0; done < zeros; done += block.length) {
            deflater.setInput(block, 0, (int) Math.min(block.length, zeros - done));
            while (!deflater.needsInput()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
        }
        deflater.finish();
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    // ---------------------------------------------------------------- PNG

    static byte[] png(int width, int height, int colourType, byte[]... chunks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        byte[] ihdr = new byte[13];
        putInt(ihdr, 0, width);
        putInt(ihdr, 4, height);
        ihdr[8] = 8;
        ihdr[9] = (byte) colourType;
        chunk(out, "IHDR", ihdr);
        for (byte[] c : chunks) {
            out.writeBytes(c);
        }
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    static byte[] chunk(String type, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        chunk(out, type, data);
        return out.toByteArray();
    }

    static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] length = new byte[4];
        putInt(length, 0, data.length);
        out.writeBytes(length);
        byte[] typeBytes = type.getBytes(StandardCharsets.ISO_8859_1);
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        byte[] sum = new byte[4];
        putInt(sum, 0, (int) crc.getValue());
        out.writeBytes(sum);
    }

    static byte[] pngHeaderOnly(int width, int height) {
        return png(width, height, 6, chunk("IDAT", deflatedZeros(1024)));
    }

    /**
     * 7,000 × 8,000 RGBA (56 MP, under the attachment pixel limit, far over the seal's): the IDAT inflates to
     * 224 MB of which only the first rows exist — a decoder that inflates everything works for seconds.
     */
    static byte[] pngIdatBomb() {
        return png(7_000, 8_000, 6, chunk("IDAT", deflatedZeros(64L * 1024 * 1024)));
    }

    /** A small valid RGBA image with a zTXt chunk that inflates to 1 GB. */
    static byte[] pngWithTextBomb() {
        byte[] keyword = "Comment\0\0".getBytes(StandardCharsets.ISO_8859_1);
        byte[] bomb = deflatedZeros(1024L * 1024 * 1024);
        byte[] text = new byte[keyword.length + bomb.length];
        System.arraycopy(keyword, 0, text, 0, keyword.length);
        System.arraycopy(bomb, 0, text, keyword.length, bomb.length);
        return png(200, 200, 6, chunk("zTXt", text), chunk("IDAT", deflatedZeros(200 * 801)));
    }

    static byte[] pngBadCrc() {
        byte[] png = png(200, 200, 6, chunk("IDAT", deflatedZeros(200 * 801)));
        png[30] ^= 0x5A;
        return png;
    }

    static byte[] pngTruncated() {
        byte[] png = png(400, 400, 6, chunk("IDAT", deflatedZeros(400 * 1601)));
        return java.util.Arrays.copyOf(png, 60);
    }

    private static void putInt(byte[] into, int at, int value) {
        into[at] = (byte) (value >>> 24);
        into[at + 1] = (byte) (value >>> 16);
        into[at + 2] = (byte) (value >>> 8);
        into[at + 3] = (byte) value;
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}

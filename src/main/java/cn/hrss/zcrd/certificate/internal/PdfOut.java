package cn.hrss.zcrd.certificate.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;

/**
 * A tiny PDF serializer: a growable byte buffer that knows where each object starts, writes (deflated) streams and
 * the cross-reference table. One instance per document and thread; pre-serialized pieces (see
 * {@link PdfOut.Chunk}) are copied in with their object offsets shifted.
 */
final class PdfOut {

    /** Deflaters are costly to create (native zlib state); one per thread and level, reset between uses. */
    private static final ThreadLocal<Deflater> FAST = ThreadLocal.withInitial(() -> new Deflater(Deflater.BEST_SPEED));

    private byte[] buf;
    private int count;
    private final int[] offsets;
    private int xref = -1;

    PdfOut(int capacity, int objects) {
        this.buf = new byte[capacity];
        this.offsets = new int[objects + 1];
    }

    /** Serialized objects with offsets relative to the chunk's start, copied into many documents. */
    record Chunk(byte[] bytes, int[] objects, int[] relativeOffsets) {}

    int size() {
        return count;
    }

    byte[] buffer() {
        return buf;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, count);
    }

    PdfOut ascii(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            buf[count++] = (byte) s.charAt(i);
        }
        return this;
    }

    PdfOut ascii(int value) {
        return ascii(Integer.toString(value));
    }

    PdfOut bytes(byte[] b) {
        return bytes(b, 0, b.length);
    }

    PdfOut bytes(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buf, count, len);
        count += len;
        return this;
    }

    PdfOut begin(int object) {
        offsets[object] = count;
        return ascii(object).ascii(" 0 obj\n");
    }

    PdfOut end() {
        return ascii("\nendobj\n");
    }

    /** A complete stream object; {@code dictionary} is the inside of the dictionary without /Length. */
    PdfOut stream(int object, String dictionary, byte[] data, boolean deflate) {
        byte[] body = deflate ? deflate(data, data.length, FAST.get()) : data;
        begin(object).ascii("<<").ascii(dictionary);
        if (deflate) {
            ascii("/Filter/FlateDecode");
        }
        ascii("/Length ").ascii(body.length).ascii(">>stream\n").bytes(body).ascii("\nendstream");
        return end();
    }

    PdfOut chunk(Chunk chunk) {
        int base = count;
        bytes(chunk.bytes());
        for (int i = 0; i < chunk.objects().length; i++) {
            offsets[chunk.objects()[i]] = base + chunk.relativeOffsets()[i];
        }
        return this;
    }

    /** The objects {@code first..last} written so far as a chunk (they must be all this buffer holds after start). */
    Chunk toChunk(int start, int... objects) {
        int[] relative = new int[objects.length];
        for (int i = 0; i < objects.length; i++) {
            relative[i] = offsets[objects[i]] - start;
        }
        return new Chunk(Arrays.copyOfRange(buf, start, count), objects.clone(), relative);
    }

    /** Cross-reference table and trailer for objects 1..n (all must have been written). */
    void finish(int root, int info, String id) {
        xref = count;
        ascii("xref\n0 ").ascii(offsets.length).ascii("\n0000000000 65535 f \n");
        for (int i = 1; i < offsets.length; i++) {
            ascii(xrefEntry(offsets[i]));
        }
        trailer(offsets.length, root, info, id, null);
    }

    /**
     * Appends an incremental update after {@link #finish}: object {@code root} (the catalog) replaced by
     * {@code rootDictionary}, and {@code streams} as new objects {@code firstNew, firstNew + 1, …} (raw, unfiltered).
     * The revision before stays byte for byte as it was, so a signature over it stays intact.
     *
     * @param rootDictionary the catalog's new dictionary (it refers to the new objects by their numbers)
     */
    void appendUpdate(int root, String rootDictionary, int firstNew, List<byte[]> streams, int info, String id) {
        if (xref < 0) {
            throw new IllegalStateException("finish() the first revision before appending an update");
        }
        java.util.TreeMap<Integer, Integer> written = new java.util.TreeMap<>();
        for (int i = 0; i < streams.size(); i++) {
            int number = firstNew + i;
            written.put(number, count);
            byte[] data = streams.get(i);
            ascii(number)
                    .ascii(" 0 obj\n<</Length ")
                    .ascii(data.length)
                    .ascii(">>stream\n")
                    .bytes(data)
                    .ascii("\nendstream\nendobj\n");
        }
        written.put(root, count);
        ascii(root).ascii(" 0 obj\n").ascii(rootDictionary).ascii("\nendobj\n");
        finishUpdate(written, firstNew + streams.size(), root, info, id);
    }

    /**
     * The cross-reference section and trailer of an incremental update whose objects (number → offset) have been
     * written since the last revision: one subsection per run of consecutive numbers, /Prev the revision before.
     */
    void finishUpdate(java.util.SortedMap<Integer, Integer> written, int size, int root, int info, String id) {
        if (xref < 0) {
            throw new IllegalStateException("an update needs a revision before it");
        }
        int previous = xref;
        xref = count;
        ascii("xref\n0 1\n0000000000 65535 f \n");
        List<Integer> numbers = List.copyOf(written.keySet());
        for (int i = 0; i < numbers.size(); ) {
            int j = i;
            while (j + 1 < numbers.size() && numbers.get(j + 1) == numbers.get(j) + 1) {
                j++;
            }
            ascii(numbers.get(i)).ascii(" ").ascii(j - i + 1).ascii("\n");
            for (int k = i; k <= j; k++) {
                ascii(xrefEntry(written.get(numbers.get(k))));
            }
            i = j + 1;
        }
        trailer(size, root, info, id, previous);
    }

    /** The trailer ({@code previous}: the revision before, null for the first) and the end of the file. */
    private void trailer(int size, int root, int info, String id, Integer previous) {
        ascii("trailer\n<</Size ")
                .ascii(size)
                .ascii("/Root ")
                .ascii(root)
                .ascii(" 0 R/Info ")
                .ascii(info)
                .ascii(" 0 R/ID[<")
                .ascii(id)
                .ascii("><")
                .ascii(id)
                .ascii(">]");
        if (previous != null) {
            ascii("/Prev ").ascii(previous);
        }
        ascii(">>\nstartxref\n").ascii(xref).ascii("\n%%EOF\n");
    }

    /** A buffer holding a finished document ({@code startxref} its last cross-reference), for further updates. */
    static PdfOut after(byte[] pdf, int startxref, int room) {
        PdfOut out = new PdfOut(pdf.length + room, 0);
        out.bytes(pdf);
        out.xref = startxref;
        return out;
    }

    private static String xrefEntry(int offset) {
        String o = Integer.toString(offset);
        return "0000000000".substring(o.length()) + o + " 00000 n \n";
    }

    /** Overwrites bytes already written (placeholders). */
    void patch(int at, byte[] data) {
        System.arraycopy(data, 0, buf, at, data.length);
    }

    static byte[] deflate(byte[] data, int level) {
        Deflater deflater = new Deflater(level);
        try {
            return deflate(data, data.length, deflater);
        } finally {
            deflater.end();
        }
    }

    private static byte[] deflate(byte[] data, int length, Deflater deflater) {
        deflater.reset();
        deflater.setInput(data, 0, length);
        deflater.finish();
        byte[] out = new byte[Math.max(64, length / 2 + 64)];
        int n = 0;
        while (!deflater.finished()) {
            if (n == out.length) {
                out = Arrays.copyOf(out, out.length * 2);
            }
            n += deflater.deflate(out, n, out.length - n);
        }
        return Arrays.copyOf(out, n);
    }

    /** A PDF text string (UTF-16BE with BOM) as a hex string. */
    static String textString(String s) {
        StringBuilder hex = new StringBuilder(4 + s.length() * 4).append("<FEFF");
        for (byte b : s.getBytes(StandardCharsets.UTF_16BE)) {
            hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return hex.append('>').toString();
    }

    /** A number with at most two decimals, as PDF content wants it. */
    static String num(float v) {
        int hundredths = Math.round(v * 100);
        if (hundredths % 100 == 0) {
            return Integer.toString(hundredths / 100);
        }
        return Float.toString(hundredths / 100f);
    }

    private void ensure(int more) {
        if (count + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, count + more));
        }
    }
}

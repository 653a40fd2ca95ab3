package cn.hrss.zcrd.verification.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Files made to hurt a PDF verifier: huge, deeply nested, with thousands of signatures. Public for the ITs. */
public final class HostilePdfs {

    private HostilePdfs() {}

    /** {@code pdf} with {@code n} more signature dictionaries appended as incremental updates. */
    public static byte[] manySignatures(byte[] pdf, int n) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + n * 120);
        out.writeBytes(pdf);
        for (int i = 0; i < n; i++) {
            int at = out.size();
            out.writeBytes(ascii("\n" + (1000 + i) + " 0 obj\n<</Type/Sig/Filter/Adobe.PPKLite/SubFilter/"
                    + "ETSI.CAdES.detached/ByteRange[0 " + at + " " + (at + 10) + " 20]/Contents<00>>>\nendobj\n"));
        }
        out.writeBytes(ascii("%%EOF\n"));
        return out.toByteArray();
    }

    /** A PDF whose one object is an array nested {@code depth} deep. */
    public static byte[] deeplyNestedArrays(int depth) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(2 * depth + 200);
        out.writeBytes(ascii("%PDF-1.7\n1 0 obj\n"));
        out.writeBytes(ascii("[".repeat(depth)));
        out.writeBytes(ascii("]".repeat(depth)));
        out.writeBytes(ascii("\nendobj\ntrailer\n<</Root 1 0 R>>\n%%EOF\n"));
        return out.toByteArray();
    }

    /** A signature dictionary whose container is a DER SEQUENCE nested {@code depth} deep. */
    public static byte[] signatureWithNestedContainer(int depth) {
        StringBuilder hex = new StringBuilder(4 * depth);
        // 30 80 … indefinite form is refused, so definite: each level "30 82 hh ll" would need lengths; use
        // the one-byte short form as deep as it goes, then long forms
        for (int i = 0; i < depth; i++) {
            hex.append("3084").append(String.format("%08x", Math.max(0, 6 * (depth - i - 1))));
        }
        String head = "%PDF-1.7\n1 0 obj\n<</Type/Sig/ByteRange[0 ";
        String mid = "]/Contents";
        // compute the offsets: [0 b c d] with the hole = "<hex>"
        String prefixWithoutNumbers = head;
        String tail = ">>\nendobj\ntrailer\n<</Root 1 0 R>>\n%%EOF\n";
        for (int width = 1; width < 12; width++) {
            String numbers = "%0" + width + "d %0" + width + "d %0" + width + "d";
            int b = prefixWithoutNumbers.length()
                    + String.format(numbers, 0, 0, 0).length()
                    + mid.length();
            int c = b + hex.length() + 2;
            String ranges = String.format(numbers, b, c, tail.length());
            if (ranges.length() == String.format(numbers, 0, 0, 0).length()) {
                return ascii(head + ranges + mid + "<" + hex + ">" + tail);
            }
        }
        throw new IllegalStateException();
    }

    /** A valid-looking PDF of about {@code size} bytes (a big comment). */
    public static byte[] bigPdf(int size) {
        byte[] pdf = new byte[size];
        java.util.Arrays.fill(pdf, (byte) 'x');
        byte[] head = ascii("%PDF-1.7\n%");
        System.arraycopy(head, 0, pdf, 0, head.length);
        byte[] tail = ascii("\ntrailer\n<<>>\n%%EOF\n");
        System.arraycopy(tail, 0, pdf, size - tail.length, tail.length);
        return pdf;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}

package cn.hrss.zcrd.verification.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Finds the one PAdES signature of a certificate PDF with a bounded linear scan instead of a PDF parse: the only
 * {@code /ByteRange} of the file, its four numbers, and the {@code /Contents} hex string they leave out. Strict on
 * purpose (the platform writes exactly this shape): one signature, ranges {@code [0 b c d]} with {@code c + d} the
 * file length (or less, reported: an appended update), the hole exactly {@code /Contents <hex>} and nothing but hex digits inside. Then every byte of the
 * file outside the hex string is covered by the signature, so what any reader shows is what was signed; a file
 * that does not fit is never called valid. Time and memory: one pass over the bytes, a copy of the hole only.
 */
final class SignatureScan {

    /** The largest CMS container accepted (the platform's are ≈ 5 KB; time stamps and revocation data add some). */
    static final int MAX_CMS_BYTES = 128 * 1024;
    private static final byte[] PDF_HEADER = ascii("%PDF-");
    private static final byte[] EOF_MARK = ascii("%%EOF");
    private static final byte[] BYTE_RANGE = ascii("/ByteRange");
    private static final byte[] CONTENTS = ascii("/Contents");
    private static final int HEADER_WINDOW = 1024;
    private static final int TRAILER_WINDOW = 2048;
    private static final int DICTIONARY_WINDOW = 4096;

    /** Why a file could not be scanned. */
    enum Problem {
        /** no %PDF- header: not a PDF at all */
        NOT_PDF,
        /** no %%EOF at the end: cut off */
        TRUNCATED,
        /** a PDF without a signature */
        UNSIGNED,
        /** more than one signature (the certificates carry one; a later one means a change after signing) */
        MULTIPLE_SIGNATURES,
        /** the signature dictionary or its container is damaged */
        BROKEN_SIGNATURE
    }

    /** A scan that found no usable signature. */
    static final class Failure extends Exception {
        final Problem problem;

        Failure(Problem problem) {
            super(problem.name(), null, false, false);
            this.problem = problem;
        }
    }

    /**
     * @param holeStart  offset of {@code <} (end of the first signed range)
     * @param holeEnd    offset after {@code >} (start of the second signed range)
     * @param signedEnd  end of the second signed range: the file's length unless something was appended after
     *                   signing (an incremental update; only the register can vouch for such a file)
     * @param cms        the DER CMS container (hex decoded, padding dropped)
     * @param claimedTime the signature dictionary's /M (inside the signed bytes), null when absent or unreadable
     */
    record Found(int holeStart, int holeEnd, int signedEnd, byte[] cms, Instant claimedTime) {

        boolean coversWholeFile(int length) {
            return signedEnd == length;
        }
    }

    private SignatureScan() {
    }

    static Found scan(byte[] pdf) throws Failure {
        int length = pdf.length;
        if (length < 16 || indexOf(pdf, PDF_HEADER, 0, Math.min(length, HEADER_WINDOW)) < 0) {
            throw new Failure(Problem.NOT_PDF);
        }
        if (indexOf(pdf, EOF_MARK, Math.max(0, length - TRAILER_WINDOW), length) < 0) {
            throw new Failure(Problem.TRUNCATED);
        }
        int at = indexOf(pdf, BYTE_RANGE, 0, length);
        if (at < 0) {
            throw new Failure(Problem.UNSIGNED);
        }
        if (indexOf(pdf, BYTE_RANGE, at + BYTE_RANGE.length, length) >= 0) {
            throw new Failure(Problem.MULTIPLE_SIGNATURES);
        }
        long[] range = byteRange(pdf, at + BYTE_RANGE.length);
        if (range[0] != 0 || range[1] <= 0 || range[2] <= range[1] + 1 || range[2] > length) {
            throw new Failure(Problem.BROKEN_SIGNATURE);
        }
        if (range[2] + range[3] > length) {
            throw new Failure(Problem.BROKEN_SIGNATURE);
        }
        int signedEnd = (int) (range[2] + range[3]);
        int holeStart = (int) range[1];
        int holeEnd = (int) range[2];
        if (pdf[holeStart] != '<' || pdf[holeEnd - 1] != '>' || !precededByContentsKey(pdf, holeStart)
                || at > holeStart && at < holeEnd) {
            throw new Failure(Problem.BROKEN_SIGNATURE);
        }
        int digits = holeEnd - holeStart - 2;
        if (digits % 2 != 0 || digits / 2 > MAX_CMS_BYTES) {
            throw new Failure(Problem.BROKEN_SIGNATURE);
        }
        byte[] container = new byte[digits / 2];
        for (int i = 0; i < container.length; i++) {
            int hi = Character.digit(pdf[holeStart + 1 + 2 * i], 16);
            int lo = Character.digit(pdf[holeStart + 2 + 2 * i], 16);
            if (hi < 0 || lo < 0) {
                throw new Failure(Problem.BROKEN_SIGNATURE);
            }
            container[i] = (byte) (hi << 4 | lo);
        }
        return new Found(holeStart, holeEnd, signedEnd, DerShape.trimmed(container),
                claimedTime(pdf, at, holeStart, holeEnd));
    }

    /** Parses {@code [a b c d]} (non-negative integers of at most 10 digits) after /ByteRange. */
    private static long[] byteRange(byte[] pdf, int from) throws Failure {
        int i = skipBlanks(pdf, from);
        if (i >= pdf.length || pdf[i] != '[') {
            throw new Failure(Problem.BROKEN_SIGNATURE);
        }
        long[] values = new long[4];
        i++;
        for (int n = 0; n < 4; n++) {
            i = skipBlanks(pdf, i);
            int digits = 0;
            long value = 0;
            while (i < pdf.length && pdf[i] >= '0' && pdf[i] <= '9' && digits < 11) {
                value = value * 10 + (pdf[i] - '0');
                digits++;
                i++;
            }
            if (digits == 0 || digits > 10) {
                throw new Failure(Problem.BROKEN_SIGNATURE);
            }
            values[n] = value;
        }
        i = skipBlanks(pdf, i);
        if (i >= pdf.length || pdf[i] != ']') {
            throw new Failure(Problem.BROKEN_SIGNATURE);
        }
        return values;
    }

    private static boolean precededByContentsKey(byte[] pdf, int holeStart) {
        int i = holeStart - 1;
        while (i >= 0 && isBlank(pdf[i])) {
            i--;
        }
        int start = i + 1 - CONTENTS.length;
        return start >= 0 && indexOf(pdf, CONTENTS, start, i + 1) == start;
    }

    /** The signature dictionary's {@code /M(D:…)}, looked for near /ByteRange and the hole, outside the hole. */
    private static Instant claimedTime(byte[] pdf, int byteRangeAt, int holeStart, int holeEnd) {
        int from = Math.max(0, Math.min(byteRangeAt, holeStart) - DICTIONARY_WINDOW);
        Instant found = findDate(pdf, from, holeStart);
        return found != null ? found : findDate(pdf, holeEnd, Math.min(pdf.length, holeEnd + DICTIONARY_WINDOW));
    }

    private static Instant findDate(byte[] pdf, int from, int to) {
        Instant last = null;
        for (int i = from; i < to - 3; i++) {
            if (pdf[i] == '/' && pdf[i + 1] == 'M' && !isRegular(pdf[i + 2])) {
                int j = skipBlanks(pdf, i + 2);
                if (j < to && pdf[j] == '(') {
                    Instant t = pdfDate(pdf, j + 1, to);
                    if (t != null) {
                        last = t;
                    }
                }
            }
        }
        return last;
    }

    /** {@code D:YYYYMMDDHHmmSS} with {@code Z}, {@code +HH'mm'} or {@code -HH'mm'} (no zone: UTC). */
    static Instant pdfDate(byte[] pdf, int from, int to) {
        int end = from;
        while (end < to && end - from < 40 && pdf[end] != ')') {
            end++;
        }
        String s = new String(pdf, from, end - from, StandardCharsets.US_ASCII);
        if (s.startsWith("D:")) {
            s = s.substring(2);
        }
        try {
            if (s.length() < 14) {
                return null;
            }
            LocalDateTime local = LocalDateTime.of(Integer.parseInt(s.substring(0, 4)),
                    Integer.parseInt(s.substring(4, 6)), Integer.parseInt(s.substring(6, 8)),
                    Integer.parseInt(s.substring(8, 10)), Integer.parseInt(s.substring(10, 12)),
                    Integer.parseInt(s.substring(12, 14)));
            String zone = s.substring(14).replace("'", "");
            ZoneOffset offset = zone.isEmpty() || zone.startsWith("Z") ? ZoneOffset.UTC
                    : ZoneOffset.ofHoursMinutes(Integer.parseInt(zone.substring(0, 3)),
                    (zone.charAt(0) == '-' ? -1 : 1) * (zone.length() >= 5 ? Integer.parseInt(zone.substring(3, 5)) : 0));
            return local.toInstant(offset);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static int skipBlanks(byte[] pdf, int i) {
        while (i < pdf.length && isBlank(pdf[i])) {
            i++;
        }
        return i;
    }

    private static boolean isBlank(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t' || b == '\f' || b == 0;
    }

    /** PDF regular character: neither white space nor a delimiter (so {@code /MediaBox} is not {@code /M}). */
    private static boolean isRegular(byte b) {
        return !isBlank(b) && "()<>[]{}/%".indexOf(b) < 0;
    }

    /** First index of {@code needle} starting in [from, to - needle.length]; -1 when none. */
    static int indexOf(byte[] hay, byte[] needle, int from, int to) {
        byte first = needle[0];
        int last = to - needle.length;
        outer:
        for (int i = from; i <= last; i++) {
            if (hay[i] != first) {
                continue;
            }
            for (int j = 1; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}

package cn.hrss.zcrd.verification.internal;

import java.nio.charset.StandardCharsets;

/**
 * Finds the one PAdES signature of a certificate PDF with a bounded linear scan instead of a PDF parse: the first
 * {@code /ByteRange} of the file, its four numbers, and the {@code /Contents} hex string they leave out. Strict on
 * purpose (the platform writes exactly this shape): one signature (any later /ByteRange must lie after the revision
 * before it and have the same shape — a document time-stamp of PAdES-BASELINE-LTA, reported in
 * {@link Found#documentTimeStamps()} for the verifier to check; otherwise: several signatures), ranges {@code [0 b c d]} with {@code c + d} the
 * file length (or less, reported: an appended update), the hole exactly {@code /Contents <hex>} and nothing but hex digits inside. Then every byte of the
 * file outside the hex string is covered by the signature, so what any reader shows is what was signed; a file
 * that does not fit is never called valid. Time and memory: one pass over the bytes, a copy of the hole only.
 */
final class SignatureScan {

    /** The largest CMS container accepted (the platform's are ≈ 5 KB; time stamps and revocation data add some). */
    static final int MAX_CMS_BYTES = 128 * 1024;
    /** More archive time-stamps than a century of renewals would add: refused as several signatures. */
    static final int MAX_DOCUMENT_TIME_STAMPS = 64;

    private static final byte[] PDF_HEADER = ascii("%PDF-");
    private static final byte[] EOF_MARK = ascii("%%EOF");
    private static final byte[] BYTE_RANGE = ascii("/ByteRange");
    private static final byte[] CONTENTS = ascii("/Contents");
    private static final int HEADER_WINDOW = 1024;
    private static final int TRAILER_WINDOW = 2048;

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
     */
    record Found(int holeStart, int holeEnd, int signedEnd, byte[] cms, java.util.List<Found> documentTimeStamps) {

        Found(int holeStart, int holeEnd, int signedEnd, byte[] cms) {
            this(holeStart, holeEnd, signedEnd, cms, java.util.List.of());
        }

        boolean coversWholeFile(int length) {
            return signedEnd == length;
        }
    }

    private SignatureScan() {}

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
        int next = indexOf(pdf, BYTE_RANGE, at + BYTE_RANGE.length, length);
        Found signature = signatureAt(pdf, at);
        // later signatures: only document time-stamps, each in a revision after the one before
        java.util.List<Found> stamps = new java.util.ArrayList<>();
        int previousEnd = signature.signedEnd();
        while (next >= 0) {
            if (next < previousEnd || stamps.size() >= MAX_DOCUMENT_TIME_STAMPS) {
                throw new Failure(Problem.MULTIPLE_SIGNATURES);
            }
            Found stamp;
            try {
                stamp = signatureAt(pdf, next);
            } catch (Failure f) {
                throw new Failure(Problem.MULTIPLE_SIGNATURES);
            }
            stamps.add(stamp);
            previousEnd = stamp.signedEnd();
            next = indexOf(pdf, BYTE_RANGE, next + BYTE_RANGE.length, length);
        }
        return stamps.isEmpty()
                ? signature
                : new Found(
                        signature.holeStart(),
                        signature.holeEnd(),
                        signature.signedEnd(),
                        signature.cms(),
                        java.util.List.copyOf(stamps));
    }

    /** The signature whose /ByteRange is at {@code at}: its ranges and the container in its hole. */
    private static Found signatureAt(byte[] pdf, int at) throws Failure {
        int length = pdf.length;
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
        if (pdf[holeStart] != '<'
                || pdf[holeEnd - 1] != '>'
                || !precededByContentsKey(pdf, holeStart)
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
        return new Found(holeStart, holeEnd, signedEnd, DerShape.trimmed(container));
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

    private static int skipBlanks(byte[] pdf, int i) {
        while (i < pdf.length && isBlank(pdf[i])) {
            i++;
        }
        return i;
    }

    private static boolean isBlank(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t' || b == '\f' || b == 0;
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

package cn.hrss.zcrd.verification.internal;

import java.util.Arrays;

/**
 * A look at a DER structure before Bouncy Castle parses it: the outer element's length (the /Contents hex string
 * is padded with zeros), definite lengths only, at most {@link #MAX_DEPTH} levels of nesting and
 * {@link #MAX_ELEMENTS} elements — a hostile container is refused here in bounded time and stack instead of deep in
 * a recursive parser.
 */
final class DerShape {

    static final int MAX_DEPTH = 40;
    static final int MAX_ELEMENTS = 20_000;

    private DerShape() {}

    /** The outer element without the trailing padding; checked for depth and size. */
    static byte[] trimmed(byte[] padded) throws SignatureScan.Failure {
        int[] count = {0};
        int end = element(padded, 0, padded.length, 0, count);
        for (int i = end; i < padded.length; i++) {
            if (padded[i] != 0) {
                throw broken();
            }
        }
        return end == padded.length ? padded : Arrays.copyOf(padded, end);
    }

    /** Checks the element at {@code at} (inside [at, limit)); returns the offset after it. */
    private static int element(byte[] der, int at, int limit, int depth, int[] count) throws SignatureScan.Failure {
        if (depth > MAX_DEPTH || ++count[0] > MAX_ELEMENTS || at + 2 > limit) {
            throw broken();
        }
        int tag = der[at] & 0xff;
        int i = at + 1;
        if ((tag & 0x1f) == 0x1f) {
            // high tag number: at most 4 more bytes
            int n = 0;
            while (i < limit && (der[i] & 0x80) != 0 && n < 4) {
                i++;
                n++;
            }
            i++;
            if (n >= 4 || i >= limit) {
                throw broken();
            }
        }
        int first = der[i++] & 0xff;
        long length;
        if (first < 0x80) {
            length = first;
        } else {
            int bytes = first & 0x7f;
            if (bytes == 0 || bytes > 4 || i + bytes > limit) {
                throw broken(); // indefinite length is not DER
            }
            length = 0;
            for (int k = 0; k < bytes; k++) {
                length = length << 8 | (der[i++] & 0xff);
            }
        }
        long end = i + length;
        if (end > limit) {
            throw broken();
        }
        if ((tag & 0x20) != 0) {
            int child = i;
            while (child < end) {
                child = element(der, child, (int) end, depth + 1, count);
            }
        }
        return (int) end;
    }

    private static SignatureScan.Failure broken() {
        return new SignatureScan.Failure(SignatureScan.Problem.BROKEN_SIGNATURE);
    }
}

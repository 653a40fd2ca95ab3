package cn.hrss.zcrd.declaration.internal;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A bounded linear pass over a PDF's bytes before iText opens it, for what would make the parser itself work
 * without bound: a page tree root declaring billions of pages (iText reserves one slot per declared page while it
 * opens the document, before any check can run), and compressed streams that inflate to far more than any scan
 * (decompression bombs — in object streams the parser must inflate to find the catalog, or in page content a
 * reviewer's viewer would inflate). Every zlib stream is inflated into a small reused buffer against one budget for
 * the whole file ({@value #INFLATE_BUDGET} bytes; a stream is given up as a bomb as soon as it has inflated beyond
 * 8 MB at more than {@value #BOMB_RATIO} times its compressed size); JPEG images are not zlib and cost nothing; object streams (where a hostile {@code /Count} may hide from the raw scan) are also searched.
 * Plain Java.
 */
final class PdfPrescan {

    /** What the check found: nothing wrong, too many declared pages, or a stream inflating beyond the budget. */
    enum Finding {
        NONE,
        TOO_MANY_PAGES,
        INDIRECT_COUNT,
        INFLATES_TOO_MUCH
    }

    /** all streams of one file together may inflate to this much */
    static final long INFLATE_BUDGET = 64L * 1024 * 1024;
    /** a stream inflating to more than this many times its compressed bytes (beyond 8 MB) is a bomb: stop early */
    private static final long BOMB_RATIO = 1000;

    private static final long BOMB_MIN_BYTES = 8L * 1024 * 1024;
    /** inflated streams up to this size are kept and searched for /Count (object streams are far smaller) */
    private static final int SEARCHED_STREAM = 4 * 1024 * 1024;

    private static final Pattern COUNT =
            Pattern.compile("/Count[\\s\\x00]*(\\d{1,12})(?:[\\s\\x00]+(\\d{1,10})[\\s\\x00]+R)?");
    private static final byte[] STREAM = "stream".getBytes(StandardCharsets.US_ASCII);

    private PdfPrescan() {}

    static Finding scan(byte[] pdf, int maxPages) {
        Finding counts = counts(new String(pdf, StandardCharsets.ISO_8859_1), maxPages);
        if (counts != Finding.NONE) {
            return counts;
        }
        return streams(pdf, maxPages);
    }

    private static Finding counts(String text, int maxPages) {
        Matcher m = COUNT.matcher(text);
        while (m.find()) {
            if (m.group(2) != null) {
                // a count that is an indirect reference: nothing a real writer does, and invisible to this scan
                return Finding.INDIRECT_COUNT;
            }
            if (m.group(1).length() > 9 || Long.parseLong(m.group(1)) > maxPages) {
                return Finding.TOO_MANY_PAGES;
            }
        }
        return Finding.NONE;
    }

    private static Finding streams(byte[] pdf, int maxPages) {
        long budget = INFLATE_BUDGET;
        byte[] buffer = new byte[64 * 1024];
        Inflater inflater = new Inflater();
        try {
            int at = 0;
            while ((at = indexOf(pdf, STREAM, at)) >= 0) {
                int start = dataStart(pdf, at);
                at += STREAM.length;
                if (start < 0 || isEndstream(pdf, at - STREAM.length)) {
                    continue;
                }
                inflater.reset();
                inflater.setInput(pdf, start, pdf.length - start);
                java.io.ByteArrayOutputStream kept = new java.io.ByteArrayOutputStream();
                long inflated = 0;
                try {
                    while (!inflater.finished() && !inflater.needsDictionary()) {
                        int n = inflater.inflate(buffer);
                        if (n == 0 && inflater.needsInput()) {
                            break;
                        }
                        inflated += n;
                        budget -= n;
                        if (budget < 0
                                || (inflated > BOMB_MIN_BYTES && inflated > BOMB_RATIO * inflater.getBytesRead())) {
                            return Finding.INFLATES_TOO_MUCH;
                        }
                        if (inflated <= SEARCHED_STREAM) {
                            kept.write(buffer, 0, n);
                        }
                    }
                } catch (DataFormatException e) {
                    continue; // not zlib (JPEG, uncompressed, damaged): not this scan's business
                }
                if (inflated <= SEARCHED_STREAM && kept.size() > 0) {
                    Finding inside = counts(kept.toString(StandardCharsets.ISO_8859_1), maxPages);
                    if (inside != Finding.NONE) {
                        return inside;
                    }
                } else if (isObjectStream(pdf, at - STREAM.length)) {
                    // an object stream too large to search: a real one holds a few hundred small objects
                    return Finding.INFLATES_TOO_MUCH;
                }
                at = start + (int) Math.min(Integer.MAX_VALUE - start, inflater.getBytesRead());
            }
            return Finding.NONE;
        } finally {
            inflater.end();
        }
    }

    /** The offset after the end-of-line that follows the keyword {@code stream}, or -1 when it is no keyword. */
    private static int dataStart(byte[] pdf, int keyword) {
        int i = keyword + STREAM.length;
        if (i < pdf.length && pdf[i] == '\r') {
            i++;
        }
        if (i < pdf.length && pdf[i] == '\n') {
            return i + 1;
        }
        return -1;
    }

    private static boolean isEndstream(byte[] pdf, int keyword) {
        return keyword >= 3 && pdf[keyword - 3] == 'e' && pdf[keyword - 2] == 'n' && pdf[keyword - 1] == 'd';
    }

    /** Whether the dictionary just before the keyword (within 2 KB, after the last {@code obj}) says /ObjStm. */
    private static boolean isObjectStream(byte[] pdf, int keyword) {
        int from = Math.max(0, keyword - 2048);
        String head = new String(pdf, from, keyword - from, StandardCharsets.ISO_8859_1);
        int obj = head.lastIndexOf(" obj");
        return head.indexOf("/ObjStm", Math.max(0, obj)) >= 0;
    }

    /** First index of {@code needle} at or after {@code from}; -1 when none. */
    private static int indexOf(byte[] hay, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}

package cn.hrss.zcrd.verification.internal;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether the bytes after the signed revision are only a PAdES-LT validation-data update (a DSS with certificates
 * and CRLs) that changes nothing a reader shows. Deliberately narrow — the shape the platform appends: one classic
 * xref table and trailer; objects redefined are only the catalog, new objects get numbers above the signed
 * revision's /Size; the catalog keeps its /Pages and /Fields; outside stream data (skipped by their exact /Length)
 * only the names of a DSS, a catalog and a trailer occur; the DSS is a dictionary; every xref entry points at the
 * object it names; the trailer's /Prev is the signed revision's startxref, its /Size one above the highest object,
 * and the last startxref points at the update's xref table. Anything else is "changed after signing".
 */
final class ValidationDataUpdate {

    private static final Set<String> NAMES = Set.of(
            "Length",
            "Type",
            "Catalog",
            "Pages",
            "AcroForm",
            "Fields",
            "SigFlags",
            "DSS",
            "Certs",
            "CRLs",
            "OCSPs",
            "VRI",
            "Cert",
            "CRL",
            "OCSP",
            "TU",
            "TS",
            "Size",
            "Root",
            "Info",
            "ID",
            "Prev",
            "Extensions",
            "ADBE",
            "ESIC",
            "BaseVersion",
            "ExtensionLevel");
    private static final Pattern OBJECT = Pattern.compile("(\\d{1,9}) (\\d{1,5}) obj\\b");
    private static final Pattern PAGES = Pattern.compile("/Pages\\s*(\\d+\\s+\\d+\\s+R)");
    private static final Pattern FIELDS = Pattern.compile("/Fields\\s*\\[([^\\]]*)\\]");
    private static final Pattern SIZE = Pattern.compile("trailer\\s*<<.*?/Size\\s+(\\d+)", Pattern.DOTALL);
    private static final Pattern ROOT = Pattern.compile("trailer\\s*<<.*?/Root\\s+(\\d+)\\s+0\\s+R", Pattern.DOTALL);
    private static final Pattern STARTXREF = Pattern.compile("startxref\\s+(\\d{1,10})\\s+%%EOF\\s*$");
    private static final Pattern PREV = Pattern.compile("/Prev\\s+(\\d{1,10})\\b");
    private static final Pattern DSS_NOT_A_DICTIONARY = Pattern.compile("/DSS(?!\\s*<<)");

    private ValidationDataUpdate() {}

    static boolean onlyValidationData(byte[] pdf, int signedEnd) {
        return onlyValidationData(pdf, signedEnd, pdf.length);
    }

    /** The same for the update {@code pdf[from, to)} after the revisions {@code pdf[0, from)}. */
    static boolean onlyValidationData(byte[] pdf, int from, int to) {
        try {
            return check(pdf, from, to);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean check(byte[] pdf, int signedEnd, int to) {
        if (to > pdf.length || to - signedEnd > 4 * 1024 * 1024) {
            return false;
        }
        String signed = new String(pdf, 0, signedEnd, StandardCharsets.ISO_8859_1);
        String update = new String(pdf, signedEnd, to - signedEnd, StandardCharsets.ISO_8859_1);
        Matcher size = SIZE.matcher(signed.substring(Math.max(0, signed.lastIndexOf("trailer"))));
        Matcher root = ROOT.matcher(signed.substring(Math.max(0, signed.lastIndexOf("trailer"))));
        if (!size.find() || !root.find()) {
            return false;
        }
        int firstNew = Integer.parseInt(size.group(1));
        int catalog = Integer.parseInt(root.group(1));
        // names and objects outside stream data
        StringBuilder outside = new StringBuilder();
        Set<Integer> defined = new HashSet<>();
        int i = 0;
        while (i < update.length()) {
            int streamAt = update.indexOf("stream", i);
            if (streamAt < 0) {
                outside.append(update, i, update.length());
                break;
            }
            if (streamAt >= 3 && update.startsWith("end", streamAt - 3)) {
                return false; // an endstream without its stream
            }
            String before = update.substring(i, streamAt);
            outside.append(before);
            Matcher length = Pattern.compile("/Length\\s+(\\d{1,8})\\s*>>\\s*$").matcher(before);
            if (!length.find()) {
                return false;
            }
            int data = streamAt + 6;
            if (update.startsWith("\r\n", data)) {
                data += 2;
            } else if (update.startsWith("\n", data)) {
                data += 1;
            } else {
                return false;
            }
            int end = data + Integer.parseInt(length.group(1));
            int after = end;
            while (after < update.length() && (update.charAt(after) == '\n' || update.charAt(after) == '\r')) {
                after++;
            }
            if (end > update.length() || !update.startsWith("endstream", after)) {
                return false;
            }
            i = after + "endstream".length();
        }
        String text = outside.toString();
        if (count(text, "xref") != 1
                || count(text, "trailer") != 1
                || !text.stripTrailing().endsWith("%%EOF")
                || text.contains("(")
                || text.contains("%PDF")) {
            return false;
        }
        Matcher objects = OBJECT.matcher(text);
        while (objects.find()) {
            int number = Integer.parseInt(objects.group(1));
            if (number != catalog && number < firstNew || !defined.add(number)) {
                return false;
            }
        }
        Matcher names = Pattern.compile("/([^\\s/<>\\[\\]()%{}]*)").matcher(text);
        while (names.find()) {
            if (!NAMES.contains(names.group(1))) {
                return false;
            }
        }
        if (!same(PAGES, signed, text)
                || !same(FIELDS, signed, text)
                || DSS_NOT_A_DICTIONARY.matcher(text).find()) {
            return false;
        }
        if (!chainedToTheSignedRevision(signed, signedEnd, update, text, firstNew, defined)) {
            return false;
        }
        return xrefPointsAtItsObjects(pdf, signedEnd, to, update, defined);
    }

    /**
     * The update's trailer continues the signed revision: exactly one /Prev, at the signed revision's xref (no
     * cycle, nothing skipped); /Size one above the highest object number; startxref at the update's own xref table.
     */
    private static boolean chainedToTheSignedRevision(
            String signed, int signedEnd, String update, String text, int firstNew, Set<Integer> defined) {
        Matcher signedStart = STARTXREF.matcher(signed);
        Matcher prev = PREV.matcher(text);
        if (!signedStart.find() || !prev.find() || !prev.group(1).equals(signedStart.group(1)) || prev.find()) {
            return false;
        }
        int highest = defined.stream().mapToInt(Integer::intValue).max().orElse(0);
        Matcher size = SIZE.matcher(text);
        if (!size.find() || Long.parseLong(size.group(1)) != Math.max(firstNew, highest + 1L)) {
            return false;
        }
        Matcher start = STARTXREF.matcher(text);
        int xref = update.indexOf("xref");
        return start.find() && xref >= 0 && Long.parseLong(start.group(1)) == (long) signedEnd + xref;
    }

    /**
     * Every occurrence of {@code pattern} in the update has the value of its last occurrence before (the revision
     * before: after a document time-stamp the fields include its field).
     */
    static boolean same(Pattern pattern, String signed, String update) {
        Matcher original = pattern.matcher(signed);
        String value = null;
        while (original.find()) {
            value = original.group(1).replaceAll("\\s+", " ").strip();
        }
        Matcher m = pattern.matcher(update);
        while (m.find()) {
            if (!m.group(1).replaceAll("\\s+", " ").strip().equals(value)) {
                return false;
            }
        }
        return true;
    }

    /** The update's xref table: only the objects it defines, each entry at "N G obj" of that N. */
    private static boolean xrefPointsAtItsObjects(
            byte[] pdf, int signedEnd, int to, String update, Set<Integer> defined) {
        int at = update.indexOf("xref");
        int trailer = update.indexOf("trailer", at);
        if (at < 0 || trailer < 0) {
            return false;
        }
        String[] lines = update.substring(at + 4, trailer).strip().split("\\r?\\n|\\r");
        int k = 0;
        int listed = 0;
        while (k < lines.length) {
            String[] head = lines[k++].strip().split(" ");
            if (head.length != 2) {
                return false;
            }
            int start = Integer.parseInt(head[0]);
            int n = Integer.parseInt(head[1]);
            for (int j = 0; j < n; j++, k++) {
                if (k >= lines.length) {
                    return false;
                }
                String entry = lines[k].strip();
                int number = start + j;
                if (entry.endsWith("f")) {
                    if (number != 0) {
                        return false;
                    }
                    continue;
                }
                if (!entry.endsWith("n") || entry.length() < 18 || !defined.contains(number)) {
                    return false;
                }
                long offset = Long.parseLong(entry.substring(0, 10));
                String expected = number + " ";
                if (offset < signedEnd
                        || offset + expected.length() + 6 > to
                        || !new String(pdf, (int) offset, expected.length() + 6, StandardCharsets.ISO_8859_1)
                                .startsWith(expected)) {
                    return false;
                }
                listed++;
            }
        }
        return listed == defined.size();
    }

    private static int count(String text, String word) {
        int n = 0;
        for (int i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
            if (!(word.equals("xref") && i >= 5 && text.startsWith("start", i - 5))) {
                n++;
            }
        }
        return n;
    }
}

package cn.hrss.zcrd.verification.internal;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether {@code pdf[from, to)} is exactly the document time-stamp revision the platform appends for
 * PAdES-BASELINE-LTA (see the certificate module's {@code ArchiveTimeStamps}): an invisible signature field (not on
 * the page), its {@code /DocTimeStamp} dictionary, the catalog with the field added to /Fields and everything else
 * as before, one xref section pointing at these three objects and a trailer continuing the revision before. The
 * form is matched byte for byte; anything else is not accepted.
 */
final class DocumentTimeStampRevision {

    private static final Pattern SHAPE = Pattern.compile("(\\d{1,7}) 0 obj\n"
            + "<</Type/Annot/Subtype/Widget/FT/Sig/T\\(archive\\d{1,3}\\)/V (\\d{1,7}) 0 R/F 132/Rect\\[0 0 0 0\\]>>"
            + "\nendobj\n"
            + "(\\d{1,7}) 0 obj\n<</Type/DocTimeStamp/Filter/Adobe\\.PPKLite/SubFilter/ETSI\\.RFC3161"
            + "/ByteRange\\[0 \\d{1,10} +\\d{1,10} +\\d{1,10} *\\]/Contents<[0-9a-fA-F]+>>>\nendobj\n"
            + "(\\d{1,7}) 0 obj\n<</Type/Catalog/Pages (\\d{1,7} 0 R)/AcroForm<</Fields\\[([0-9R ]+)\\]/SigFlags 3>>"
            + "(/DSS<</Certs\\[[0-9R ]*\\]/CRLs\\[[0-9R ]*\\]>>)>>\nendobj\n"
            + "xref\n0 1\n0000000000 65535 f \n([0-9 n\n]+)"
            + "trailer\n<</Size (\\d{1,7})/Root (\\d{1,7}) 0 R/Info (\\d{1,7}) 0 R/ID\\[<[0-9a-f]{32}><[0-9a-f]{32}>\\]"
            + "/Prev (\\d{1,10})>>\nstartxref\n(\\d{1,10})\n%%EOF\n");
    private static final Pattern LAST_TRAILER = Pattern.compile(
            "trailer\n<</Size (\\d{1,7})/Root (\\d{1,7}) 0 R/Info (\\d{1,7}) 0 R/ID\\[<([0-9a-f]{32})><\\4>\\]"
                    + "(?:/Prev \\d{1,10})?>>\nstartxref\n(\\d{1,10})\n%%EOF\n$");
    private static final Pattern PAGES = Pattern.compile("/Type/Catalog/Pages (\\d{1,7} 0 R)");
    private static final Pattern FIELDS = Pattern.compile("/AcroForm<</Fields\\[([0-9R ]+)\\]");
    private static final Pattern DSS = Pattern.compile("(/DSS<</Certs\\[[0-9R ]*\\]/CRLs\\[[0-9R ]*\\]>>)");

    private DocumentTimeStampRevision() {}

    static boolean isPlatformTimeStampRevision(byte[] pdf, int from, int to) {
        try {
            return check(pdf, from, to);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean check(byte[] pdf, int from, int to) {
        if (from <= 0 || to > pdf.length || to - from > 2 * SignatureScan.MAX_CMS_BYTES + 8192) {
            return false;
        }
        String revision = new String(pdf, from, to - from, StandardCharsets.ISO_8859_1);
        Matcher m = SHAPE.matcher(revision);
        if (!m.matches()) {
            return false;
        }
        String before = new String(pdf, 0, from, StandardCharsets.ISO_8859_1);
        Matcher previous = LAST_TRAILER.matcher(before.substring(Math.max(0, before.lastIndexOf("trailer\n"))));
        if (!previous.find()) {
            return false;
        }
        int field = Integer.parseInt(m.group(1));
        int signature = Integer.parseInt(m.group(3));
        int catalog = Integer.parseInt(m.group(4));
        if (field != Integer.parseInt(previous.group(1))
                || Integer.parseInt(m.group(2)) != signature
                || signature != field + 1
                || catalog != Integer.parseInt(previous.group(2))
                || Integer.parseInt(m.group(9)) != signature + 1
                || Integer.parseInt(m.group(10)) != catalog
                || !m.group(11).equals(previous.group(3))
                || !m.group(12).equals(previous.group(5))
                || Long.parseLong(m.group(13)) != (long) from + revision.indexOf("xref\n0 1\n")) {
            return false;
        }
        // the catalog as before, only the new field added
        if (!(last(FIELDS, before) + " " + field + " 0 R").equals(m.group(6))
                || !m.group(5).equals(last(PAGES, before))
                || !m.group(7).equals(last(DSS, before))) {
            return false;
        }
        return xref(pdf, from, revision, m.group(8), catalog, field, signature);
    }

    /** The xref section lists the catalog, then the field and the signature, each at its object. */
    private static boolean xref(
            byte[] pdf, int from, String revision, String section, int catalog, int field, int signature) {
        String[] lines = section.split("\n");
        if (lines.length != 5 || !lines[0].equals(catalog + " 1") || !lines[2].equals(field + " 2")) {
            return false;
        }
        int[] numbers = {catalog, field, signature};
        String[] entries = {lines[1], lines[3], lines[4]};
        for (int i = 0; i < 3; i++) {
            if (!entries[i].matches("\\d{10} 00000 n ")) {
                return false;
            }
            long offset = Long.parseLong(entries[i].substring(0, 10)) - from;
            String head = numbers[i] + " 0 obj\n";
            if (offset < 0 || !revision.startsWith(head, (int) offset)) {
                return false;
            }
        }
        return true;
    }

    private static String last(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        String value = null;
        while (m.find()) {
            value = m.group(1);
        }
        return value;
    }
}

package cn.hrss.zcrd.certificate.internal;

import cn.hrss.zcrd.signing.TimeStampSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.tsp.TimeStampToken;
import org.springframework.stereotype.Component;

/**
 * PAdES-BASELINE-LTA: appends to a certificate PDF the platform made (LT, or LTA with earlier archive time-stamps)
 * two incremental updates — a document time-stamp revision (an invisible signature field {@code archiveN} whose
 * dictionary is {@code /Type/DocTimeStamp/SubFilter/ETSI.RFC3161}, the RFC 3161 token over the SHA-256 of its byte
 * ranges, i.e. the whole file but the token) and a DSS update adding the time-stamp's own validation data (TSA
 * chain, CRLs issued after it), keeping every earlier DSS entry. Earlier revisions stay byte for byte.
 *
 * <p>Parses only what the platform writes: the last trailer and the catalog written just before the last
 * cross-reference table, both in the platform's exact form; anything else is refused ({@link NotPlatformPdf}).
 * Thread-safe.
 */
@Component
public class ArchiveTimeStamps {

    /** Room for the token before one has been seen (an external TSA's token with its chain can be ≈ 4.5 KB). */
    static final int INITIAL_RESERVE = 8192;

    private static final Pattern TAIL = Pattern.compile(
            "trailer\n<</Size (\\d{1,7})/Root (\\d{1,7}) 0 R/Info (\\d{1,7}) 0 R/ID\\[<([0-9a-f]{32})><\\4>\\]"
                    + "(?:/Prev \\d{1,10})?>>\nstartxref\n(\\d{1,10})\n%%EOF\n$");
    private static final Pattern CATALOG = Pattern.compile(
            "<</Type/Catalog/Pages (\\d{1,7}) 0 R/AcroForm<</Fields\\["
                    + "((?:\\d{1,7} 0 R ?)+)\\]/SigFlags 3>>/DSS<</Certs\\[((?:\\d{1,7} 0 R ?)*)\\]/CRLs\\[((?:\\d{1,7} 0 R ?)*)\\]>>>>");
    private static final int TAIL_WINDOW = 512;

    private final TimeStampSource timeStamps;
    private final LongTermValidationData longTerm;
    private final AtomicInteger largestSeen = new AtomicInteger();
    private volatile Set<String> lastAlgorithms;

    ArchiveTimeStamps(TimeStampSource timeStamps, LongTermValidationData longTerm) {
        this.timeStamps = timeStamps;
        this.longTerm = longTerm;
    }

    /** Whether {@code pdf} has the shape this appender accepts (a platform certificate PDF, LT or LTA). */
    public static boolean accepts(byte[] pdf) {
        try {
            parse(pdf);
            return true;
        } catch (NotPlatformPdf e) {
            return false;
        }
    }

    /** A PDF this appender does not recognise as one the platform made. */
    public static final class NotPlatformPdf extends RuntimeException {
        NotPlatformPdf(String why) {
            super(why, null, false, false);
        }
    }

    /**
     * The PDF with one more archive time-stamp.
     *
     * @param pdf     the new version
     * @param sha256  of {@code pdf}
     * @param time    the archive time-stamp's time
     * @param tsaNotAfter the end of validity of the TSA certificate that made it (the evidence holds until then)
     * @param algorithms the OIDs of the algorithms it rests on ({@link ArchiveAlgorithms})
     */
    public record Stamped(byte[] pdf, String sha256, Instant time, Instant tsaNotAfter, Set<String> algorithms) {}

    /**
     * The algorithms the TSA stamps with now: those of the last token this appender got, or of a token over a
     * dummy imprint when it has had none yet.
     */
    Set<String> currentAlgorithms() {
        Set<String> known = lastAlgorithms;
        if (known == null) {
            known = Token.of(timeStamps.timeStampToken(new byte[32])).algorithms();
            lastAlgorithms = known;
        }
        return known;
    }

    /** Appends a document time-stamp and its validation data; throws {@link NotPlatformPdf} for a foreign shape. */
    public Stamped append(byte[] pdf) {
        Last last = parse(pdf);
        // once a token has been seen, room for the largest one and a margin (the platform TSA's carries only its own
        // certificate): every byte reserved is two hex digits in this and every later version of the PDF
        int largest = largestSeen.get();
        int reserve = largest == 0 ? INITIAL_RESERVE : rounded(largest + 512);
        Stamped stamped = append(pdf, last, reserve);
        if (stamped == null) {
            stamped = append(pdf, last, rounded(largestSeen.get() + 512));
        }
        if (stamped == null) {
            throw new IllegalStateException("the time-stamp token does not fit its reservation");
        }
        return stamped;
    }

    private Stamped append(byte[] pdf, Last last, int reserve) {
        int field = last.size();
        int signature = field + 1;
        PdfOut out = PdfOut.after(pdf, last.startxref(), 2 * reserve + 4096 + 32_768);
        TreeMap<Integer, Integer> written = new TreeMap<>();
        written.put(field, out.size());
        out.ascii(field)
                .ascii(" 0 obj\n<</Type/Annot/Subtype/Widget/FT/Sig/T(archive")
                .ascii(last.fields().size())
                .ascii(")/V ")
                .ascii(signature)
                .ascii(" 0 R/F 132/Rect[0 0 0 0]>>\nendobj\n");
        written.put(signature, out.size());
        out.ascii(signature)
                .ascii(" 0 obj\n<</Type/DocTimeStamp/Filter/Adobe.PPKLite/SubFilter/ETSI.RFC3161/ByteRange");
        int byteRangeAt = out.size();
        out.ascii("[0 0000000000 0000000000 0000000000]/Contents");
        int holeStart = out.size();
        out.ascii("<");
        int zeros = out.size();
        out.bytes(zeroDigits(2 * reserve));
        out.ascii(">");
        int holeEnd = out.size();
        out.ascii(">>\nendobj\n");
        List<String> fields = new ArrayList<>(last.fields());
        fields.add(field + " 0 R");
        written.put(last.root(), out.size());
        out.ascii(last.root())
                .ascii(" 0 obj\n")
                .ascii(catalog(last.pages(), fields, last.certs(), last.crls()))
                .ascii("\nendobj\n");
        out.finishUpdate(written, signature + 1, last.root(), last.info(), last.id());
        int total = out.size();
        out.patch(
                byteRangeAt,
                String.format(Locale.ROOT, "[0 %-10d %-10d %-10d]", holeStart, holeEnd, total - holeEnd)
                        .getBytes(StandardCharsets.US_ASCII));
        MessageDigest ranges = sha256();
        ranges.update(out.buffer(), 0, holeStart);
        ranges.update(out.buffer(), holeEnd, total - holeEnd);
        byte[] token = timeStamps.timeStampToken(ranges.digest());
        largestSeen.accumulateAndGet(token.length, Math::max);
        if (token.length > reserve) {
            return null;
        }
        out.patch(zeros, HexFormat.of().formatHex(token).getBytes(StandardCharsets.US_ASCII));

        Token parsed = Token.of(token);
        lastAlgorithms = parsed.algorithms();
        LongTermValidationData.Dss dss = longTerm.dssForTimeStamp(parsed.chain(), parsed.time());
        List<String> certs = new ArrayList<>(last.certs());
        List<String> crls = new ArrayList<>(last.crls());
        int first = signature + 1;
        int number = first;
        for (int i = 0; i < dss.certificates().size(); i++) {
            certs.add(number++ + " 0 R");
        }
        for (int i = 0; i < dss.crls().size(); i++) {
            crls.add(number++ + " 0 R");
        }
        List<byte[]> streams = new ArrayList<>(dss.certificates());
        streams.addAll(dss.crls());
        out.appendUpdate(
                last.root(), catalog(last.pages(), fields, certs, crls), first, streams, last.info(), last.id());
        byte[] result = out.toByteArray();
        return new Stamped(
                result,
                HexFormat.of().formatHex(sha256().digest(result)),
                parsed.time(),
                parsed.chain().get(0).getNotAfter().toInstant(),
                parsed.algorithms());
    }

    private static String catalog(String pages, List<String> fields, List<String> certs, List<String> crls) {
        return "<</Type/Catalog/Pages " + pages + " 0 R/AcroForm<</Fields[" + String.join(" ", fields)
                + "]/SigFlags 3>>/DSS<</Certs[" + String.join(" ", certs) + "]/CRLs[" + String.join(" ", crls)
                + "]>>>>";
    }

    /** What the last revision says: trailer values and the catalog written right before its xref. */
    record Last(
            int size,
            int root,
            int info,
            String id,
            int startxref,
            String pages,
            List<String> fields,
            List<String> certs,
            List<String> crls) {}

    static Last parse(byte[] pdf) {
        if (pdf.length < 1024 || !new String(pdf, 0, 9, StandardCharsets.ISO_8859_1).equals("%PDF-1.7\n")) {
            throw new NotPlatformPdf("not a PDF 1.7 of the platform");
        }
        int from = Math.max(0, pdf.length - TAIL_WINDOW);
        String tail = new String(pdf, from, pdf.length - from, StandardCharsets.ISO_8859_1);
        int trailer = tail.lastIndexOf("trailer\n");
        Matcher t = trailer < 0 ? null : TAIL.matcher(tail.substring(trailer));
        if (t == null || !t.find()) {
            throw new NotPlatformPdf("the last trailer is not the platform's");
        }
        int size = Integer.parseInt(t.group(1));
        int root = Integer.parseInt(t.group(2));
        int startxref = Integer.parseInt(t.group(5));
        if (startxref >= pdf.length || !new String(pdf, startxref, 5, StandardCharsets.ISO_8859_1).equals("xref\n")) {
            throw new NotPlatformPdf("startxref does not point at a cross-reference table");
        }
        // the catalog is the last object before the xref table: "<root> 0 obj\n<<...>>\nendobj\n"
        String end = "\nendobj\n";
        int window = Math.max(0, startxref - 16_384);
        String before = new String(pdf, window, startxref - window, StandardCharsets.ISO_8859_1);
        String head = "\n" + root + " 0 obj\n";
        int objectAt = before.lastIndexOf(head);
        if (!before.endsWith(end) || objectAt < 0) {
            throw new NotPlatformPdf("no catalog right before the last cross-reference table");
        }
        String dictionary = before.substring(objectAt + head.length(), before.length() - end.length());
        Matcher c = CATALOG.matcher(dictionary);
        if (!c.matches()) {
            throw new NotPlatformPdf("the catalog is not the platform's (LT or LTA)");
        }
        return new Last(
                size,
                root,
                Integer.parseInt(t.group(3)),
                t.group(4),
                startxref,
                c.group(1),
                references(c.group(2)),
                references(c.group(3)),
                references(c.group(4)));
    }

    private static List<String> references(String list) {
        List<String> refs = new ArrayList<>();
        Matcher m = Pattern.compile("(\\d+) 0 R").matcher(list);
        while (m.find()) {
            refs.add(m.group(1) + " 0 R");
        }
        return refs;
    }

    /**
     * The parts of an RFC 3161 token the DSS and the renewal need: its time, the TSA's chain (signer first) and the
     * algorithms it rests on.
     */
    record Token(Instant time, List<X509Certificate> chain, Set<String> algorithms) {
        static Token of(byte[] der) {
            try {
                TimeStampToken token = new TimeStampToken(new CMSSignedData(der));
                JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
                List<X509Certificate> chain = new ArrayList<>();
                @SuppressWarnings("unchecked")
                var signer = token.getCertificates()
                        .getMatches((org.bouncycastle.util.Selector<X509CertificateHolder>) token.getSID());
                for (X509CertificateHolder holder : signer) {
                    chain.add(converter.getCertificate(holder));
                }
                for (X509CertificateHolder holder : token.getCertificates().getMatches(null)) {
                    X509Certificate certificate = converter.getCertificate(holder);
                    if (!chain.contains(certificate)) {
                        chain.add(certificate);
                    }
                }
                if (chain.isEmpty()) {
                    throw new IllegalStateException("the time-stamp token carries no TSA certificate");
                }
                return new Token(
                        token.getTimeStampInfo().getGenTime().toInstant(),
                        List.copyOf(chain),
                        Set.copyOf(ArchiveAlgorithms.of(token, chain.get(0))));
            } catch (Exception e) {
                throw new IllegalStateException("time-stamp token unreadable", e);
            }
        }
    }

    private static byte[] zeroDigits(int n) {
        byte[] digits = new byte[n];
        Arrays.fill(digits, (byte) '0');
        return digits;
    }

    private static int rounded(int bytes) {
        return (bytes + 255) & ~255;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package cn.hrss.zcrd.verification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import cn.hrss.zcrd.certificate.internal.SampleCertificatePdfs;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509CRL;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The check that the bytes after the signed revision are only a PAdES-LT validation-data update, on an update of
 * the platform's shape (a DSS in the catalog, certificates and a CRL as streams) and on a hostile corpus made from
 * it: truncated, wrong startxref, huge and negative numbers, a DSS of the wrong type, cycles through /Prev, many
 * megabytes. Each answer is a plain "no" in bounded time — never an exception, never a loop — and the verifier
 * never says of such a file that an intact signature covers it.
 */
class ValidationDataUpdateTest {

    static final URI ADDRESS = URI.create("http://localhost/verify/c/ZC2026000012000001?k=abc");
    static SoftwarePki platform;
    static SignedPdfVerifier verifier;
    static byte[] signed;
    static String update;

    @BeforeAll
    static void setUp() throws Exception {
        platform = new SoftwarePki("Platform Root");
        SoftwarePki.Seal seal = platform.seal("山东省测试发证单位");
        signed = new SampleCertificatePdfs(
                        seal.key(), seal.chain(), Clock.systemUTC(), platform.timeStampAuthority(Clock.systemUTC()))
                .signed(ADDRESS);
        X509CRL crl = platform.crl(null, null);
        List<byte[]> streams = new ArrayList<>();
        for (var certificate : seal.chain()) {
            streams.add(certificate.getEncoded());
        }
        streams.add(crl.getEncoded());
        update = dssUpdate(signed, streams);
        verifier = new SignedPdfVerifier(platform.root, platform.sealCa, () -> crl, SoftwarePki::sealProfile);
    }

    @Test
    void theUpdateThePlatformAppendsIsOnlyValidationData() {
        byte[] pdf = with(update);
        assertThat(ValidationDataUpdate.onlyValidationData(pdf, signed.length)).isTrue();
        var findings = verifier.verify(pdf, Instant.now());
        assertThat(findings.intact()).isTrue();
        assertThat(findings.coversWholeFile()).isTrue();
    }

    @Test
    void everyTruncationIsRefused() {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            // "%%EOF\n" loses at least its last letter
            for (int keep = 0; keep < update.length() - 1; keep++) {
                assertThat(ValidationDataUpdate.onlyValidationData(with(update.substring(0, keep)), signed.length))
                        .as("truncated to %d", keep)
                        .isFalse();
            }
        });
        refused("truncated in the xref", update.substring(0, update.indexOf("xref") + 30));
        byte[] pdf = with(update);
        assertThat(ValidationDataUpdate.onlyValidationData(pdf, pdf.length + 1)).isFalse();
        assertThat(ValidationDataUpdate.onlyValidationData(pdf, -1)).isFalse();
        assertThat(ValidationDataUpdate.onlyValidationData(new byte[0], 0)).isFalse();
    }

    @Test
    void aStartxrefThatDoesNotPointAtTheUpdatesXrefIsRefused() {
        int startxref = lastStartXref(update);
        for (String wrong : List.of(
                "0",
                "1",
                Long.toString(startxref + 1L),
                Long.toString(startxref - 1L),
                "-5",
                "99999999999999999999",
                Integer.toString(Integer.MAX_VALUE),
                "x")) {
            refused("startxref " + wrong, replaceLast(update, "startxref\n" + startxref, "startxref\n" + wrong));
        }
    }

    @Test
    void hugeNegativeAndMalformedXrefNumbersAreRefused() {
        Map<String, UnaryOperator<String>> corpus = new LinkedHashMap<>();
        String section = firstNew() + " " + streams();
        corpus.put("huge count", u -> u.replace("\n" + section + "\n", "\n" + firstNew() + " 2147483647\n"));
        corpus.put("count beyond int", u -> u.replace("\n" + section + "\n", "\n" + firstNew() + " 99999999999\n"));
        corpus.put("negative count", u -> u.replace("\n" + section + "\n", "\n" + firstNew() + " -3\n"));
        corpus.put("negative first", u -> u.replace("\n" + section + "\n", "\n-1 " + streams() + "\n"));
        corpus.put("huge first", u -> u.replace("\n" + section + "\n", "\n2147483647 " + streams() + "\n"));
        corpus.put("offset beyond the file", u -> replaceFirstEntry(u, "9999999999 00000 n "));
        corpus.put("offset inside the signed part", u -> replaceFirstEntry(u, "0000000009 00000 n "));
        corpus.put("free entry for an object", u -> replaceFirstEntry(u, "0000000000 65535 f "));
        corpus.put("object number beyond int", u -> u.replace(firstNew() + " 0 obj", "99999999999 0 obj"));
        corpus.put("generation huge", u -> u.replace(firstNew() + " 0 obj", firstNew() + " 99999 obj"));
        corpus.put(
                "entry listed twice",
                u -> u.replace(
                        "\n" + section + "\n",
                        "\n" + firstNew() + " " + streams() + "\n"
                                + u.split("\n" + section + "\n")[1].substring(0, 20)));
        corpus.put("/Length huge", u -> u.replaceFirst("/Length \\d+", "/Length 99999999"));
        corpus.put("/Length negative", u -> u.replaceFirst("/Length \\d+", "/Length -5"));
        corpus.put("/Length one short", u -> {
            Matcher m = Pattern.compile("/Length (\\d+)").matcher(u);
            assertThat(m.find()).isTrue();
            return u.replaceFirst("/Length \\d+", "/Length " + (Integer.parseInt(m.group(1)) - 1));
        });
        corpus.put("/Size huge", u -> u.replace("/Size " + (firstNew() + streams()), "/Size 99999999999"));
        corpus.put("two xref tables", u -> u.replace("trailer", "xref\n0 1\n0000000000 65535 f \ntrailer"));
        hostile(corpus);
    }

    @Test
    void aDssOfTheWrongTypeIsRefused() {
        Map<String, UnaryOperator<String>> corpus = new LinkedHashMap<>();
        corpus.put(
                "DSS a reference to a stream", u -> u.replaceFirst("/DSS<<.*?>>(?=>>)", "/DSS " + firstNew() + " 0 R"));
        corpus.put("DSS an array", u -> u.replaceFirst("/DSS<<(.*?)>>(?=>>)", "/DSS[$1]"));
        corpus.put("DSS a string", u -> u.replaceFirst("/DSS<<.*?>>(?=>>)", "/DSS(x)"));
        corpus.put("DSS a name", u -> u.replaceFirst("/DSS<<.*?>>(?=>>)", "/DSS/Catalog"));
        corpus.put("DSS a number", u -> u.replaceFirst("/DSS<<.*?>>(?=>>)", "/DSS 7"));
        corpus.put("DSS with a JavaScript action", u -> u.replace("/DSS<<", "/DSS<</JS(app.alert(1))"));
        corpus.put("catalog with an OpenAction", u -> u.replace("/DSS<<", "/OpenAction 3 0 R/DSS<<"));
        corpus.put("catalog with other pages", u -> u.replaceFirst("/Pages \\d+ 0 R", "/Pages " + firstNew() + " 0 R"));
        hostile(corpus);
    }

    @Test
    void cyclesThroughPrevAreRefused() {
        int previous = lastStartXref(new String(signed, StandardCharsets.ISO_8859_1));
        int own = lastStartXref(update);
        Map<String, UnaryOperator<String>> corpus = new LinkedHashMap<>();
        corpus.put("/Prev at its own xref", u -> u.replace("/Prev " + previous, "/Prev " + own));
        corpus.put("/Prev at the start", u -> u.replace("/Prev " + previous, "/Prev 0"));
        corpus.put("/Prev beyond the file", u -> u.replace("/Prev " + previous, "/Prev 99999999999"));
        corpus.put("/Prev negative", u -> u.replace("/Prev " + previous, "/Prev -1"));
        corpus.put("/Prev twice", u -> u.replace("/Prev " + previous, "/Prev " + previous + "/Prev " + own));
        corpus.put("no /Prev", u -> u.replace("/Prev " + previous, ""));
        corpus.put("DSS listing the catalog", u -> u.replaceFirst("/Certs\\[\\d+", "/Certs[1"));
        hostile(corpus);
    }

    @Test
    void megabytesOfHostileBytesAreRefusedInBoundedTime() {
        String piece = "\n" + firstNew() + " 0 obj\n<</Length 1>>stream\nx\nendstream\nendobj";
        List<String> corpus = List.of(
                piece.repeat(4 * 1024 * 1024 / piece.length()) + update,
                "stream".repeat(600_000) + update,
                "/Length 1 ".repeat(400_000) + ">>stream\nx\nendstream\n" + update,
                " ".repeat(4_000_000) + update,
                "(".repeat(4_000_000),
                "xref\n" + "0 1\n".repeat(1_000_000) + "trailer<<>>\nstartxref\n0\n%%EOF\n",
                "A".repeat(5 * 1024 * 1024));
        for (String hostile : corpus) {
            byte[] pdf = with(hostile);
            assertTimeoutPreemptively(
                    Duration.ofSeconds(10),
                    () -> assertThat(ValidationDataUpdate.onlyValidationData(pdf, signed.length))
                            .isFalse());
        }
    }

    private void hostile(Map<String, UnaryOperator<String>> corpus) {
        corpus.forEach((name, change) -> {
            String changed = change.apply(update);
            assertThat(changed).as(name + " changed nothing").isNotEqualTo(update);
            byte[] pdf = with(changed);
            assertTimeoutPreemptively(
                    Duration.ofSeconds(10),
                    () -> assertThat(ValidationDataUpdate.onlyValidationData(pdf, signed.length))
                            .as(name)
                            .isFalse());
            refused(name, changed);
        });
    }

    /** No, in bounded time, and the verifier says the signature does not cover the file (no exception). */
    private static void refused(String name, String hostileUpdate) {
        byte[] pdf = with(hostileUpdate);
        assertThat(ValidationDataUpdate.onlyValidationData(pdf, signed.length))
                .as(name)
                .isFalse();
        if (pdf.length > signed.length) {
            var findings = verifier.verify(pdf, Instant.now());
            assertThat(findings.intact() && findings.coversWholeFile()).as(name).isFalse();
        }
    }

    /** An update in the shape {@code PdfOut.appendUpdate} writes (the catalog with a DSS, new stream objects). */
    static String dssUpdate(byte[] pdf, List<byte[]> streams) {
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        String trailer = text.substring(text.lastIndexOf("trailer"));
        int size = number(trailer, "/Size (\\d+)");
        int root = number(trailer, "/Root (\\d+) 0 R");
        int info = number(trailer, "/Info (\\d+) 0 R");
        String id = find(trailer, "/ID\\[<([0-9a-fA-F]+)>");
        int catalogAt = text.indexOf("\n" + root + " 0 obj\n") + 1;
        String catalog = text.substring(text.indexOf("<<", catalogAt), text.indexOf("\nendobj", catalogAt));
        StringBuilder refs = new StringBuilder("/DSS<</Certs[");
        for (int i = 0; i < streams.size(); i++) {
            refs.append(i == streams.size() - 1 ? "]/CRLs[" : i == 0 ? "" : " ")
                    .append(size + i)
                    .append(" 0 R");
        }
        refs.append("]>>");
        String newCatalog = catalog.substring(0, catalog.length() - 2) + refs + ">>";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < streams.size(); i++) {
            offsets.add(pdf.length + out.size());
            out.writeBytes(((size + i) + " 0 obj\n<</Length " + streams.get(i).length + ">>stream\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.writeBytes(streams.get(i));
            out.writeBytes("\nendstream\nendobj\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        int catalogOffset = pdf.length + out.size();
        out.writeBytes((root + " 0 obj\n" + newCatalog + "\nendobj\n").getBytes(StandardCharsets.ISO_8859_1));
        int xref = pdf.length + out.size();
        StringBuilder table = new StringBuilder("xref\n0 1\n0000000000 65535 f \n")
                .append(root)
                .append(" 1\n")
                .append(String.format("%010d 00000 n \n", catalogOffset))
                .append(size)
                .append(' ')
                .append(streams.size())
                .append('\n');
        offsets.forEach(o -> table.append(String.format("%010d 00000 n \n", o)));
        table.append("trailer\n<</Size ")
                .append(size + streams.size())
                .append("/Root ")
                .append(root)
                .append(" 0 R/Info ")
                .append(info)
                .append(" 0 R/ID[<")
                .append(id)
                .append("><")
                .append(id)
                .append(">]/Prev ")
                .append(lastStartXref(text))
                .append(">>\nstartxref\n")
                .append(xref)
                .append("\n%%EOF\n");
        out.writeBytes(table.toString().getBytes(StandardCharsets.ISO_8859_1));
        return new String(out.toByteArray(), StandardCharsets.ISO_8859_1);
    }

    static byte[] with(String update) {
        byte[] tail = update.getBytes(StandardCharsets.ISO_8859_1);
        byte[] pdf = java.util.Arrays.copyOf(signed, signed.length + tail.length);
        System.arraycopy(tail, 0, pdf, signed.length, tail.length);
        return pdf;
    }

    private static int firstNew() {
        return number(
                new String(signed, StandardCharsets.ISO_8859_1)
                        .substring(new String(signed, StandardCharsets.ISO_8859_1).lastIndexOf("trailer")),
                "/Size (\\d+)");
    }

    private static int streams() {
        return number(update, "/Size (\\d+)") - firstNew();
    }

    private static String replaceFirstEntry(String u, String entry) {
        String section = "\n" + firstNew() + " " + streams() + "\n";
        int at = u.indexOf(section) + section.length();
        return u.substring(0, at) + entry + u.substring(at + 19);
    }

    private static String replaceLast(String s, String what, String with) {
        int at = s.lastIndexOf(what);
        return s.substring(0, at) + with + s.substring(at + what.length());
    }

    static int lastStartXref(String text) {
        return Integer.parseInt(
                text.substring(text.lastIndexOf("startxref") + 9).strip().split("\\s+")[0]);
    }

    private static int number(String text, String regex) {
        return Integer.parseInt(find(text, regex));
    }

    private static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as(regex).isTrue();
        return m.group(1);
    }
}

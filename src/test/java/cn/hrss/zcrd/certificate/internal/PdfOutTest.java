package cn.hrss.zcrd.certificate.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.itextpdf.kernel.pdf.PdfDictionary;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.PdfStream;
import com.itextpdf.signatures.SignatureUtil;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The hand-written serializer's output — a signed certificate, its preview, a document with copied chunks and an
 * incremental update — passes {@code qpdf --check}, iText's conservative reader without any xref repair, and its
 * cross-reference entries point at "N 0 obj" of their own numbers.
 */
class PdfOutTest {

    static final String ID = "00112233445566778899aabbccddeeff";

    @Test
    void signedCertificateAndItsPreviewPassQpdfAndAStrictReader() throws Exception {
        InMemorySignatureToken token = OnePassCertificateDocumentsTest.softwareToken();
        OnePassCertificateDocuments documents = SampleCertificatePdfs.withoutSpring(token, Clock.systemUTC());
        byte[] png = Files.readAllBytes(Path.of("seal-templates/dev-sample-seal.png"));
        var seal = new cn.hrss.zcrd.seal.ElectronicSeal(9, 1, 1, 1, "seal", token.chain(), png, Instant.now());

        byte[] signed = documents
                .make(OnePassCertificateDocumentsTest.CONTENT, OnePassCertificateDocumentsTest.ADDRESS, seal)
                .pdf();
        byte[] preview = documents.preview(
                OnePassCertificateDocumentsTest.CONTENT, OnePassCertificateDocumentsTest.ADDRESS, png);

        for (byte[] pdf : List.of(signed, preview)) {
            PdfChecks.qpdfCheck(pdf);
            assertThat(PdfChecks.strictlyReadPages(pdf)).isEqualTo(1);
            assertThat(PdfChecks.xrefOffsetsPointAtTheirObjects(pdf)).isGreaterThan(15);
        }
        try (PdfDocument doc = new PdfDocument(new PdfReader(new ByteArrayInputStream(signed)))) {
            SignatureUtil signatures = new SignatureUtil(doc);
            assertThat(signatures.signatureCoversWholeDocument("seal")).isTrue();
            assertThat(signatures.readSignatureData("seal").verifySignatureIntegrityAndAuthenticity())
                    .isTrue();
        }
    }

    @Test
    void chunksCopiedElsewhereKeepTheirObjectsFindable() throws Exception {
        PdfOut source = new PdfOut(64, 10);
        source.ascii("some bytes before the chunk\n");
        int start = source.size();
        source.begin(6).ascii("<</Producer(chunk)>>").end();
        source.stream(7, "", "BT ET".repeat(50).getBytes(StandardCharsets.US_ASCII), true);
        PdfOut.Chunk chunk = source.toChunk(start, 6, 7);

        PdfOut out = new PdfOut(16, 7); // grows
        out.ascii("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
        out.begin(1).ascii("<</Type/Catalog/Pages 2 0 R>>").end();
        out.begin(2).ascii("<</Type/Pages/Kids[3 0 R]/Count 1>>").end();
        out.begin(3)
                .ascii("<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 7 0 R>>")
                .end();
        out.begin(4).ascii("(a string with \\) and \\\\)").end();
        out.begin(5)
                .ascii("[1 2.5 ")
                .ascii(PdfOut.num(3.14159f))
                .ascii(" ")
                .ascii(PdfOut.textString("职称"))
                .ascii("]")
                .end();
        out.chunk(chunk);
        out.finish(1, 6, ID);
        byte[] pdf = out.toByteArray();

        PdfChecks.qpdfCheck(pdf);
        assertThat(PdfChecks.strictlyReadPages(pdf)).isEqualTo(1);
        assertThat(PdfChecks.xrefOffsetsPointAtTheirObjects(pdf)).isEqualTo(7);
        try (PdfDocument doc = new PdfDocument(new PdfReader(new ByteArrayInputStream(pdf)))) {
            assertThat(doc.getDocumentInfo().getProducer()).isEqualTo("chunk");
            assertThat(new String(doc.getPage(1).getContentBytes(), StandardCharsets.US_ASCII).strip())
                    .isEqualTo("BT ET".repeat(50));
            var array = (com.itextpdf.kernel.pdf.PdfArray) doc.getPdfObject(5);
            assertThat(array.getAsNumber(2).floatValue()).isEqualTo(3.14f);
            assertThat(array.getAsString(3).toUnicodeString()).isEqualTo("职称");
        }
    }

    @Test
    void anIncrementalUpdateKeepsTheFirstRevisionAndPassesQpdfAndAStrictReader() throws Exception {
        PdfOut out = new PdfOut(1024, 5);
        out.ascii("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
        out.begin(1).ascii("<</Type/Catalog/Pages 2 0 R>>").end();
        out.begin(2).ascii("<</Type/Pages/Kids[3 0 R]/Count 1>>").end();
        out.begin(3)
                .ascii("<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R>>")
                .end();
        out.stream(4, "", "q Q".getBytes(StandardCharsets.US_ASCII), false);
        out.begin(5).ascii("<</Producer(zcrd test)>>").end();
        out.finish(1, 5, ID);
        byte[] first = out.toByteArray();
        byte[] certificate =
                OnePassCertificateDocumentsTest.softwareToken().chain().get(0).getEncoded();
        byte[] binary = new byte[300];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) i; // every byte value, "endstream" and line ends among the data would not matter
        }

        out.appendUpdate(
                1, "<</Type/Catalog/Pages 2 0 R/DSS<</Certs[6 0 R 7 0 R]>>>>", 6, List.of(certificate, binary), 5, ID);
        byte[] updated = out.toByteArray();

        assertThat(Arrays.copyOf(updated, first.length)).isEqualTo(first);
        PdfChecks.qpdfCheck(first);
        PdfChecks.qpdfCheck(updated);
        assertThat(PdfChecks.strictlyReadPages(updated)).isEqualTo(1);
        assertThat(PdfChecks.xrefOffsetsPointAtTheirObjects(updated)).isEqualTo(5 + 3);
        try (PdfDocument doc = new PdfDocument(new PdfReader(new ByteArrayInputStream(updated)))) {
            PdfDictionary dss = doc.getCatalog().getPdfObject().getAsDictionary(new PdfName("DSS"));
            PdfStream cert = dss.getAsArray(new PdfName("Certs")).getAsStream(0);
            assertThat(cert.getBytes()).isEqualTo(certificate);
            assertThat(dss.getAsArray(new PdfName("Certs")).getAsStream(1).getBytes())
                    .isEqualTo(binary);
            assertThat(doc.getTrailer().getAsNumber(PdfName.Size).intValue()).isEqualTo(8);
            assertThat(doc.getReader().getLastXref()).isEqualTo(lastStartXref(updated));
        }
    }

    @Test
    void anUpdateBeforeTheFirstRevisionIsFinishedIsRefused() {
        PdfOut out = new PdfOut(64, 1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> out.appendUpdate(1, "<<>>", 2, List.of(), 1, ID))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void numbersAndTextStrings() {
        assertThat(PdfOut.num(12f)).isEqualTo("12");
        assertThat(PdfOut.num(-0.5f)).isEqualTo("-0.5");
        assertThat(PdfOut.num(3.14159f)).isEqualTo("3.14");
        assertThat(PdfOut.textString("A职")).isEqualTo("<FEFF0041804c>");
    }

    private static long lastStartXref(byte[] pdf) {
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        return Long.parseLong(
                text.substring(text.lastIndexOf("startxref") + 9).strip().split("\\s+")[0]);
    }
}

package cn.hrss.zcrd.verification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.zcrd.certificate.internal.SampleCertificatePdfs;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.signatures.SignatureUtil;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509CRL;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The verifier's acceptance of PAdES-BASELINE-LTA as the platform makes it (archive time-stamps appended by the
 * certificate module's appender, software keys, no Spring): every version verifies and reports its archive
 * time-stamps; a byte changed in any revision, a foreign time-stamp authority or a foreign update appended after
 * them is not the platform's shape.
 */
class DocumentTimeStampsTest {

    static final URI ADDRESS = URI.create("http://localhost/verify/c/ZC2026000012000001?k=abc");
    static SoftwarePki platform;
    static SignedPdfVerifier verifier;
    static SampleCertificatePdfs samples;
    static byte[] lt;
    static byte[] lta1;
    static byte[] lta2;

    @BeforeAll
    static void setUp() throws Exception {
        platform = new SoftwarePki("Platform Root");
        SoftwarePki.Seal seal = platform.seal("山东省测试发证单位");
        X509CRL crl = platform.crl(null, null);
        samples = new SampleCertificatePdfs(
                seal.key(),
                seal.chain(),
                Clock.systemUTC(),
                platform.timeStampAuthority(Clock.systemUTC()),
                List.of(platform.sealCa, platform.root),
                List.of(crl.getEncoded()));
        lt = samples.signed(ADDRESS);
        lta1 = samples.archived(lt);
        lta2 = samples.archived(lta1);
        verifier = new SignedPdfVerifier(platform.root, platform.sealCa, () -> crl, SoftwarePki::sealProfile);
    }

    static SignedPdfVerifier.Findings verify(byte[] pdf) {
        return verifier.verify(pdf, Instant.now());
    }

    @Test
    void everyVersionVerifiesAndReportsItsArchiveTimeStamps() {
        var before = verify(lt);
        assertThat(before.coversWholeFile()).isTrue();
        assertThat(before.archiveTimeStamps()).isEmpty();
        assertThat(before.evidenceUntil()).isNull();

        var first = verify(lta1);
        assertThat(first.problem()).isNull();
        assertThat(first.intact()).isTrue();
        assertThat(first.validAtSigning()).isTrue();
        assertThat(first.coversWholeFile())
                .as("only the platform's archive updates follow the signature")
                .isTrue();
        assertThat(first.archiveTimeStamps()).hasSize(1);
        assertThat(first.archiveTimeStamps().get(0)).isAfterOrEqualTo(first.signedAt());
        assertThat(first.evidenceUntil()).isAfter(Instant.now());

        var second = verify(lta2);
        assertThat(second.coversWholeFile()).isTrue();
        assertThat(second.archiveTimeStamps()).hasSize(2);
        assertThat(second.archiveTimeStamps().get(0))
                .isEqualTo(first.archiveTimeStamps().get(0));
        assertThat(second.signedAt()).isEqualTo(first.signedAt());
    }

    @Test
    void iTextReadsTheSameThreeSignaturesAndTheirIntegrity() throws Exception {
        try (PdfDocument pdf = new PdfDocument(new PdfReader(new ByteArrayInputStream(lta2)))) {
            SignatureUtil signatures = new SignatureUtil(pdf);
            assertThat(signatures.getSignatureNames()).containsExactly("seal", "archive1", "archive2");
            for (String name : signatures.getSignatureNames()) {
                assertThat(signatures.readSignatureData(name).verifySignatureIntegrityAndAuthenticity())
                        .as(name)
                        .isTrue();
            }
        }
    }

    @Test
    void aByteChangedInAnyRevisionAfterTheSignatureIsCaught() {
        String text = new String(lta2, StandardCharsets.ISO_8859_1);
        int signedEnd = text.indexOf("%%EOF\n") + 6;
        int firstArchive = text.indexOf("/T(archive1)");
        int secondArchive = text.indexOf("/T(archive2)");
        int[] places = {
            signedEnd + 30, // the LT DSS update
            firstArchive + 8, // the first time-stamp revision (its field name)
            text.indexOf("%%EOF\n", firstArchive) + 40, // the DSS update after it
            secondArchive + 8, // the second time-stamp revision
            text.lastIndexOf("stream\n") + 30 // the last DSS update
        };
        for (int at : places) {
            byte[] tampered = lta2.clone();
            tampered[at] ^= 0x01;
            var f = verify(tampered);
            assertThat(f.problem() != null || !f.intact() || !f.coversWholeFile())
                    .as("byte %d of %d", at, lta2.length)
                    .isTrue();
        }
    }

    @Test
    void aForeignUpdateAfterTheArchiveTimeStampsIsAnAppendedChange() {
        String latin = new String(lta1, StandardCharsets.ISO_8859_1);
        int startxref =
                Integer.parseInt(latin.substring(latin.lastIndexOf("startxref\n") + 10, latin.lastIndexOf("\n%%EOF")));
        int at = lta1.length;
        String update = "3 0 obj\n<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>\nendobj\n"
                + "xref\n0 1\n0000000000 65535 f \n3 1\n" + String.format("%010d", at) + " 00000 n \n"
                + "trailer\n<</Size 99/Root 1 0 R/Prev " + startxref + ">>\nstartxref\n" + (at + 67) + "\n%%EOF\n";
        byte[] appended = (latin + update).getBytes(StandardCharsets.ISO_8859_1);
        var f = verify(appended);
        assertThat(f.intact()).isTrue();
        assertThat(f.coversWholeFile()).isFalse();
    }

    @Test
    void anArchiveTimeStampFromAForeignAuthorityIsNotThePlatforms() throws Exception {
        SoftwarePki other = new SoftwarePki("Other Root");
        SoftwarePki.Seal seal = platform.seal("山东省测试发证单位");
        X509CRL crl = platform.crl(null, null);
        // signed and LT by the platform, the archive time-stamp by a stranger's TSA
        byte[] signed = new SampleCertificatePdfs(
                        seal.key(),
                        seal.chain(),
                        Clock.systemUTC(),
                        platform.timeStampAuthority(Clock.systemUTC()),
                        List.of(platform.sealCa, platform.root),
                        List.of(crl.getEncoded()))
                .signed(ADDRESS);
        byte[] foreign = new SampleCertificatePdfs(
                        seal.key(),
                        seal.chain(),
                        Clock.systemUTC(),
                        other.timeStampAuthority(Clock.systemUTC()),
                        List.of(other.sealCa, other.root),
                        List.of(crl.getEncoded()))
                .archived(signed);
        assertThat(verify(signed).coversWholeFile()).isTrue();
        var f = verify(foreign);
        assertThat(f.intact()).isTrue();
        assertThat(f.coversWholeFile()).isFalse();
        assertThat(f.archiveTimeStamps()).isEmpty();
    }

    @Test
    void tooManyOrOverlappingTimeStampsAreSeveralSignatures() {
        byte[] many = HostilePdfs.manySignatures(lta1, 3);
        assertThat(verify(many).problem()).isEqualTo(SignatureScan.Problem.MULTIPLE_SIGNATURES);
    }
}

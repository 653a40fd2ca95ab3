package cn.hrss.zcrd.verification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.zcrd.certificate.internal.SampleCertificatePdfs;
import cn.hrss.zcrd.signing.CertificateProfile;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.signatures.SignatureUtil;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509CRL;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fast verifier on certificates made by the real PDF pipeline (key in memory), against what iText says of the
 * same files: genuine, changed by one byte, appended to, foreign, revoked or expired signer, and hostile files.
 */
class SignedPdfVerifierTest {

    static final URI ADDRESS = URI.create("http://localhost/verify/c/ZC2026000012000001?k=abc");
    static SoftwarePki platform;
    static SoftwarePki.Seal seal;
    static byte[] genuine;
    static final AtomicReference<X509CRL> CRL = new AtomicReference<>();
    static SignedPdfVerifier verifier;

    @BeforeAll
    static void setUp() throws Exception {
        platform = new SoftwarePki("Platform Root");
        seal = platform.seal("山东省测试发证单位");
        genuine = new SampleCertificatePdfs(
                        seal.key(), seal.chain(), Clock.systemUTC(), platform.timeStampAuthority(Clock.systemUTC()))
                .signed(ADDRESS);
        CRL.set(platform.crl(null, null));
        verifier = new SignedPdfVerifier(platform.root, platform.sealCa, CRL::get, SoftwarePki::sealProfile);
    }

    SignedPdfVerifier.Findings verify(byte[] pdf) {
        return verifier.verify(pdf, Instant.now());
    }

    @Test
    void genuineCertificateVerifies() throws Exception {
        var f = verify(genuine);
        assertThat(f.problem()).isNull();
        assertThat(f.intact()).isTrue();
        assertThat(f.coversWholeFile()).isTrue();
        assertThat(f.platformIssued()).isTrue();
        assertThat(f.validAtSigning()).isTrue();
        assertThat(f.signingTimeKnown()).isTrue();
        assertThat(f.signedAt())
                .isBetween(Instant.now().minusSeconds(300), Instant.now().plusSeconds(5));
        assertThat(f.signer().getSubjectX500Principal().getName()).contains("O=山东省测试发证单位");
        assertThat(f.sha256())
                .isEqualTo(java.util.HexFormat.of()
                        .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                                .digest(genuine)));
        assertThat(itextIntact(genuine)).isTrue();
    }

    @Test
    void oneChangedByteInTheSignedPartIsCaught() throws Exception {
        byte[] tampered = flip(genuine, latin(genuine).indexOf("(D:20") + 5);
        assertThat(verify(tampered).problem()).isNull();
        assertThat(verify(tampered).intact()).isFalse();
        assertThat(itextIntact(tampered)).isFalse();
        // a byte of the page's content stream (binary, deflated)
        byte[] inStream = flip(genuine, latin(genuine).indexOf("stream") + 40);
        assertThat(verify(inStream).intact()).isFalse();
    }

    @Test
    void oneChangedByteInTheSignatureContainerIsCaught() {
        String text = latin(genuine);
        int hole = text.indexOf("/Contents<") + 10;
        for (int offset : new int[] {0, 7, 300, 1500, 3000}) {
            byte[] copy = genuine.clone();
            copy[hole + offset] = (byte) (copy[hole + offset] == 'f' ? 'e' : copy[hole + offset] == '9' ? 'a' : 'f');
            var f = verify(copy);
            assertThat(f.problem() == SignatureScan.Problem.BROKEN_SIGNATURE || !f.intact())
                    .as("changed hex digit at +" + offset)
                    .isTrue();
        }
    }

    @Test
    void anythingAppendedAfterSigningIsCaught() throws Exception {
        byte[] appended =
                concat(genuine, "\n1 0 obj\n<</Type/Catalog>>\nendobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        var f = verify(appended);
        assertThat(f.intact()).isTrue();
        assertThat(f.coversWholeFile()).isFalse();
        try (PdfDocument doc = new PdfDocument(new PdfReader(new ByteArrayInputStream(appended)))) {
            assertThat(new SignatureUtil(doc).signatureCoversWholeDocument("seal"))
                    .isFalse();
        }
    }

    @Test
    void anUpdateThatRedefinesAnObjectOfTheSignedRevisionIsNotValidationData() {
        String text = latin(genuine);
        java.util.regex.Matcher size =
                java.util.regex.Pattern.compile("/Size (\\d+)").matcher(text);
        assertThat(size.find()).isTrue();
        int firstNew = Integer.parseInt(size.group(1));
        java.util.regex.Matcher content = java.util.regex.Pattern.compile("/Contents\\s*\\[?\\s*(\\d+) 0 R")
                .matcher(text);
        assertThat(content.find()).isTrue();
        String previous =
                text.substring(text.lastIndexOf("startxref") + 9).strip().split("\\s+")[0];
        for (String number : new String[] {content.group(1), Integer.toString(firstNew)}) {
            int at = genuine.length + 1;
            String update = "\n" + number + " 0 obj\n<</Length 9>>stream\nBT ET q Q\nendstream\nendobj\n";
            int xref = genuine.length + update.length();
            update += "xref\n0 1\n0000000000 65535 f \n" + number + " 1\n" + String.format("%010d", at)
                    + " 00000 n \ntrailer\n<</Size " + (firstNew + 1) + "/Root 1 0 R/Prev " + previous
                    + ">>\nstartxref\n" + xref + "\n%%EOF\n";
            byte[] appended = concat(genuine, update.getBytes(StandardCharsets.ISO_8859_1));
            boolean accepted = ValidationDataUpdate.onlyValidationData(appended, genuine.length);
            // a page content replaced: refused; a new unreferenced stream: harmless data
            assertThat(accepted).as("redefining object " + number).isEqualTo(!number.equals(content.group(1)));
        }
    }

    @Test
    void aForeignKeyIsNotThePlatforms() throws Exception {
        SoftwarePki other = new SoftwarePki("Platform Root"); // same names, other keys
        SoftwarePki.Seal foreign = other.seal("山东省测试发证单位");
        byte[] pdf = new SampleCertificatePdfs(foreign.key(), foreign.chain(), Clock.systemUTC()).signed(ADDRESS);
        var f = verify(pdf);
        assertThat(f.intact()).isTrue();
        assertThat(f.platformIssued()).isFalse();
        assertThat(itextIntact(pdf)).as("iText alone finds it intact").isTrue();
    }

    @Test
    void aPlatformKeyOfAnotherPurposeIsNeverASeal() throws Exception {
        for (CertificateProfile purpose : new CertificateProfile[] {
            CertificateProfile.TIME_STAMPING, CertificateProfile.TEST, CertificateProfile.AUDIT
        }) {
            SoftwarePki.Seal key = platform.key(
                    "平台" + purpose,
                    purpose,
                    Instant.now().minusSeconds(600),
                    Instant.now().plusSeconds(86_400));
            byte[] pdf = new SampleCertificatePdfs(
                            key.key(), key.chain(), Clock.systemUTC(), platform.timeStampAuthority(Clock.systemUTC()))
                    .signed(ADDRESS);
            var f = verify(pdf);
            assertThat(f.intact())
                    .as(purpose + ": the signature itself is fine")
                    .isTrue();
            assertThat(f.platformIssued())
                    .as(purpose + ": issued by the platform's CA")
                    .isTrue();
            assertThat(f.sealProfile()).as(purpose + ": but not a seal").isFalse();
        }
        assertThat(verify(genuine).sealProfile()).as("a seal is").isTrue();
    }

    @Test
    void aSignerRevokedBeforeSigningIsNotValidAndOneRevokedLaterStillIs() throws Exception {
        SoftwarePki.Seal revoked = platform.seal("注销印章单位");
        byte[] pdf = new SampleCertificatePdfs(
                        revoked.key(),
                        revoked.chain(),
                        Clock.systemUTC(),
                        platform.timeStampAuthority(Clock.systemUTC()))
                .signed(ADDRESS);
        X509CRL before = CRL.get();
        try {
            CRL.set(platform.crl(revoked.certificate(), Instant.now().minusSeconds(60)));
            var f = verify(pdf);
            assertThat(f.platformIssued()).isTrue();
            assertThat(f.validAtSigning()).isFalse();
            assertThat(f.revokedAtSigning()).isTrue();
            CRL.set(platform.crl(revoked.certificate(), Instant.now().plusSeconds(60)));
            assertThat(verify(pdf).validAtSigning()).isTrue();
        } finally {
            CRL.set(before);
        }
    }

    @Test
    void aSignatureTimeStampedAfterTheCertificateExpiredIsNotValid() throws Exception {
        Clock later = Clock.fixed(Instant.now().plusSeconds(86_400 * 60), ZoneOffset.UTC);
        byte[] pdf = new SampleCertificatePdfs(seal.key(), seal.chain(), later, platform.timeStampAuthority(later))
                .signed(ADDRESS);
        var f = verify(pdf);
        assertThat(f.intact()).isTrue();
        assertThat(f.signingTimeKnown()).isTrue();
        assertThat(f.signedAt()).isEqualTo(later.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        assertThat(f.validAtSigning()).isFalse();
        assertThat(f.revokedAtSigning()).isFalse();
    }

    @Test
    void withoutATimeStampTheSignersOwnSigningTimeDoesNotCountAndTheSealMustBeValidNow() throws Exception {
        // a seal key stolen and revoked a minute ago, used with /M backdated to an hour ago
        SoftwarePki.Seal stolen = platform.seal("被盗印章单位");
        Clock backdated = Clock.fixed(Instant.now().minusSeconds(3600), ZoneOffset.UTC);
        byte[] pdf = new SampleCertificatePdfs(stolen.key(), stolen.chain(), backdated).signed(ADDRESS);
        assertThat(latin(pdf))
                .contains("/M(D:"
                        + java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHH")
                                .withZone(ZoneOffset.UTC)
                                .format(backdated.instant()));
        X509CRL before = CRL.get();
        try {
            CRL.set(platform.crl(stolen.certificate(), Instant.now().minusSeconds(60)));
            var f = verify(pdf);
            assertThat(f.intact()).isTrue();
            assertThat(f.signingTimeKnown()).isFalse();
            assertThat(f.signedAt()).isNull();
            assertThat(f.validAtSigning()).isFalse();
            assertThat(f.revokedAtSigning()).isTrue();
        } finally {
            CRL.set(before);
        }
    }

    @Test
    void aTimeStampFromAnAuthorityThePlatformDidNotCertifyDoesNotCount() throws Exception {
        SoftwarePki.Seal revoked = platform.seal("他处时间戳单位"); // valid since ten minutes ago
        Clock backdated = Clock.fixed(Instant.now().minusSeconds(300), ZoneOffset.UTC);
        SoftwarePki other = new SoftwarePki("Platform Root"); // same names, other keys
        byte[] pdf = new SampleCertificatePdfs(
                        revoked.key(), revoked.chain(), backdated, other.timeStampAuthority(backdated))
                .signed(ADDRESS);
        X509CRL before = CRL.get();
        try {
            CRL.set(platform.crl(revoked.certificate(), Instant.now().minusSeconds(60)));
            var f = verify(pdf);
            assertThat(f.intact()).isTrue();
            assertThat(f.signingTimeKnown()).isFalse();
            assertThat(f.validAtSigning()).isFalse();
            assertThat(f.revokedAtSigning()).isTrue();
            // the same signature stamped by the platform's own authority five minutes ago: valid then
            byte[] stamped = new SampleCertificatePdfs(
                            revoked.key(), revoked.chain(), backdated, platform.timeStampAuthority(backdated))
                    .signed(ADDRESS);
            assertThat(verify(stamped).signingTimeKnown()).isTrue();
            assertThat(verify(stamped).validAtSigning()).isTrue();
        } finally {
            CRL.set(before);
        }
    }

    @Test
    void notAPdfTruncatedAndUnsigned() throws Exception {
        assertThat(verify("MZ\u0090\u0000 this is an executable".repeat(10).getBytes(StandardCharsets.ISO_8859_1))
                        .problem())
                .isEqualTo(SignatureScan.Problem.NOT_PDF);
        assertThat(verify(new byte[0]).problem()).isEqualTo(SignatureScan.Problem.NOT_PDF);
        assertThat(verify(Arrays.copyOf(genuine, genuine.length / 2)).problem())
                .isEqualTo(SignatureScan.Problem.TRUNCATED);
        byte[] unsigned = new SampleCertificatePdfs(seal.key(), seal.chain(), Clock.systemUTC()).unsigned(ADDRESS);
        assertThat(verify(unsigned).problem()).isEqualTo(SignatureScan.Problem.UNSIGNED);
    }

    @Test
    void thousandsOfSignaturesAreRefusedAtOnce() {
        byte[] hostile = HostilePdfs.manySignatures(genuine, 5000);
        long start = System.nanoTime();
        assertThat(verify(hostile).problem()).isEqualTo(SignatureScan.Problem.MULTIPLE_SIGNATURES);
        assertThat((System.nanoTime() - start) / 1e6).isLessThan(2000);
    }

    @Test
    void deeplyNestedObjectsAndContainersAreHandledInBoundedTime() {
        long start = System.nanoTime();
        assertThat(verify(HostilePdfs.deeplyNestedArrays(1_000_000)).problem())
                .isEqualTo(SignatureScan.Problem.UNSIGNED);
        assertThat(verify(HostilePdfs.signatureWithNestedContainer(10_000)).problem())
                .isEqualTo(SignatureScan.Problem.BROKEN_SIGNATURE);
        assertThat(verify(HostilePdfs.bigPdf(50 * 1024 * 1024)).problem()).isEqualTo(SignatureScan.Problem.UNSIGNED);
        assertThat((System.nanoTime() - start) / 1e6).isLessThan(5000);
    }

    @Test
    void byteRangesThatLieAreRefused() {
        String text = latin(genuine);
        int at = text.indexOf("/ByteRange[") + 11;
        // first range not from 0
        byte[] notFromZero = genuine.clone();
        notFromZero[at] = '1';
        assertThat(verify(notFromZero).problem()).isIn(SignatureScan.Problem.BROKEN_SIGNATURE);
        // a hole that is not the /Contents string
        byte[] shifted = genuine.clone();
        int second = at + 2;
        shifted[second + 9] = (byte) (shifted[second + 9] == '9' ? '8' : shifted[second + 9] + 1);
        var f = verify(shifted);
        assertThat(f.problem() == SignatureScan.Problem.BROKEN_SIGNATURE || !f.intact() || !f.coversWholeFile())
                .isTrue();
    }

    static boolean itextIntact(byte[] pdf) throws Exception {
        try (PdfDocument doc = new PdfDocument(new PdfReader(new ByteArrayInputStream(pdf)))) {
            SignatureUtil signatures = new SignatureUtil(doc);
            return signatures
                    .readSignatureData(signatures.getSignatureNames().get(0))
                    .verifySignatureIntegrityAndAuthenticity();
        }
    }

    static String latin(byte[] pdf) {
        return new String(pdf, StandardCharsets.ISO_8859_1);
    }

    static byte[] flip(byte[] pdf, int at) {
        byte[] copy = pdf.clone();
        copy[at] = (byte) (copy[at] == '9' ? '8' : copy[at] + 1);
        return copy;
    }

    static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}

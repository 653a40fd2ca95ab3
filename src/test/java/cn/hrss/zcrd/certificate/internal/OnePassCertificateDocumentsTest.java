package cn.hrss.zcrd.certificate.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.hrss.zcrd.certificate.CertificateContent;
import cn.hrss.zcrd.seal.ElectronicSeal;
import cn.hrss.zcrd.signing.SignatureToken;
import cn.hrss.zcrd.support.EmbeddedGlyphs;
import cn.hrss.zcrd.support.TestFonts;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.canvas.parser.PdfTextExtractor;
import com.itextpdf.signatures.PdfPKCS7;
import com.itextpdf.signatures.SignatureUtil;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.spec.AlgorithmParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The one-pass pipeline without Spring and without the token: a software key stands in (the real token is
 * {@code CertificatePdfIT}'s). The PDF is read back by iText and poppler as a user's tools would.
 */
class OnePassCertificateDocumentsTest {

    static final URI ADDRESS = URI.create("https://zcrd.example.gov.cn/verify?c=ZC-2026-000123&k=5d0c");
    static final CertificateContent CONTENT =
            SampleCertificatePdfs.engineer("欧阳明华", "370102********1234", "山东省人力资源和社会保障厅", "ZC-2026-000123");

    static InMemorySignatureToken token;
    static OnePassCertificateDocuments documents;
    static ElectronicSeal seal;

    @BeforeAll
    static void setUp() throws Exception {
        token = softwareToken();
        documents = SampleCertificatePdfs.withoutSpring(token, Clock.systemUTC());
        seal = new ElectronicSeal(
                7,
                1,
                1,
                1,
                "seal",
                token.chain(),
                Files.readAllBytes(Path.of("seal-templates/dev-sample-seal.png")),
                Instant.now());
    }

    @Test
    void oneSignedPageWithTheValuesAndAQrCodeToTheAddress() throws Exception {
        SignedCertificatePdf made = documents.make(CONTENT, ADDRESS, seal);

        assertThat(made.sha256())
                .isEqualTo(HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(made.pdf())));
        PdfReader reader = new PdfReader(new ByteArrayInputStream(made.pdf()))
                .setStrictnessLevel(PdfReader.StrictnessLevel.CONSERVATIVE);
        try (PdfDocument pdf = new PdfDocument(reader)) {
            assertThat(reader.hasRebuiltXref())
                    .as("cross-reference table intact")
                    .isFalse();
            assertThat(reader.hasFixedXref()).isFalse();
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            String text = PdfTextExtractor.getTextFromPage(pdf.getFirstPage());
            assertThat(text)
                    .contains(
                            "专业技术资格证书",
                            "欧阳明华",
                            "370102********1234",
                            "ZC-2026-000123",
                            "2026年11月20日",
                            "山东省人力资源和社会保障厅",
                            "电子信息工程");
            SignatureUtil signatures = new SignatureUtil(pdf);
            assertThat(signatures.getSignatureNames()).containsExactly("seal");
            assertThat(signatures.signatureCoversWholeDocument("seal")).isTrue();
            PdfPKCS7 pkcs7 = signatures.readSignatureData("seal");
            assertThat(pkcs7.verifySignatureIntegrityAndAuthenticity()).isTrue();
        }
        assertThat(CertificatePdfs.pdftotext(made.pdf())).contains("欧阳明华", "ZC-2026-000123", "2026年11月20日");
        assertThat(CertificatePdfs.scanQrCode(CertificatePdfs.render(made.pdf(), 150)))
                .isEqualTo(ADDRESS.toString());
        System.out.printf("certificate PDF: %,d bytes%n", made.pdf().length);
        Files.write(Path.of("target/one-pass-certificate.pdf"), made.pdf());
    }

    @Test
    void aNameWithACharacterTheFontLacksIsNeverSigned() {
        // 𰁁 U+30041 (CJK Extension G): no glyph in the main font nor in a fallback; it would print as an empty box
        SignatureToken neverSigns = new SignatureToken() {
            @Override
            public byte[] sign(String alias, String algorithm, byte[] data) {
                throw new AssertionError("a certificate with an unprintable character was handed to the token");
            }

            @Override
            public List<X509Certificate> certificateChain(String alias) {
                return token.chain();
            }

            @Override
            public boolean containsKey(String alias) {
                return true;
            }

            @Override
            public List<X509Certificate> generateKey(
                    String alias, AlgorithmParameterSpec spec, SignatureToken.KeyCertifier certifier) {
                throw new UnsupportedOperationException();
            }
        };
        OnePassCertificateDocuments refusing = SampleCertificatePdfs.withoutSpring(neverSigns, Clock.systemUTC());
        CertificateContent rare = withHolder("张" + TestFonts.NO_FONT);

        assertThatThrownBy(() -> refusing.make(rare, ADDRESS, seal))
                .isInstanceOf(UnprintableText.class)
                .satisfies(e -> assertThat(((UnprintableText) e).codePoint()).isEqualTo(0x30041));
    }

    @Test
    void aNameOfRareCharactersIsPrintedFromTheFallbackFontsThatHaveThem() throws Exception {
        CertificateContent rare = withHolder(TestFonts.RARE_NAME);

        SignedCertificatePdf made = documents.make(rare, ADDRESS, seal);

        // every character of the name drawn by an embedded font with an outline: 王 and the compatibility ideograph
        // by the main font, Ext B by HanaMin A, Ext E by HanaMin B, Ext G by BabelStone Han — each its own subset
        List<String> fonts = EmbeddedGlyphs.assertOutlined(made.pdf(), TestFonts.RARE_NAME);
        assertThat(fonts.get(0)).endsWith("+WenQuanYiZenHei");
        assertThat(fonts.get(1)).endsWith("+HanaMinA").isEqualTo(fonts.get(2));
        assertThat(fonts.get(3)).endsWith("+HanaMinB");
        assertThat(fonts.get(4)).endsWith("+BabelStoneHan");
        assertThat(fonts.get(5)).isEqualTo(fonts.get(0));
        // the compatibility ideograph stays as typed: U+2F800, not its canonical equivalent 丽 U+4E3D
        assertThat(CertificatePdfs.pdftotext(made.pdf())).contains(TestFonts.RARE_NAME, "ZC-2026-000123");
        SignatureUtil signatures =
                new SignatureUtil(new PdfDocument(new PdfReader(new ByteArrayInputStream(made.pdf()))));
        assertThat(signatures.signatureCoversWholeDocument("seal")).isTrue();
        assertThat(signatures.readSignatureData("seal").verifySignatureIntegrityAndAuthenticity())
                .isTrue();
        Files.write(Path.of("target/one-pass-certificate-rare-name.pdf"), made.pdf());
    }

    @Test
    void aCertificateWithoutRareCharactersEmbedsNoFallbackFont() throws Exception {
        byte[] pdf = documents.make(CONTENT, ADDRESS, seal).pdf();
        try (PdfDocument doc = new PdfDocument(new PdfReader(new ByteArrayInputStream(pdf)))) {
            assertThat(doc.getFirstPage().getResources().getResourceNames(com.itextpdf.kernel.pdf.PdfName.Font))
                    .extracting(com.itextpdf.kernel.pdf.PdfName::getValue)
                    .containsExactlyInAnyOrder("F0", "F1");
        }
        // the preview of a rare name has them too
        byte[] preview = documents.preview(
                withHolder(TestFonts.RARE_NAME),
                ADDRESS,
                Files.readAllBytes(Path.of("seal-templates/dev-sample-seal.png")));
        EmbeddedGlyphs.assertOutlined(preview, TestFonts.RARE_NAME);
        PdfChecks.qpdfCheck(preview);
    }

    private static CertificateContent withHolder(String name) {
        return SampleCertificatePdfs.engineer(
                name, CONTENT.maskedIdNumber(), CONTENT.issuingUnit(), CONTENT.certificateNumber());
    }

    @Test
    void previewIsUnsignedWithTheSealOnThePage() throws Exception {
        byte[] preview =
                documents.preview(CONTENT, ADDRESS, Files.readAllBytes(Path.of("seal-templates/dev-sample-seal.png")));
        Files.write(Path.of("target/one-pass-preview.pdf"), preview);
        try (PdfDocument pdf = new PdfDocument(new PdfReader(new ByteArrayInputStream(preview)))) {
            assertThat(new SignatureUtil(pdf).getSignatureNames()).isEmpty();
            assertThat(PdfTextExtractor.getTextFromPage(pdf.getFirstPage())).contains("印模预览");
        }
    }

    /** A key in memory and a three-certificate chain, standing in for the token in this unit test. */
    static InMemorySignatureToken softwareToken() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair root = generator.generateKeyPair();
        KeyPair ca = generator.generateKeyPair();
        KeyPair leaf = generator.generateKeyPair();
        X509Certificate rootCert = issue("CN=Test Root", root.getPublic(), "CN=Test Root", root.getPrivate(), true);
        X509Certificate caCert = issue("CN=Test Seal CA", ca.getPublic(), "CN=Test Root", root.getPrivate(), true);
        X509Certificate leafCert = issue("CN=测试发证单位", leaf.getPublic(), "CN=Test Seal CA", ca.getPrivate(), false);
        return new InMemorySignatureToken(leaf.getPrivate(), List.of(leafCert, caCert, rootCert));
    }

    private static X509Certificate issue(String subject, PublicKey publicKey, String issuer, PrivateKey by, boolean ca)
            throws Exception {
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                new X500Name(issuer),
                BigInteger.valueOf(System.nanoTime()),
                Date.from(now.minusSeconds(60)),
                Date.from(now.plusSeconds(86_400)),
                new X500Name(subject),
                publicKey);
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        return new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(by)));
    }
}

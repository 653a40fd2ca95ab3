package cn.hrss.zcrd.certificate.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.zcrd.certificate.CertificateContent;
import cn.hrss.zcrd.seal.ElectronicSeal;
import cn.hrss.zcrd.signing.CertificateAuthority;
import cn.hrss.zcrd.signing.SignatureToken;
import cn.hrss.zcrd.support.DssValidator;
import cn.hrss.zcrd.support.IntegrationTest;
import cn.hrss.zcrd.support.Pdfsig;
import com.itextpdf.forms.PdfAcroForm;
import com.itextpdf.kernel.geom.Rectangle;
import com.itextpdf.kernel.pdf.PdfDictionary;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.PdfStream;
import com.itextpdf.kernel.pdf.canvas.parser.PdfTextExtractor;
import com.itextpdf.signatures.PdfPKCS7;
import com.itextpdf.signatures.SignatureUtil;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The signed certificate PDF through the real token (SunPKCS11 + SoftHSM2) with an electronic seal made as the seal
 * module makes one: a key generated in the token, certified by the seal CA. Checked as its users would: iText and
 * poppler's pdfsig validate the signature, pdftotext reads the text, a rendered page's QR code is scanned.
 */
@IntegrationTest
class CertificatePdfIT {

    static final String SEAL_KEY = "it-certificate-pdf-seal";
    static final String UNIT = "济南市职称认定测试发证单位";
    static final URI ADDRESS = URI.create("https://zcrd.example.gov.cn/verify?c=ZC-2026-000042&k=9c1e77ab");
    static final CertificateContent CONTENT =
            SampleCertificatePdfs.engineer("欧阳明华", "370102********3417", UNIT, "ZC-2026-000042");

    static ElectronicSeal seal;
    static SignedCertificatePdf made;

    @Autowired
    CertificateDocuments documents;

    @Autowired
    CertificateLayouts layouts;

    @Autowired
    CertificateAuthority authority;

    @BeforeAll
    static void make(
            @Autowired CertificateDocuments documents,
            @Autowired SignatureToken token,
            @Autowired CertificateAuthority authority)
            throws Exception {
        seal = sealFor(token, authority, SEAL_KEY, UNIT);
        made = documents.make(CONTENT, ADDRESS, seal);
    }

    /** An electronic seal as the seal module makes it: key in the token, seal CA certificate, sample impression. */
    static ElectronicSeal sealFor(SignatureToken token, CertificateAuthority authority, String alias, String unit)
            throws Exception {
        List<java.security.cert.X509Certificate> chain = token.containsKey(alias)
                ? token.certificateChain(alias)
                : token.generateKey(alias, 2048, pk -> authority.issueSealCertificate(pk, unit, "91370100MA3C5LLW5K"));
        return new ElectronicSeal(
                alias.hashCode(),
                1,
                1,
                1,
                alias,
                chain,
                Files.readAllBytes(Path.of("seal-templates/dev-sample-seal.png")),
                Instant.now());
    }

    @Test
    void itextVerifiesOneTimeStampedPadesSignatureBySealKeyAndTheDssAppendedAfterIt() throws Exception {
        try (PdfDocument pdf = read(made.pdf())) {
            SignatureUtil signatures = new SignatureUtil(pdf);
            assertThat(signatures.getSignatureNames()).containsExactly("seal");
            assertThat(signatures.getSignature("seal").getSubFilter()).isEqualTo(PdfName.ETSI_CAdES_DETACHED);
            // the signature covers the first revision; the one after it only adds the DSS
            assertThat(signatures.getRevision("seal")).isEqualTo(1);
            assertThat(signatures.getTotalRevisions()).isEqualTo(2);
            PdfDictionary dss = pdf.getCatalog().getPdfObject().getAsDictionary(PdfName.DSS);
            assertThat(dss.getAsArray(PdfName.Certs).size()).isGreaterThanOrEqualTo(4);
            assertThat(dss.getAsArray(PdfName.CRLs).size()).isEqualTo(2);
            PdfPKCS7 pkcs7 = signatures.readSignatureData("seal");
            assertThat(pkcs7.verifySignatureIntegrityAndAuthenticity()).isTrue();
            assertThat(pkcs7.getDigestAlgorithmName()).isEqualTo("SHA256");
            assertThat(pkcs7.getSigningCertificate()).isEqualTo(seal.certificate());
            assertThat(pkcs7.getCertificates()).hasSize(3);
            assertThat(pkcs7.getTimeStampTokenInfo()).as("signature time-stamp").isNotNull();
            assertThat(pkcs7.verifyTimestampImprint()).isTrue();
        }
    }

    @Test
    void pdfsigSaysValidAndTrusted() throws Exception {
        assertThat(Pdfsig.validate(made.pdf()))
                .contains("Signature is Valid")
                .contains("Certificate is Trusted")
                .contains("ETSI.CAdES.detached");
    }

    @Test
    void theEuDssValidatorPassesItAtPadesBaselineLtOffline() {
        List<DssValidator.Verdict> verdicts = DssValidator.validate(made.pdf(), authority.rootCertificate());
        assertThat(verdicts).singleElement().satisfies(verdict -> {
            assertThat(verdict.indication()).as("%s", verdict).isEqualTo(Indication.TOTAL_PASSED);
            assertThat(verdict.level()).isEqualTo(SignatureLevel.PAdES_BASELINE_LT);
        });
    }

    @Test
    void everyCertificateBelowTheRootNamesItsIssuerAndCrlAndDssNoLongerMissesTheAia() {
        var reports = DssValidator.reports(made.pdf(), authority.rootCertificate());
        var certificates = reports.getDiagnosticData().getUsedCertificates().stream()
                .filter(c -> !c.isSelfSigned())
                .toList();
        assertThat(certificates).as("seal, seal CA, TSA").hasSizeGreaterThanOrEqualTo(3);
        for (var certificate : certificates) {
            assertThat(certificate.getCAIssuersAccessUrls())
                    .as("AIA caIssuers of %s", certificate.getCertificateDN())
                    .singleElement()
                    .satisfies(url -> assertThat(url).endsWith(".cer").startsWith("http"));
            assertThat(certificate.getCRLDistributionPoints())
                    .as("CRL DP of %s", certificate.getCertificateDN())
                    .singleElement()
                    .satisfies(url -> assertThat(url).endsWith(".crl"));
        }
        assertThat(reports.getXmlDetailedReport() + reports.getXmlSimpleReport())
                .as("DSS checked it")
                .contains("BBB_XCV_AIA_PRES")
                .doesNotContain("BBB_XCV_AIA_PRES_ANS")
                .doesNotContain("The authority info access is not present!");
    }

    @Test
    void oneFlippedByteInsideTheSignedRangeIsDetectedByBoth() throws Exception {
        byte[] tampered = made.pdf().clone();
        String latin = new String(tampered, StandardCharsets.ISO_8859_1);
        int at = latin.indexOf("/CreationDate(D:20") + 18;
        tampered[at] = (byte) (tampered[at] == '9' ? '8' : tampered[at] + 1);

        try (PdfDocument pdf = read(tampered)) {
            PdfPKCS7 pkcs7 = new SignatureUtil(pdf).readSignatureData("seal");
            assertThat(pkcs7.verifySignatureIntegrityAndAuthenticity()).isFalse();
        }
        assertThat(Pdfsig.validate(tampered))
                .doesNotContain("Signature is Valid")
                .contains("Digest Mismatch");
    }

    @Test
    void theTextStatesHolderMaskedIdNumberPublishDateAndUnit() throws Exception {
        String text = CertificatePdfs.pdftotext(made.pdf());

        assertThat(text)
                .contains(
                        "专业技术资格证书",
                        "欧阳明华",
                        "370102********3417",
                        "ZC-2026-000042",
                        "2026年11月20日",
                        UNIT,
                        "工程师",
                        "电子信息工程",
                        "中级",
                        "公布时间");
    }

    @Test
    void theTextIsInEmbeddedFontSubsets() throws Exception {
        try (PdfDocument pdf = read(made.pdf())) {
            PdfDictionary fonts = pdf.getFirstPage().getResources().getResource(PdfName.Font);
            PdfDictionary font = fonts.getAsDictionary(fonts.keySet().iterator().next());
            assertThat(font.getAsName(PdfName.BaseFont).getValue()).matches("[A-Z]{6}\\+.*");
            PdfDictionary descriptor =
                    font.getAsArray(PdfName.DescendantFonts).getAsDictionary(0).getAsDictionary(PdfName.FontDescriptor);
            assertThat(descriptor.getAsStream(PdfName.FontFile2).getLength()).isPositive();
        }
    }

    @Test
    void theQrCodeScansToTheVerificationAddress() throws Exception {
        assertThat(CertificatePdfs.scanQrCode(CertificatePdfs.render(made.pdf(), 150)))
                .isEqualTo(ADDRESS.toString());
    }

    @Test
    void theSealIsTheSignaturesVisibleAppearanceAtTheLayoutsPlace() throws Exception {
        CertificateLayout layout = layouts.current();
        try (PdfDocument pdf = read(made.pdf())) {
            var widget = PdfAcroForm.getAcroForm(pdf, false)
                    .getField("seal")
                    .getWidgets()
                    .get(0);
            Rectangle rect = widget.getRectangle().toRectangle();
            assertThat(rect.getX()).isEqualTo(layout.sealX());
            assertThat(rect.getY()).isEqualTo(layout.sealY());
            assertThat(rect.getWidth()).isEqualTo(layout.sealSize());
            assertThat(rect.getHeight()).isEqualTo(layout.sealSize());
            assertThat(widget.getPage()).isEqualTo(pdf.getFirstPage());
            PdfStream appearance = widget.getNormalAppearanceObject().isStream()
                    ? (PdfStream) widget.getNormalAppearanceObject()
                    : null;
            assertThat(appearance).isNotNull();
            PdfStream image = appearance
                    .getAsDictionary(PdfName.Resources)
                    .getAsDictionary(PdfName.XObject)
                    .getAsStream(new PdfName("Im"));
            assertThat(image.getAsName(PdfName.Subtype)).isEqualTo(PdfName.Image);
            assertThat(image.getAsNumber(PdfName.Width).intValue()).isEqualTo(420);
            assertThat(image.getAsStream(PdfName.SMask)).isNotNull();
        }
    }

    @Test
    void theSha256IsOfExactlyTheseBytes() throws Exception {
        assertThat(made.sha256())
                .isEqualTo(HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(made.pdf())));
    }

    @Test
    void eightThreadsAtOnceMakeCertificatesThatAllVerify() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<List<SignedCertificatePdf>>> futures = new ArrayList<>();
        try {
            for (int t = 0; t < 8; t++) {
                int thread = t;
                futures.add(pool.submit((Callable<List<SignedCertificatePdf>>) () -> {
                    List<SignedCertificatePdf> mine = new ArrayList<>();
                    for (int i = 0; i < 25; i++) {
                        mine.add(documents.make(content(thread * 100 + i), ADDRESS, seal));
                    }
                    return mine;
                }));
            }
            int checked = 0;
            for (int t = 0; t < 8; t++) {
                List<SignedCertificatePdf> mine = futures.get(t).get();
                for (int i = 0; i < mine.size(); i++) {
                    SignedCertificatePdf pdf = mine.get(i);
                    assertThat(pdf.sha256())
                            .isEqualTo(HexFormat.of()
                                    .formatHex(
                                            MessageDigest.getInstance("SHA-256").digest(pdf.pdf())));
                    try (PdfDocument doc = read(pdf.pdf())) {
                        SignatureUtil signatures = new SignatureUtil(doc);
                        assertThat(signatures.readSignatureData("seal").verifySignatureIntegrityAndAuthenticity())
                                .isTrue();
                        assertThat(signatures.getRevision("seal")).isEqualTo(1);
                        assertThat(signatures.getTotalRevisions()).isEqualTo(2);
                        assertThat(PdfTextExtractor.getTextFromPage(doc.getFirstPage()))
                                .contains(content(t * 100 + i).certificateNumber())
                                .contains(content(t * 100 + i).holderName());
                    }
                    if (i == t) { // one per thread through poppler as well
                        assertThat(Pdfsig.validate(pdf.pdf())).contains("Signature is Valid");
                    }
                    checked++;
                }
            }
            assertThat(checked).isEqualTo(200);
        } finally {
            pool.shutdown();
        }
    }

    private static CertificateContent content(int n) {
        return new CertificateContent(
                "测试" + "甲乙丙丁戊己庚辛".charAt(n % 8) + "号" + n,
                "370102********" + (1000 + n),
                "助理工程师",
                "工程",
                "机械设计",
                "助理级",
                LocalDate.of(2026, 1 + n % 12, 1 + n % 28),
                UNIT,
                String.format("ZC-2026-%06d", n),
                null);
    }

    private static PdfDocument read(byte[] pdf) throws Exception {
        return new PdfDocument(new PdfReader(new ByteArrayInputStream(pdf)));
    }
}

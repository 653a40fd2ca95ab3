package cn.hrss.zcrd.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.hrss.zcrd.account.BackOfficeAccessDeniedException;
import cn.hrss.zcrd.account.BackOfficeRole;
import cn.hrss.zcrd.account.BackOfficeUser;
import cn.hrss.zcrd.signing.SignatureToken;
import cn.hrss.zcrd.support.BackOfficeStaff;
import cn.hrss.zcrd.support.IntegrationTest;
import cn.hrss.zcrd.support.Pdfsig;
import cn.hrss.zcrd.support.Pkcs11Tool;
import com.itextpdf.kernel.pdf.PdfDictionary;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.canvas.parser.PdfTextExtractor;
import com.itextpdf.signatures.PdfPKCS7;
import com.itextpdf.signatures.SignatureUtil;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The thin path through PDF and token: a Chinese one-page certificate signed through SunPKCS11 + SoftHSM2 with a
 * key generated inside the token, then checked by iText and by poppler's pdfsig. The specimen is development-only
 * (zcrd.dev.specimen-enabled, on in the tests), signed for system admins only, with a test-profile key that the
 * platform's verifier never takes for a seal.
 */
@IntegrationTest
class SpecimenSigningIT {

    static byte[] signed;

    @BeforeAll
    static void issue(@Autowired SpecimenCertificateService specimens, @Autowired BackOfficeStaff staff) {
        BackOfficeUser admin = staff.passwordUser(
                "specimen-admin-" + System.nanoTime() % 100_000, "样本管理员", BackOfficeRole.SYSTEM_ADMIN, "Specimen123!");
        signed = CertificatePageFixtures.as(admin, () -> specimens.issueSpecimen("王小明"));
    }

    @Test
    void onlyASystemAdminMaySignASpecimen(
            @Autowired SpecimenCertificateService specimens, @Autowired BackOfficeStaff staff) {
        BackOfficeUser reviewer = staff.passwordUser(
                "specimen-reviewer-" + System.nanoTime() % 100_000,
                "审核员",
                BackOfficeRole.BUREAU_REVIEWER,
                "Specimen123!");

        assertThatThrownBy(() -> CertificatePageFixtures.as(reviewer, () -> specimens.issueSpecimen("李四")))
                .isInstanceOf(BackOfficeAccessDeniedException.class);
        assertThatThrownBy(() -> specimens.issueSpecimen("无人")).isInstanceOf(BackOfficeAccessDeniedException.class);
    }

    @Test
    void theCertificateShowsItsChineseTextInAnEmbeddedFontSubset() throws IOException {
        try (PdfDocument pdf = new PdfDocument(new PdfReader(new ByteArrayInputStream(signed)))) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            assertThat(pdf.getFirstPage().getPageSize().getWidth()).isBetween(594f, 596f);
            String text = PdfTextExtractor.getTextFromPage(pdf.getFirstPage());
            assertThat(text).contains("专业技术资格证书").contains("王小明").contains("工程师");

            PdfDictionary fonts = pdf.getFirstPage().getResources().getResource(PdfName.Font);
            PdfDictionary font = fonts.getAsDictionary(fonts.keySet().iterator().next());
            assertThat(font.getAsName(PdfName.BaseFont).getValue()).matches("[A-Z]{6}\\+.*");
            PdfDictionary descriptor =
                    font.getAsArray(PdfName.DescendantFonts).getAsDictionary(0).getAsDictionary(PdfName.FontDescriptor);
            assertThat(descriptor.get(PdfName.FontFile2)).isNotNull();
        }
    }

    @Test
    void itextFindsOneIntactPadesSignatureBySealKeyCoveringTheSignedRevision() throws Exception {
        try (PdfDocument pdf = new PdfDocument(new PdfReader(new ByteArrayInputStream(signed)))) {
            SignatureUtil signatures = new SignatureUtil(pdf);
            List<String> names = signatures.getSignatureNames();
            assertThat(names).hasSize(1);
            assertThat(signatures.getSignature(names.get(0)).getSubFilter()).isEqualTo(PdfName.ETSI_CAdES_DETACHED);
            // signed revision, then the DSS (PAdES-BASELINE-LT) appended after it
            assertThat(signatures.getRevision(names.get(0))).isEqualTo(1);
            assertThat(signatures.getTotalRevisions()).isEqualTo(2);
            PdfPKCS7 pkcs7 = signatures.readSignatureData(names.get(0));
            assertThat(pkcs7.verifySignatureIntegrityAndAuthenticity()).isTrue();
            assertThat(pkcs7.getDigestAlgorithmName()).isEqualTo("SHA256");
            assertThat(pkcs7.getSigningCertificate().getSubjectX500Principal().getName())
                    .contains("职称认定平台开发样章");
        }
    }

    @Test
    void pdfsigAcceptsTheSignatureAndTheChainToThePlatformRoot() throws Exception {
        String report = Pdfsig.validate(signed);

        assertThat(report).contains("Signature is Valid").contains("Certificate is Trusted");
    }

    @Test
    void oneFlippedByteOfSignedContentIsDetectedByBothValidators() throws Exception {
        byte[] tampered = flipADigitOfTheCreationDate(signed);

        try (PdfDocument pdf = new PdfDocument(new PdfReader(new ByteArrayInputStream(tampered)))) {
            SignatureUtil signatures = new SignatureUtil(pdf);
            PdfPKCS7 pkcs7 =
                    signatures.readSignatureData(signatures.getSignatureNames().get(0));
            assertThat(pkcs7.verifySignatureIntegrityAndAuthenticity()).isFalse();
        }
        assertThat(Pdfsig.validate(tampered))
                .doesNotContain("Signature is Valid")
                .contains("Digest Mismatch");
    }

    @Test
    void theSealKeyLivesInTheTokenAndCannotBeExtracted(@Autowired SignatureToken token) throws Exception {
        assertThat(token.containsKey(SpecimenCertificateService.SPECIMEN_KEY)).isTrue();
        // SunPKCS11 names a stored key by its CKA_ID: the alias's bytes
        String id = "ID:         "
                + HexFormat.of().formatHex(SpecimenCertificateService.SPECIMEN_KEY.getBytes(StandardCharsets.UTF_8));
        String objects = Pkcs11Tool.listPrivateKeys();
        assertThat(objects).contains(id);
        String entry = objects.substring(objects.indexOf(id));
        assertThat(entry.lines().filter(l -> l.contains("Access:")).findFirst().orElseThrow())
                .contains("sensitive")
                .contains("never extractable");
    }

    /** Changes one digit of the Info dictionary's creation date: inside the signed byte range, still parseable. */
    private static byte[] flipADigitOfTheCreationDate(byte[] pdf) {
        String latin = new String(pdf, StandardCharsets.ISO_8859_1);
        int at = latin.indexOf("(D:20") + 5;
        assertThat(at).isGreaterThan(5);
        byte[] copy = pdf.clone();
        copy[at] = (byte) (copy[at] == '9' ? '8' : copy[at] + 1);
        return copy;
    }
}

package cn.hrss.zcrd.certificate.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.hrss.zcrd.seal.ElectronicSeal;
import cn.hrss.zcrd.signing.CertificateAuthority;
import cn.hrss.zcrd.signing.SignatureToken;
import cn.hrss.zcrd.support.DssValidator;
import cn.hrss.zcrd.support.IntegrationTest;
import cn.hrss.zcrd.support.Pdfsig;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.signatures.SignatureUtil;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Archive time-stamps through the real token and the platform TSA: a certificate made as issuance makes it gets a
 * document time-stamp (PAdES-BASELINE-LTA), then a second one (a renewal). EU DSS, iText and poppler's pdfsig check
 * each version as a relying party's tools would.
 */
@IntegrationTest
class ArchiveTimeStampsIT {

    static byte[] lt;
    static ArchiveTimeStamps.Stamped first;
    static ArchiveTimeStamps.Stamped second;

    @Autowired
    CertificateAuthority authority;

    @BeforeAll
    static void make(
            @Autowired CertificateDocuments documents,
            @Autowired SignatureToken token,
            @Autowired CertificateAuthority authority,
            @Autowired ArchiveTimeStamps archive)
            throws Exception {
        ElectronicSeal seal =
                CertificatePdfIT.sealFor(token, authority, CertificatePdfIT.SEAL_KEY, CertificatePdfIT.UNIT);
        lt = documents
                .make(CertificatePdfIT.CONTENT, CertificatePdfIT.ADDRESS, seal)
                .pdf();
        first = archive.append(lt);
        second = archive.append(first.pdf());
    }

    @Test
    void earlierRevisionsStayByteForByteAndTheShaIsOfTheNewVersion() throws Exception {
        assertThat(Arrays.copyOf(first.pdf(), lt.length)).isEqualTo(lt);
        assertThat(Arrays.copyOf(second.pdf(), first.pdf().length)).isEqualTo(first.pdf());
        assertThat(second.sha256())
                .isEqualTo(HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(second.pdf())));
        assertThat(second.time()).isAfterOrEqualTo(first.time());
        assertThat(first.tsaNotAfter()).isAfter(first.time());
    }

    @Test
    void theEuDssValidatorPassesEveryArchivedVersionAtPadesBaselineLta() {
        for (byte[] version : List.of(first.pdf(), second.pdf())) {
            List<DssValidator.Verdict> verdicts = DssValidator.validate(version, authority.rootCertificate());
            assertThat(verdicts).singleElement().satisfies(verdict -> {
                assertThat(verdict.indication()).as("%s", verdict).isEqualTo(Indication.TOTAL_PASSED);
                assertThat(verdict.level()).isEqualTo(SignatureLevel.PAdES_BASELINE_LTA);
            });
        }
    }

    @Test
    void itextSeesTheSealAndTheDocumentTimeStampsWithTheDssKeptAndGrown() throws Exception {
        try (PdfDocument pdf = new PdfDocument(new PdfReader(new ByteArrayInputStream(second.pdf())))) {
            SignatureUtil signatures = new SignatureUtil(pdf);
            assertThat(signatures.getSignatureNames()).containsExactly("seal", "archive1", "archive2");
            for (String name : List.of("archive1", "archive2")) {
                assertThat(signatures.getSignature(name).getSubFilter()).isEqualTo(PdfName.ETSI_RFC3161);
                assertThat(signatures.readSignatureData(name).verifySignatureIntegrityAndAuthenticity())
                        .isTrue();
            }
            assertThat(signatures.signatureCoversWholeDocument("archive2")).isFalse(); // its DSS update follows
            assertThat(signatures.readSignatureData("seal").verifySignatureIntegrityAndAuthenticity())
                    .isTrue();
            var dss = pdf.getCatalog().getPdfObject().getAsDictionary(PdfName.DSS);
            assertThat(dss.getAsArray(PdfName.CRLs).size()).isEqualTo(6);
        }
    }

    @Test
    void pdfsigAcceptsEveryVersion() throws Exception {
        for (byte[] version : List.of(lt, first.pdf(), second.pdf())) {
            assertThat(Pdfsig.validate(version))
                    .doesNotContain("Signature is Invalid")
                    .doesNotContain("Digest Mismatch")
                    .contains("Signature is Valid");
        }
        // poppler lists the document time-stamps but does not validate RFC 3161 ones ("Unimplemented Feature")
        assertThat(Pdfsig.validate(second.pdf()))
                .contains("Signature Field Name: archive1", "Signature Field Name: archive2");
    }

    @Test
    void aByteChangedInTheFirstDssUpdateBreaksBothArchiveTimeStampsButNotTheSeal() throws Exception {
        byte[] tampered = second.pdf().clone();
        String latin = new String(tampered, StandardCharsets.ISO_8859_1);
        int at = latin.indexOf("stream\n", latin.indexOf("%%EOF")) + 40; // inside a certificate of the LT update
        tampered[at] ^= 0x01;
        try (PdfDocument pdf = new PdfDocument(new PdfReader(new ByteArrayInputStream(tampered)))) {
            SignatureUtil signatures = new SignatureUtil(pdf);
            assertThat(signatures.readSignatureData("seal").verifySignatureIntegrityAndAuthenticity())
                    .isTrue();
            assertThat(signatures.readSignatureData("archive1").verifySignatureIntegrityAndAuthenticity())
                    .isFalse();
            assertThat(signatures.readSignatureData("archive2").verifySignatureIntegrityAndAuthenticity())
                    .isFalse();
        }
    }

    @Test
    void aPdfThePlatformDidNotMakeIsRefused() {
        byte[] foreign = (new String(lt, StandardCharsets.ISO_8859_1) + "1 0 obj\n<</Type/Catalog>>\nendobj\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> ArchiveTimeStamps.parse(foreign)).isInstanceOf(ArchiveTimeStamps.NotPlatformPdf.class);
    }
}

package cn.hrss.zcrd.certificate;

import cn.hrss.zcrd.certificate.internal.CertificateDocuments;
import cn.hrss.zcrd.certificate.internal.CertificateLayouts;
import cn.hrss.zcrd.seal.ElectronicSeal;
import cn.hrss.zcrd.signing.CertificateAuthority;
import cn.hrss.zcrd.signing.SignatureToken;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.stereotype.Service;

/**
 * Issues a specimen (样本) certificate: a one-page A4 PDF with Chinese text, signed through the platform token with
 * a development seal key whose visible appearance is the sample seal of {@code seal-templates/}. It runs the same
 * pipeline as real issuance ({@link CertificateDocuments}) with a development electronic seal.
 */
@Service
public class SpecimenCertificateService {

    /** Token key of the development specimen seal. */
    public static final String SPECIMEN_KEY = "dev-specimen-seal";

    /** Id of the specimen's electronic seal: negative, never a stored seal's. */
    private static final long SPECIMEN_SEAL_ID = -1;

    private final SignatureToken token;
    private final CertificateAuthority authority;
    private final CertificateDocuments documents;
    private final CertificateLayouts layouts;
    private final Clock clock;
    private volatile ElectronicSeal seal;

    SpecimenCertificateService(
            SignatureToken token,
            CertificateAuthority authority,
            CertificateDocuments documents,
            CertificateLayouts layouts,
            Clock clock) {
        this.token = token;
        this.authority = authority;
        this.documents = documents;
        this.layouts = layouts;
        this.clock = clock;
    }

    /** Renders and signs a specimen certificate for {@code holderName}. */
    public byte[] issueSpecimen(String holderName) {
        String number = "YB-" + LocalDate.now(clock).getYear() + "-000001";
        CertificateContent content = new CertificateContent(
                holderName,
                "110101********0012",
                "工程师",
                "工程",
                "电子信息工程",
                "中级",
                LocalDate.now(clock),
                "职称认定平台（开发样本）",
                number);
        return documents
                .make(content, URI.create("http://localhost/verify?specimen=" + number), specimenSeal())
                .pdf();
    }

    private synchronized ElectronicSeal specimenSeal() {
        if (seal == null) {
            if (!token.containsKey(SPECIMEN_KEY)) {
                token.generateKey(
                        SPECIMEN_KEY,
                        2048,
                        publicKey -> authority.issueSealCertificate(publicKey, "职称认定平台开发样章", "DEVSPECIMEN0000000"));
            }
            seal = new ElectronicSeal(
                    SPECIMEN_SEAL_ID,
                    0,
                    0,
                    0,
                    SPECIMEN_KEY,
                    token.certificateChain(SPECIMEN_KEY),
                    layouts.devSampleSeal(),
                    Instant.EPOCH);
        }
        return seal;
    }
}

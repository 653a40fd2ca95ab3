package cn.hrss.zcrd.certificate;

import cn.hrss.zcrd.signing.CertificateAuthority;
import cn.hrss.zcrd.signing.PadesSigner;
import cn.hrss.zcrd.signing.SignatureToken;
import java.time.Clock;
import org.springframework.stereotype.Service;
import java.time.LocalDate;

/**
 * Issues a specimen (样本) certificate: a one-page A4 PDF with Chinese text, signed through the platform token with
 * a development seal key whose visible appearance is the sample seal of {@code seal-templates/}. It exercises the
 * whole certificate path (font subset, layout, PKCS#11 key, seal CA, PAdES) before real issuance exists.
 */
@Service
public class SpecimenCertificateService {

    /** Token key of the development specimen seal. */
    public static final String SPECIMEN_KEY = "dev-specimen-seal";

    private final SignatureToken token;
    private final CertificateAuthority authority;
    private final PadesSigner signer;
    private final CertificatePdfRenderer renderer;
    private final Clock clock;

    SpecimenCertificateService(SignatureToken token, CertificateAuthority authority, PadesSigner signer,
                               CertificatePdfRenderer renderer, Clock clock) {
        this.token = token;
        this.authority = authority;
        this.signer = signer;
        this.renderer = renderer;
        this.clock = clock;
    }

    /** Renders and signs a specimen certificate for {@code holderName}. */
    public byte[] issueSpecimen(String holderName) {
        ensureSpecimenKey();
        CertificateContent content = new CertificateContent(holderName, "110101********0012", "工程师", "工程",
                "电子信息工程", "中级", LocalDate.now(clock), "职称认定平台（开发样本）", "YB-" + LocalDate.now(clock).getYear() + "-000001");
        return signer.sign(renderer.render(content), SPECIMEN_KEY, renderer.sealAppearance(renderer.devSampleSeal()));
    }

    private synchronized void ensureSpecimenKey() {
        if (!token.containsKey(SPECIMEN_KEY)) {
            token.generateKey(SPECIMEN_KEY, 2048,
                    publicKey -> authority.issueSealCertificate(publicKey, "职称认定平台开发样章", "DEVSPECIMEN0000000"));
        }
    }
}

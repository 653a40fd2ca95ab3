package cn.hrss.zcrd.certificate;

import cn.hrss.zcrd.account.BackOfficeAction;
import cn.hrss.zcrd.account.BackOfficeGuard;
import cn.hrss.zcrd.certificate.internal.CertificateDocuments;
import cn.hrss.zcrd.certificate.internal.CertificateLayouts;
import cn.hrss.zcrd.seal.ElectronicSeal;
import cn.hrss.zcrd.shared.BusinessTime;
import cn.hrss.zcrd.signing.CertificateAuthority;
import cn.hrss.zcrd.signing.CertificateProfile;
import cn.hrss.zcrd.signing.SignatureToken;
import java.net.URI;
import java.time.Instant;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Service;

/**
 * Development only ({@code zcrd.dev.specimen-enabled}, set by the dev profile; a {@code prod} start refuses it):
 * issues a specimen (样本) certificate, a one-page A4 PDF with Chinese text signed through the platform token. It runs
 * the same pipeline as real issuance ({@link CertificateDocuments}), but its key has the {@link CertificateProfile#TEST
 * test profile}: the verifier never takes a specimen for a sealed certificate. Only system admins may sign one.
 */
@Service
@ConditionalOnBooleanProperty("zcrd.dev.specimen-enabled")
public class SpecimenCertificateService {

    /** Token key of the development specimen seal. */
    public static final String SPECIMEN_KEY = "dev-specimen-1";

    /** Id of the specimen's electronic seal: negative, never a stored seal's. */
    private static final long SPECIMEN_SEAL_ID = -1;

    private final SignatureToken token;
    private final CertificateAuthority authority;
    private final CertificateDocuments documents;
    private final CertificateLayouts layouts;
    private final BusinessTime time;
    private final BackOfficeGuard guard;
    private volatile ElectronicSeal seal;

    SpecimenCertificateService(
            SignatureToken token,
            CertificateAuthority authority,
            CertificateDocuments documents,
            CertificateLayouts layouts,
            BusinessTime time,
            BackOfficeGuard guard) {
        this.guard = guard;
        this.token = token;
        this.authority = authority;
        this.documents = documents;
        this.layouts = layouts;
        this.time = time;
    }

    /** Renders and signs a specimen certificate for {@code holderName} (system admins only). */
    public byte[] issueSpecimen(String holderName) {
        guard.require(BackOfficeAction.SIGN_SPECIMEN);
        String number = "YB-" + time.today().getYear() + "-000001";
        CertificateContent content = new CertificateContent(
                holderName,
                "110101********0012",
                "工程师",
                "工程",
                "电子信息工程",
                "中级",
                time.today(),
                "职称认定平台（开发样本）",
                number,
                null);
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
                        publicKey -> authority.issueCertificate(CertificateProfile.TEST, publicKey, "职称认定平台开发样章"));
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

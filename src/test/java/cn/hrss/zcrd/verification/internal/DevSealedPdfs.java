package cn.hrss.zcrd.verification.internal;

import cn.hrss.zcrd.support.DevPki;
import java.security.cert.X509Certificate;
import java.time.Instant;

/**
 * The verification page's own check ({@link SignedPdfVerifier}) for tests outside this package: anchored in the dev
 * PKI of {@code var/pki} (its root and seal CA), as the nodes of {@code ops/cluster} sign.
 */
public final class DevSealedPdfs {

    private static SignedPdfVerifier verifier;

    private DevSealedPdfs() {}

    /** The seal's certificate when the PDF's signature is intact and by a platform seal valid at signing; else null. */
    public static synchronized X509Certificate verifiedSigner(byte[] pdf) {
        if (verifier == null) {
            verifier = new SignedPdfVerifier(
                    DevPki.certificate("root-ca.pem"),
                    DevPki.certificate("seal-ca.pem"),
                    () -> null,
                    SoftwarePki::sealProfile);
        }
        SignedPdfVerifier.Findings found = verifier.verify(pdf, Instant.now());
        boolean good = found.problem() == null
                && found.intact()
                && found.platformIssued()
                && found.sealProfile()
                && found.validAtSigning()
                && !found.revokedAtSigning();
        return good ? found.signer() : null;
    }
}

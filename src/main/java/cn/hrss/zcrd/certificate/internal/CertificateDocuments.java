package cn.hrss.zcrd.certificate.internal;

import cn.hrss.zcrd.certificate.CertificateContent;
import cn.hrss.zcrd.seal.ElectronicSeal;
import java.net.URI;

/**
 * Makes the signed PDF of one title certificate: A4 page from the layout of {@code seal-templates/}, Chinese text
 * in an embedded font subset, a QR code leading to {@code verificationAddress}, and a PAdES signature through the
 * token with the unit's electronic-seal key whose visible appearance is the seal impression. Thread-safe: the
 * issuance job calls it from several threads at once.
 */
public interface CertificateDocuments {

    /** Renders and signs; the result has been signed by the token, never an unsigned PDF. */
    SignedCertificatePdf make(CertificateContent content, URI verificationAddress, ElectronicSeal seal);
}

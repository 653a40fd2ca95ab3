package cn.hrss.zcrd.signing;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/**
 * The seal CA: issues certificates for keys generated in the platform token, each with the certificate profile of
 * its purpose ({@link CertificateProfile}). Its own key is a token object too (alias {@code zcrd.signing.seal-ca-key},
 * certified by the offline root); every certificate and CRL is signed through the {@link SignatureToken}.
 * Every certificate it issues names where its issuer's certificate (AIA caIssuers) and CRL are published.
 */
public interface CertificateAuthority {

    /** Where the seal CA's certificate is published (AIA caIssuers of what it issues). */
    String CERTIFICATE_PATH = "/pki/seal-ca.cer";

    /** Where the seal CA's CRL is published (CRL distribution point of what it issues). */
    String CRL_PATH = "/pki/seal-ca.crl";

    /**
     * The extended key usage of the audit-checkpoint certificate ({@link CertificateProfile#AUDIT}): a UUID-based OID
     * (ITU-T X.667, arc 2.25), needing no registration. The audit verifier accepts a checkpoint only from a
     * certificate with this purpose.
     */
    String AUDIT_CHECKPOINT_PURPOSE = "2.25.270881741215483388497001735086650191428";

    /**
     * Issues an electronic-seal certificate ({@link CertificateProfile#SEAL}; subject: unit name and unified social
     * credit code).
     *
     * @return the chain, new certificate first, up to and including the platform root
     */
    List<X509Certificate> issueSealCertificate(PublicKey publicKey, String unitName, String creditCode);

    /**
     * Issues a certificate of {@code profile} (not {@link CertificateProfile#SEAL}: seals name their unit) with the
     * subject {@code C=CN, CN=commonName}.
     *
     * @return the chain, new certificate first, up to and including the platform root
     */
    List<X509Certificate> issueCertificate(CertificateProfile profile, PublicKey publicKey, String commonName);

    /**
     * Issues the certificate of the platform's time-stamp authority: extended key usage id-kp-timeStamping only
     * (critical, RFC 3161 §2.3).
     *
     * @return the chain, new certificate first, up to and including the platform root
     */
    default List<X509Certificate> issueTimeStampingCertificate(PublicKey publicKey, String name) {
        return issueCertificate(CertificateProfile.TIME_STAMPING, publicKey, name);
    }

    /** Whether {@code certificate} has the seal profile of this platform (see {@link CertificateProfile#matches}). */
    boolean isSealCertificate(X509Certificate certificate);

    /**
     * Issues the certificate of the platform key that signs the audit trail's checkpoints ({@link
     * CertificateProfile#AUDIT}): key usage digital signature and non-repudiation, extended key usage {@link
     * #AUDIT_CHECKPOINT_PURPOSE} only (critical), so the key counts for nothing else and nothing else counts as it.
     *
     * @return the chain, new certificate first, up to and including the platform root
     */
    default List<X509Certificate> issueAuditCheckpointCertificate(PublicKey publicKey, String name) {
        return issueCertificate(CertificateProfile.AUDIT, publicKey, name);
    }

    /**
     * Revokes a certificate this CA issued (again: no change); from now on its revocation list names it.
     *
     * @param reasonCode an RFC 5280 CRLReason code
     */
    void revoke(X509Certificate certificate, Instant revokedAt, int reasonCode);

    /** This CA's current revocation list (DER), signed by the CA; the same on every application node. */
    byte[] revocationList();

    /**
     * A revocation list (DER) dated after {@code instant} — for the long-term validation data embedded with a
     * signature time-stamped at {@code instant}: it shows the certificate was not revoked at that time. Its
     * thisUpdate may lie up to a second ahead.
     */
    byte[] revocationListIssuedAfter(Instant instant);

    /** The CA's own certificate (the issuer of what it issues). */
    X509Certificate caCertificate();

    /** The platform's trusted root certificate. */
    X509Certificate rootCertificate();
}

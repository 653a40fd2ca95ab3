package cn.hrss.zcrd.account;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HexFormat;
import javax.security.auth.x500.X500Principal;

/** The exact identity of a client certificate: SHA-256 fingerprint, issuer and serial. */
public record CertificateIdentity(
        String sha256, String issuerDn, String serialHex, String subjectDn, Instant notAfter) {

    public static CertificateIdentity of(X509Certificate certificate) {
        return new CertificateIdentity(
                fingerprint(certificate),
                certificate.getIssuerX500Principal().getName(X500Principal.RFC2253),
                certificate.getSerialNumber().toString(16),
                certificate.getSubjectX500Principal().getName(X500Principal.RFC2253),
                certificate.getNotAfter().toInstant());
    }

    /** Lower-case hex SHA-256 of the DER encoding. */
    public static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (CertificateEncodingException | NoSuchAlgorithmException e) {
            throw new IllegalArgumentException("Certificate cannot be encoded", e);
        }
    }
}

package cn.hrss.zcrd.signing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The CRLs of the platform PKI: the seal CA's (issued by the application from the shared revocation table) and the
 * root's (published by the root's operators as a file). Long-term validation embeds them in each signed
 * certificate; {@code /pki/} publishes them.
 */
@Service
public class RevocationLists {

    private final CertificateAuthority sealCa;
    private final RevocationProperties properties;

    RevocationLists(CertificateAuthority sealCa, RevocationProperties properties) {
        this.sealCa = sealCa;
        this.properties = properties;
    }

    /** The seal CA's current CRL (DER). */
    public byte[] sealCaCrl() {
        return sealCa.revocationList();
    }

    /** A seal CA CRL dated after {@code instant} (see {@link CertificateAuthority#revocationListIssuedAfter}). */
    public byte[] sealCaCrlIssuedAfter(java.time.Instant instant) {
        return sealCa.revocationListIssuedAfter(instant);
    }

    /**
     * The root CA's current CRL (DER).
     *
     * @throws TokenUnavailableException when the file is missing or is not a CRL
     */
    public byte[] rootCrl() {
        if (properties.rootCrl() == null) {
            throw new TokenUnavailableException("zcrd.signing.revocation.root-crl is not set");
        }
        try (InputStream in = Files.newInputStream(properties.rootCrl())) {
            return ((X509CRL) CertificateFactory.getInstance("X.509").generateCRL(in)).getEncoded();
        } catch (IOException | GeneralSecurityException e) {
            throw new TokenUnavailableException(
                    "Root CRL " + properties.rootCrl() + " cannot be read; create the dev PKI with ops/dev-setup", e);
        }
    }

    /**
     * The CRL that speaks about {@code certificate}: its issuer's, when the issuer is the seal CA or the root;
     * nothing for other issuers.
     */
    public List<byte[]> crlsFor(X509Certificate certificate) {
        if (certificate.getIssuerX500Principal().equals(sealCa.caCertificate().getSubjectX500Principal())) {
            return List.of(sealCaCrl());
        }
        X509Certificate root = sealCa.rootCertificate();
        if (certificate.getIssuerX500Principal().equals(root.getSubjectX500Principal()) && !certificate.equals(root)) {
            return List.of(rootCrl());
        }
        return List.of();
    }

    /** Parses a DER CRL (for checks by callers). */
    public static X509CRL parse(byte[] der) {
        try {
            return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a CRL", e);
        }
    }
}

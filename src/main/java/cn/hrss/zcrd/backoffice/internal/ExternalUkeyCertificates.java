package cn.hrss.zcrd.backoffice.internal;

import cn.hrss.zcrd.account.BackOfficeProperties;
import cn.hrss.zcrd.shared.RefusedException;
import cn.hrss.zcrd.signing.ExternalCa;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The checks of a UKEY certificate the licensed CA returned ({@code zcrd.backoffice.ukey-certificates: external}):
 * for exactly the pending request's key, valid now, chaining to the configured anchors ({@link ExternalCa}), a TLS
 * client certificate (end entity, digitalSignature when key usage is given, extended key usage id-kp-clientAuth) and
 * not on the CA's configured CRLs. Each refusal is a {@link RefusedException} with a {@code backoffice.ukey.external.*}
 * key.
 */
@Component
public class ExternalUkeyCertificates {

    static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

    private final BackOfficeProperties properties;
    private final ExternalCa ca;
    private final Clock clock;

    ExternalUkeyCertificates(BackOfficeProperties properties, ExternalCa ca, Clock clock) {
        this.properties = properties;
        this.ca = ca;
        this.clock = clock;
    }

    /** Whether UKEY certificates come from the licensed CA. */
    public boolean enabled() {
        return properties.ukeyCertificates() == BackOfficeProperties.UkeyCertificates.EXTERNAL;
    }

    /** SHA-256 (hex) of a public key's SubjectPublicKeyInfo: what a request and its certificate must share. */
    public static String keyFingerprint(PublicKey key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The UKEY certificate in {@code upload} (PEM or DER, optionally with the CA's intermediates) for the key with
     * fingerprint {@code keySha256}, when it passes every check.
     */
    public X509Certificate check(String keySha256, byte[] upload) {
        List<X509Certificate> uploaded = ExternalCa.parse(upload)
                .orElseThrow(() -> new RefusedException("backoffice.ukey.external.not-certificate"));
        X509Certificate certificate = uploaded.stream()
                .filter(c -> keyFingerprint(c.getPublicKey()).equals(keySha256))
                .findFirst()
                .orElseThrow(() -> new RefusedException("backoffice.ukey.external.other-key"));
        Instant now = clock.instant();
        if (!ExternalCa.within(certificate, now)) {
            throw new RefusedException("backoffice.ukey.external.not-valid");
        }
        if (ca.trustedChain(certificate, uploaded, now).isEmpty()) {
            throw new RefusedException("backoffice.ukey.external.foreign-ca");
        }
        if (!isClientCertificate(certificate)) {
            throw new RefusedException("backoffice.ukey.external.not-client-auth");
        }
        if (ca.revokedBefore(certificate, now)) {
            throw new RefusedException("backoffice.ukey.external.revoked");
        }
        return certificate;
    }

    /** An end entity for TLS client authentication: not a CA, digitalSignature if key usage is set, clientAuth. */
    static boolean isClientCertificate(X509Certificate certificate) {
        if (certificate.getBasicConstraints() >= 0) {
            return false;
        }
        boolean[] keyUsage = certificate.getKeyUsage();
        if (keyUsage != null && (keyUsage.length == 0 || !keyUsage[0])) {
            return false;
        }
        try {
            List<String> purposes = certificate.getExtendedKeyUsage();
            return purposes != null && purposes.contains(CLIENT_AUTH);
        } catch (CertificateParsingException e) {
            return false;
        }
    }
}

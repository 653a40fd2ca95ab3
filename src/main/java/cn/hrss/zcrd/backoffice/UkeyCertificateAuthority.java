package cn.hrss.zcrd.backoffice;

import java.math.BigInteger;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;

/**
 * The CA that issues back-office UKEY client certificates and publishes their revocation list — the one CRL the
 * mutual-TLS connector checks. The built-in implementation is the development UKEY CA of {@code ops/dev-setup}
 * (its key in a PKCS#12 file under var/pki); production puts an implementation here whose key never leaves an HSM,
 * or one that forwards to an external CA (request out, certificate and CRL in), without changing callers.
 */
public interface UkeyCertificateAuthority {

    /**
     * Issues a TLS client certificate for {@code publicKey} (generated inside the UKEY).
     *
     * @param commonName the account's username, as the certificate's CN (the binding, not the name, is what logs in)
     */
    X509Certificate issue(PublicKey publicKey, String commonName);

    /**
     * Publishes a new CRL listing everything listed so far plus {@code revocations} (already listed serials are
     * kept as they were). Returns when the new CRL is in place.
     */
    void revoke(Collection<Revocation> revocations);

    /** Whether the current CRL lists {@code serial}. */
    boolean isRevoked(BigInteger serial);

    /** The CA's own certificate (the issuer of every UKEY certificate). */
    X509Certificate caCertificate();

    /**
     * One certificate to put on the CRL.
     *
     * @param serial the certificate's serial number
     * @param revokedAt when it was revoked
     * @param reason the RFC 5280 reason ({@code CRLReason} code: 1 keyCompromise, 4 superseded, 5
     *               cessationOfOperation …)
     */
    record Revocation(BigInteger serial, Instant revokedAt, int reason) {}
}

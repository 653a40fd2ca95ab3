package cn.hrss.zcrd.signing;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;

/** Start-up checks of a CA whose key is a token object: the certificate is a CA's, issued by the root, for that key. */
public final class CaKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private CaKeys() {}

    /**
     * {@code ca} is a CA certificate (basicConstraints CA, keyCertSign), within its validity and signed by {@code
     * root}.
     *
     * @throws TokenUnavailableException naming {@code what} and the reason
     */
    public static void requireCa(X509Certificate ca, X509Certificate root, String what) {
        boolean[] usage = ca.getKeyUsage();
        if (ca.getBasicConstraints() < 0 || usage == null || !usage[5]) {
            throw new TokenUnavailableException(
                    "The certificate of the " + what + " in the token is not a CA certificate: " + subject(ca));
        }
        try {
            ca.checkValidity();
        } catch (GeneralSecurityException e) {
            throw new TokenUnavailableException(
                    "The certificate of the " + what + " is not valid now (" + ca.getNotAfter() + "): " + subject(ca),
                    e);
        }
        try {
            ca.verify(root.getPublicKey());
        } catch (GeneralSecurityException e) {
            throw new TokenUnavailableException(
                    "The certificate of the " + what + " (" + subject(ca) + ") is not issued by the configured root "
                            + subject(root) + " (zcrd.signing.root-certificate)",
                    e);
        }
    }

    /**
     * The token key {@code alias} signs so that {@code certificate}'s public key verifies it.
     *
     * @throws TokenUnavailableException when it does not
     */
    public static void requireKeyOf(SignatureToken token, String alias, X509Certificate certificate, String algorithm) {
        byte[] challenge = new byte[32];
        RANDOM.nextBytes(challenge);
        byte[] signature = token.sign(alias, algorithm, challenge);
        try {
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(challenge);
            if (verifier.verify(signature)) {
                return;
            }
        } catch (GeneralSecurityException e) {
            throw new TokenUnavailableException(
                    "The token key '" + alias + "' cannot be checked: " + e.getMessage(), e);
        }
        throw new TokenUnavailableException(
                "The token key '" + alias + "' does not belong to its certificate " + subject(certificate));
    }

    private static String subject(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName();
    }
}

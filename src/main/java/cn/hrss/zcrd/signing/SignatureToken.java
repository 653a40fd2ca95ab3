package cn.hrss.zcrd.signing;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.List;

/**
 * The signing port: "sign these bytes with key X / give me key X's chain", in the manner of EU DSS's
 * {@code SignatureTokenConnection}. Private keys never leave the implementation (for production a PKCS#11 token).
 */
public interface SignatureToken {

    /** Signs {@code data} with the private key stored under {@code alias}, e.g. algorithm {@code SHA256withRSA}. */
    byte[] sign(String alias, String algorithm, byte[] data);

    /** The certificate chain stored with the key, signer first. */
    List<X509Certificate> certificateChain(String alias);

    /** Whether a key entry (private key and certificate) is stored under {@code alias}. */
    boolean containsKey(String alias);

    /**
     * Generates an RSA key pair of {@code bits} inside the token; see {@link #generateKey(String,
     * AlgorithmParameterSpec, KeyCertifier)}.
     */
    default List<X509Certificate> generateKey(String alias, int bits, KeyCertifier certifier) {
        return generateKey(alias, new RSAKeyGenParameterSpec(bits, RSAKeyGenParameterSpec.F4), certifier);
    }

    /**
     * Generates a key pair inside the token (sensitive, never extractable): RSA for an {@link RSAKeyGenParameterSpec},
     * EC for an {@link java.security.spec.ECGenParameterSpec} (e.g. {@code secp256r1}); has {@code certifier} issue a
     * certificate chain for its public key and stores the key under {@code alias} with that chain.
     *
     * @return the stored chain, signer first
     */
    List<X509Certificate> generateKey(String alias, AlgorithmParameterSpec spec, KeyCertifier certifier);

    /**
     * Replaces the certificate chain stored with the key {@code alias} (the key stays): how a certificate issued by
     * an external CA for a key generated here is installed.
     *
     * @throws IllegalArgumentException when {@code chain}'s first certificate is not for that key
     */
    default void replaceCertificateChain(String alias, List<X509Certificate> chain) {
        throw new UnsupportedOperationException("this token cannot replace certificates");
    }

    /** The JCA name of SHA-256 with the key's algorithm: {@code SHA256withRSA} or {@code SHA256withECDSA}. */
    static String sha256With(PublicKey key) {
        return switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> throw new IllegalArgumentException("Unsupported key algorithm " + key.getAlgorithm());
        };
    }

    /** Issues the certificate chain (signer first) for a public key that was just generated in the token. */
    @FunctionalInterface
    interface KeyCertifier {
        List<X509Certificate> certify(PublicKey publicKey);
    }
}

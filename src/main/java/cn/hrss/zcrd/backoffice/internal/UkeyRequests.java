package cn.hrss.zcrd.backoffice.internal;

import java.io.IOException;
import java.io.StringReader;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Optional;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;

/** Reads a UKEY's PKCS#10 certificate request: PEM, signed by its own key (proof of possession), no weak key. */
public final class UkeyRequests {

    private static final int MAX_LENGTH = 20_000;

    private UkeyRequests() {}

    /** The request's public key when the request is well-formed, self-signed and the key strong; else empty. */
    public static Optional<PublicKey> publicKeyOf(String pem) {
        if (pem == null || pem.isBlank() || pem.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        try (PEMParser parser = new PEMParser(new StringReader(pem.strip()))) {
            if (!(parser.readObject() instanceof PKCS10CertificationRequest request)) {
                return Optional.empty();
            }
            JcaPKCS10CertificationRequest jca = new JcaPKCS10CertificationRequest(request);
            PublicKey key = jca.getPublicKey();
            if (!request.isSignatureValid(new JcaContentVerifierProviderBuilder().build(key)) || !strong(key)) {
                return Optional.empty();
            }
            return Optional.of(key);
        } catch (IOException
                | RuntimeException
                | java.security.GeneralSecurityException
                | org.bouncycastle.operator.OperatorCreationException
                | org.bouncycastle.pkcs.PKCSException e) {
            return Optional.empty();
        }
    }

    private static boolean strong(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            return rsa.getModulus().bitLength() >= 2048;
        }
        return key instanceof ECPublicKey ec
                && ec.getParams().getCurve().getField().getFieldSize() >= 256;
    }
}

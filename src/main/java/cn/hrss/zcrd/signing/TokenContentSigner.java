package cn.hrss.zcrd.signing;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;

/**
 * A Bouncy Castle {@link ContentSigner} whose signature is made by a key of the {@link SignatureToken}: how the CAs
 * sign certificates and CRLs and the TSA its tokens without the key leaving the token. One instance per signature.
 */
public final class TokenContentSigner implements ContentSigner {

    private final SignatureToken token;
    private final String alias;
    private final String algorithm;
    private final ByteArrayOutputStream data = new ByteArrayOutputStream(1024);

    /**
     * @param algorithm JCA name, e.g. {@code SHA256withRSA} (see {@link SignatureToken#sha256With})
     */
    public TokenContentSigner(SignatureToken token, String alias, String algorithm) {
        this.token = token;
        this.alias = alias;
        this.algorithm = algorithm;
    }

    @Override
    public AlgorithmIdentifier getAlgorithmIdentifier() {
        return new DefaultSignatureAlgorithmIdentifierFinder().find(algorithm);
    }

    @Override
    public OutputStream getOutputStream() {
        return data;
    }

    @Override
    public byte[] getSignature() {
        return token.sign(alias, algorithm, data.toByteArray());
    }
}

package cn.hrss.zcrd.certificate.internal;

import cn.hrss.zcrd.signing.SignatureToken;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.AlgorithmParameterSpec;
import java.util.List;

/** One key in memory with its chain (signer first), standing in for the token in tests without Spring. */
record InMemorySignatureToken(PrivateKey key, List<X509Certificate> chain) implements SignatureToken {

    @Override
    public byte[] sign(String alias, String algorithm, byte[] data) {
        try {
            Signature s = Signature.getInstance(algorithm);
            s.initSign(key);
            s.update(data);
            return s.sign();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public List<X509Certificate> certificateChain(String alias) {
        return chain;
    }

    @Override
    public boolean containsKey(String alias) {
        return true;
    }

    @Override
    public List<X509Certificate> generateKey(String alias, AlgorithmParameterSpec spec, KeyCertifier certifier) {
        throw new UnsupportedOperationException();
    }
}

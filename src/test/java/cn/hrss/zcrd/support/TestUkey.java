package cn.hrss.zcrd.support;

import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;

/**
 * A fresh UKEY of the UKEY CA as a PKCS#12 store ({@link TestCertificates#freshUkeyCertificate}), and the ways a test
 * presents it on the mutual-TLS port.
 */
public record TestUkey(KeyStore keys) {

    /** The password of every such store. */
    private static final char[] PASSWORD = "test".toCharArray();

    /** A new key and certificate for {@code commonName}, bound to nobody. */
    public static TestUkey fresh(String commonName) throws Exception {
        return new TestUkey(TestCertificates.freshUkeyCertificate(commonName, PASSWORD));
    }

    public X509Certificate certificate() {
        try {
            return (X509Certificate) keys.getCertificate("ukey");
        } catch (KeyStoreException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The TLS context presenting this UKEY (for a {@link UkeyGateway} or a {@link BrowserlessSession}). */
    public SSLContext tls() {
        return TlsClient.sslContext(keys, PASSWORD);
    }

    /** A new HTTPS client presenting this UKEY: each one makes its own handshake. */
    public TlsClient client() {
        return TlsClient.withKeyStore(keys, PASSWORD);
    }

    /** A new cookie-keeping session presenting this UKEY on {@code ukeyBase}. */
    public BrowserlessSession session(String ukeyBase) {
        return client().session(ukeyBase);
    }
}

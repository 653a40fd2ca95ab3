package cn.hrss.zcrd.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** The dev PKI and tokens that {@code ops/dev-setup} writes under {@code var/}. */
public final class DevPki {

    public static final Path VAR = Path.of("var");
    public static final Path PKI = VAR.resolve("pki");

    private DevPki() {}

    public static String secret(String name) {
        try {
            return Files.readString(VAR.resolve("secrets").resolve(name), StandardCharsets.UTF_8)
                    .strip();
        } catch (IOException e) {
            throw new IllegalStateException("Missing " + name + "; run ops/dev-setup", e);
        }
    }

    public static char[] pkiPassword() {
        return secret("pki.password").toCharArray();
    }

    public static X509Certificate certificate(String pemFile) {
        try (InputStream in = Files.newInputStream(PKI.resolve(pemFile))) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read " + pemFile, e);
        }
    }

    /**
     * The platform token as {@code ops/dev-setup} made it, opened by the test itself through its own SunPKCS11
     * provider (the application opens its own): where the CA keys are. One per test JVM.
     */
    public static synchronized KeyStore platformToken() {
        if (platformToken == null) {
            try {
                Provider provider = Security.getProvider("SunPKCS11")
                        .configure(VAR.resolve("pkcs11/platform-token.cfg")
                                .toAbsolutePath()
                                .toString());
                KeyStore store = KeyStore.getInstance("PKCS11", provider);
                store.load(null, secret("platform-token.pin").toCharArray());
                platformToken = store;
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalStateException("Cannot open the platform token; run ops/dev-setup", e);
            }
        }
        return platformToken;
    }

    private static KeyStore platformToken;

    /** A content signer with the token key {@code alias} (e.g. the UKEY CA's, "ukey-ca"). */
    public static ContentSigner tokenSigner(String alias) {
        try {
            KeyStore token = platformToken();
            PrivateKey key = (PrivateKey) token.getKey(alias, null);
            return new JcaContentSignerBuilder("SHA256withRSA")
                    .setProvider(token.getProvider())
                    .build(key);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("No key '" + alias + "' in the platform token", e);
        }
    }

    /** Trust in the dev root ({@code var/pki/root-ca.pem}) and in nothing else. */
    public static TrustManager[] rootTrustManagers() throws GeneralSecurityException, IOException {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("root", certificate("root-ca.pem"));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        return tmf.getTrustManagers();
    }

    public static KeyStore pkcs12(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, pkiPassword());
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read " + file, e);
        }
    }
}

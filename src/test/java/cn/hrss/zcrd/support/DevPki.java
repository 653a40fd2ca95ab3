package cn.hrss.zcrd.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

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

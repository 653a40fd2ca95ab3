package cn.hrss.zcrd.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;
import java.time.Duration;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/** An HTTPS client as a browser with a UKEY would be: trusts the platform root, presents a client key or none. */
public final class TlsClient {

    private final HttpClient http;
    private final SSLContext context;

    private TlsClient(KeyManager[] keyManagers) {
        this.context = trustingDevRoot(keyManagers);
        this.http = HttpClient.newBuilder()
                .sslContext(context)
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** A TLS context that trusts the platform root only and presents {@code keyManagers}' key (none when null). */
    private static SSLContext trustingDevRoot(KeyManager[] keyManagers) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers, DevPki.rootTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The dev admin's UKEY, used through SunPKCS11 exactly as a USB token would be. */
    public static TlsClient withUkeyToken(String sunPkcs11Config, String pin) {
        try {
            Provider provider = Security.getProvider("SunPKCS11").configure(sunPkcs11Config);
            // JSSE picks the signature provider by key, so the token's provider must be installed
            if (Security.getProvider(provider.getName()) == null) {
                Security.addProvider(provider);
            } else {
                provider = Security.getProvider(provider.getName());
            }
            KeyStore token = KeyStore.getInstance("PKCS11", provider);
            token.load(null, pin.toCharArray());
            return withKeyStore(token, null);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("UKEY token " + sunPkcs11Config + " not usable", e);
        }
    }

    /** The dev admin's UKEY token ({@code var/pkcs11/ukey-dev-admin.cfg}) through {@link #withUkeyToken}. */
    public static TlsClient withDevAdminUkey() {
        return withUkeyToken("var/pkcs11/ukey-dev-admin.cfg", DevPki.secret("ukey-dev-admin.pin"));
    }

    /**
     * A UKEY made after this JVM loaded SoftHSM2 (e.g. issued through the back office during the test). SoftHSM2
     * reads its token directory once per loaded library, so the token would stay invisible to the library already
     * loaded here (the platform token uses it); like the administrator's own computer, the client loads its own
     * instance — a private copy of the library — that sees the tokens as they are now.
     */
    public static TlsClient withNewUkeyToken(java.nio.file.Path sunPkcs11Config, java.nio.file.Path pinFile) {
        try {
            String config = java.nio.file.Files.readString(sunPkcs11Config);
            java.util.regex.Matcher library = java.util.regex.Pattern.compile("(?m)^library\\s*=\\s*(\\S+)\\s*$")
                    .matcher(config);
            if (!library.find()) {
                throw new IllegalStateException("no library line in " + sunPkcs11Config);
            }
            java.nio.file.Path copy = java.nio.file.Files.createTempFile("softhsm2-client-", ".so");
            copy.toFile().deleteOnExit();
            java.nio.file.Files.copy(
                    java.nio.file.Path.of(library.group(1)), copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            String own = "--"
                    + library.replaceFirst("library = " + copy)
                            .replaceFirst("(?m)^name\\s*=.*$", "name = Client" + Long.toHexString(System.nanoTime()));
            return withUkeyToken(own, java.nio.file.Files.readString(pinFile).strip());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The TLS set-up of this client (trust in the platform root, and its client key if any). */
    public SSLContext sslContext() {
        return context;
    }

    /** A cookie-keeping session over this client's TLS set-up, for form flows on the UKEY port. */
    public BrowserlessSession session(String base) {
        return new BrowserlessSession(base, context);
    }

    public static TlsClient withKeyStore(KeyStore keys, char[] password) {
        return new TlsClient(keyManagers(keys, password));
    }

    /** The TLS context of {@link #withKeyStore}: trusts the platform root, presents the key in {@code keys}. */
    public static SSLContext sslContext(KeyStore keys, char[] password) {
        return trustingDevRoot(keyManagers(keys, password));
    }

    private static KeyManager[] keyManagers(KeyStore keys, char[] password) {
        try {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance("SunX509");
            kmf.init(keys, password);
            return kmf.getKeyManagers();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static TlsClient withoutClientCertificate() {
        return new TlsClient(null);
    }

    /** A request that may be refused at the handshake. */
    @FunctionalInterface
    public interface Request {
        HttpResponse<String> send() throws Exception;
    }

    /** The request's HTTP status, or -1 when the connection was refused (e.g. a revoked UKEY's handshake). */
    public static int statusOrRefused(Request request) throws Exception {
        try {
            return request.send().statusCode();
        } catch (IOException e) {
            return -1;
        }
    }

    public HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(20))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}

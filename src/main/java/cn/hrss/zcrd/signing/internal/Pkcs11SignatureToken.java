package cn.hrss.zcrd.signing.internal;

import cn.hrss.zcrd.signing.SignatureToken;
import cn.hrss.zcrd.signing.TokenUnavailableException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AuthProvider;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.ProviderException;
import java.security.Security;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import javax.security.auth.login.LoginException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link SignatureToken} over the JDK's SunPKCS11 provider. It owns its provider instance, logs in once per
 * connection, bounds the signatures in flight, and rebuilds the whole connection (new provider, new login, new key
 * handles) after a session or token error; key handles are cached only inside one connection.
 * It does not log out while in use: a PKCS#11 login is shared by every session of the process, so a logout would
 * break others. {@link #close()} (when the application context closes) does: the application is done with the token
 * then, and any other connection of the process rebuilds itself after it, as this one does after another's logout.
 */
final class Pkcs11SignatureToken implements SignatureToken, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Pkcs11SignatureToken.class);

    private final Path providerConfig;
    private final Path pinFile;
    private final Semaphore permits;
    private volatile Connection connection;
    private volatile boolean closed;
    private final MeterRegistry meters;
    private final Map<String, Counter> signatures = new ConcurrentHashMap<>();

    /** The meter counting signatures made through the token, per key alias. */
    static final String SIGNATURES = "zcrd.token.signatures";

    /** The time one signature takes in the token (after waiting for a permit), tag {@code outcome}: success|error. */
    static final String SIGNATURE_TIME = "zcrd.token.signature";

    private final Timer signed;
    private final Timer failed;

    Pkcs11SignatureToken(Path providerConfig, Path pinFile, int maxConcurrentSignatures) {
        this(providerConfig, pinFile, maxConcurrentSignatures, new SimpleMeterRegistry());
    }

    /**
     * @param meters where each signature is counted, per key ({@value #SIGNATURES}, tag {@code key}): what the token
     *     was made to sign is visible, e.g. that the health check does not sign per request
     */
    Pkcs11SignatureToken(Path providerConfig, Path pinFile, int maxConcurrentSignatures, MeterRegistry meters) {
        this.meters = meters;
        this.providerConfig = providerConfig;
        this.pinFile = pinFile;
        this.permits = new Semaphore(maxConcurrentSignatures, true);
        this.signed = signatureTimer("success");
        this.failed = signatureTimer("error");
        this.connection = connect();
    }

    @Override
    public byte[] sign(String alias, String algorithm, byte[] data) {
        permits.acquireUninterruptibly();
        Timer.Sample sample = Timer.start(meters);
        Timer outcome = failed;
        try {
            byte[] value = withRebuild("签名 / sign with '" + alias + "'", c -> {
                Signature signature = Signature.getInstance(algorithm, c.provider());
                signature.initSign(privateKey(c, alias));
                signature.update(data);
                return signature.sign();
            });
            outcome = signed;
            signatures
                    .computeIfAbsent(
                            alias,
                            key -> Counter.builder(SIGNATURES)
                                    .description("signatures made with a key of the platform token")
                                    .tag("key", key)
                                    .register(meters))
                    .increment();
            return value;
        } finally {
            sample.stop(outcome);
            permits.release();
        }
    }

    private Timer signatureTimer(String outcome) {
        return LatencyTimers.register(
                meters, SIGNATURE_TIME, "signatures in the platform token (one after a rebuild counts once)", outcome);
    }

    @Override
    public List<X509Certificate> certificateChain(String alias) {
        return withRebuild("read chain of '" + alias + "'", c -> {
            Certificate[] chain = c.keyStore().getCertificateChain(alias);
            if (chain == null && reloadList(c)) {
                chain = c.keyStore().getCertificateChain(alias);
            }
            if (chain == null) {
                throw new TokenUnavailableException("No certificate for key '" + alias + "' in the token");
            }
            return Arrays.stream(chain).map(X509Certificate.class::cast).toList();
        });
    }

    @Override
    public boolean containsKey(String alias) {
        return withRebuild(
                "look up '" + alias + "'",
                c -> c.keyStore().isKeyEntry(alias)
                        || (reloadList(c) && c.keyStore().isKeyEntry(alias)));
    }

    @Override
    public List<X509Certificate> generateKey(String alias, AlgorithmParameterSpec spec, KeyCertifier certifier) {
        String algorithm = spec instanceof ECGenParameterSpec ? "EC" : "RSA";
        return withRebuild("generate key '" + alias + "'", c -> {
            if (c.keyStore().containsAlias(alias)) {
                throw new IllegalStateException("Key '" + alias + "' already exists in the token");
            }
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm, c.provider());
            generator.initialize(spec);
            KeyPair pair = generator.generateKeyPair();
            List<X509Certificate> chain = certifier.certify(pair.getPublic());
            // Gives the token key its CKA_ID/CKA_LABEL and stores the certificates beside it.
            c.keyStore().setKeyEntry(alias, pair.getPrivate(), null, chain.toArray(Certificate[]::new));
            log.info("Generated key '{}' ({}) in the PKCS#11 token", alias, describe(spec));
            return List.copyOf(chain);
        });
    }

    @Override
    public void replaceCertificateChain(String alias, List<X509Certificate> chain) {
        withRebuild("replace the certificate of '" + alias + "'", c -> {
            Certificate current = c.keyStore().getCertificate(alias);
            if (current == null && reloadList(c)) {
                current = c.keyStore().getCertificate(alias);
            }
            if (current == null || !c.keyStore().isKeyEntry(alias)) {
                throw new TokenUnavailableException("No key '" + alias + "' in the token");
            }
            if (!current.getPublicKey().equals(chain.get(0).getPublicKey())) {
                throw new IllegalArgumentException("The certificate is not for the key '" + alias + "'");
            }
            // SunPKCS11 finds the entry by its public key and replaces the certificates; the key object stays
            c.keyStore().setKeyEntry(alias, privateKey(c, alias), null, chain.toArray(Certificate[]::new));
            c.keys().remove(alias);
            log.info("Replaced the certificate of key '{}' in the PKCS#11 token", alias);
            return null;
        });
    }

    private static String describe(AlgorithmParameterSpec spec) {
        if (spec instanceof ECGenParameterSpec ec) {
            return "EC " + ec.getName();
        }
        return spec instanceof RSAKeyGenParameterSpec rsa ? rsa.getKeysize() + " bit RSA" : spec.toString();
    }

    /**
     * Forgets the key handles and logs the token out; every later use is refused. Called by the application context
     * when it closes (an {@code AutoCloseable} bean).
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        Connection last = connection;
        last.keys().clear();
        try {
            if (last.provider() instanceof AuthProvider provider) {
                provider.logout();
            }
            log.info("PKCS#11 token {} closed (logged out)", providerConfig);
        } catch (LoginException | ProviderException e) {
            log.warn("PKCS#11 token {}: logout on close failed ({})", providerConfig, TokenErrors.describe(e));
        }
    }

    private <T> T withRebuild(String what, TokenCall<T> call) {
        if (closed) {
            throw new TokenUnavailableException("PKCS#11 token: " + what + " refused: the token connection is closed");
        }
        Connection used = connection;
        try {
            return call.apply(used);
        } catch (GeneralSecurityException | ProviderException e) {
            if (!TokenErrors.isRecoverable(e)) {
                throw new TokenUnavailableException(
                        "PKCS#11 token: " + what + " failed: " + TokenErrors.describe(e), e);
            }
            log.warn("PKCS#11 token: {} failed ({}); rebuilding the connection", what, TokenErrors.describe(e));
            Connection fresh = rebuild(used);
            try {
                return call.apply(fresh);
            } catch (GeneralSecurityException | ProviderException again) {
                throw new TokenUnavailableException(
                        "PKCS#11 token: " + what + " failed after reconnecting: " + TokenErrors.describe(again), again);
            }
        }
    }

    private synchronized Connection rebuild(Connection failed) {
        if (closed) {
            throw new TokenUnavailableException("PKCS#11 token: closed while in use");
        }
        if (connection == failed) {
            connection = connect();
        }
        return connection;
    }

    private Connection connect() {
        if (!Files.isReadable(providerConfig)) {
            throw new TokenUnavailableException(
                    "SunPKCS11 configuration " + providerConfig
                            + " not found; create the dev token with ops/dev-setup or point zcrd.signing.provider-config at it");
        }
        char[] pin = readPin();
        try {
            Provider provider = Security.getProvider("SunPKCS11").configure(providerConfig.toString());
            KeyStore keyStore = KeyStore.getInstance("PKCS11", provider);
            keyStore.load(null, pin);
            log.info("PKCS#11 token opened through {} ({} entries)", providerConfig, keyStore.size());
            return new Connection(provider, keyStore, new ConcurrentHashMap<>());
        } catch (IOException | GeneralSecurityException | ProviderException e) {
            String reason = TokenErrors.describe(e);
            if (reason.contains("CKR_PIN_INCORRECT") || reason.contains("CKR_PIN_LEN_RANGE")) {
                throw new TokenUnavailableException("The PKCS#11 token refused the PIN in " + pinFile, e);
            }
            throw new TokenUnavailableException(
                    "The PKCS#11 token configured in " + providerConfig + " is not available: " + reason, e);
        } finally {
            Arrays.fill(pin, '\0');
        }
    }

    private char[] readPin() {
        try {
            return Files.readString(pinFile, StandardCharsets.UTF_8).strip().toCharArray();
        } catch (IOException e) {
            throw new TokenUnavailableException("Token PIN file " + pinFile + " cannot be read", e);
        }
    }

    @FunctionalInterface
    private interface TokenCall<T> {
        T apply(Connection connection) throws GeneralSecurityException;
    }

    private PrivateKey privateKey(Connection c, String alias) throws GeneralSecurityException {
        PrivateKey key = c.keys().get(alias);
        if (key == null) {
            key = (PrivateKey) c.keyStore().getKey(alias, null);
            if (key == null && reloadList(c)) {
                key = (PrivateKey) c.keyStore().getKey(alias, null);
            }
            if (key == null) {
                throw new TokenUnavailableException("No private key '" + alias + "' in the token");
            }
            c.keys().put(alias, key);
        }
        return key;
    }

    /**
     * Reads the token's list of keys again (SunPKCS11 lists them once, when the key store is loaded): a key another
     * node generated in the shared token since (a new electronic seal) is found without a restart. Same provider and
     * login; the key handles already cached stay valid.
     *
     * @return true (for use in a condition)
     */
    private boolean reloadList(Connection c) throws GeneralSecurityException {
        char[] pin = readPin();
        try {
            c.keyStore().load(null, pin);
            log.info(
                    "PKCS#11 token: list of keys read again ({} entries)",
                    c.keyStore().size());
            return true;
        } catch (IOException e) {
            throw new KeyStoreException("reading the token's keys again failed", e);
        } finally {
            Arrays.fill(pin, '\0');
        }
    }

    /** One provider instance with its login and key handles; replaced as a whole on rebuild. */
    private record Connection(Provider provider, KeyStore keyStore, Map<String, PrivateKey> keys) {}
}

package cn.hrss.zcrd.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the application at this run's fresh database (see {@link TestDatabase}) and at this run's own copy of the
 * UKEY CA's CRL, which tests may extend (revocation tests) without touching the dev PKI. Every integration test
 * shares this one configuration, hence one application context: several faces applications in one JVM disturb
 * each other.
 */
public class IntegrationTestInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** Clients of the platform TSA's HTTP endpoint (enabled in the tests): name and secret, HTTP Basic. */
    public static final String TSA_CLIENT = "it-client";

    public static final String TSA_THROTTLED_CLIENT = "it-throttled";
    public static final String TSA_SECRET =
            java.util.HexFormat.of().formatHex(new java.security.SecureRandom().generateSeed(32));

    /** The CRL the TLS connector of the tests reads. */
    public static final Path UKEY_CRL =
            Path.of("target/test-pki/ukey-ca.crl.pem").toAbsolutePath();

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        // the tests' HTTP clients reach the public HTTPS face trusting the dev root, as a bureau browser would
        Faces.trustDevRootByDefault();
        // the lockout tests count how many tries reach the password check
        context.getBeanFactory().addBeanPostProcessor(new CountingPasswordEncoder.Wrapper());
        // a clock the tests can fix at an instant (e.g. near midnight UTC for the time-zone test)
        context.getBeanFactory().addBeanPostProcessor(new TestClock.Installer());
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "integrationTest",
                        Map.of(
                                "spring.datasource.url",
                                TestDatabase.url(),
                                "spring.datasource.username",
                                TestDatabase.user(),
                                "spring.datasource.password",
                                TestDatabase.password(),
                                "zcrd.tls.ukey-crl-file",
                                crlCopy().toString(),
                                "zcrd.signing.tsa.endpoint.enabled",
                                "true",
                                "zcrd.signing.tsa.endpoint.clients-file",
                                tsaClients().toString(),
                                // per-address limits: the tests' own client (127.0.0.1) is free; the limit tests
                                // come from other loopback addresses; verification with a small test capacity;
                                // a TSA client's budget refills slowly enough that a loaded machine cannot keep up
                                "zcrd.limits.unlimited-addresses",
                                "127.0.0.1",
                                "zcrd.limits.rules.tsa.period",
                                "24h",
                                "zcrd.limits.rules.verification.capacity",
                                "10",
                                "zcrd.limits.rules.verification.refill",
                                "10")));
    }

    private static synchronized Path tsaClients() {
        try {
            Path file = UKEY_CRL.resolveSibling("tsa-clients");
            String hash = java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(TSA_SECRET.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            Files.createDirectories(file.getParent());
            Files.writeString(
                    file,
                    "# test clients\n" + TSA_CLIENT + ":" + hash + "\n" + TSA_THROTTLED_CLIENT + ":" + hash + "\n");
            return file;
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static synchronized Path crlCopy() {
        try {
            if (!Files.exists(UKEY_CRL)) {
                Files.createDirectories(UKEY_CRL.getParent());
                Files.copy(DevPki.PKI.resolve("ukey-ca.crl.pem"), UKEY_CRL, StandardCopyOption.REPLACE_EXISTING);
            }
            return UKEY_CRL;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

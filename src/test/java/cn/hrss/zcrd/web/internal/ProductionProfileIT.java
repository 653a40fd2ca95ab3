package cn.hrss.zcrd.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import cn.hrss.zcrd.ZcrdApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * The production profile, set up the way docs/production-setup.md tells a bureau — a SoftHSM2 token standing in
 * for the HSM (initialised with its SO and user PIN), an offline root in its own token ({@code ops/offline-root}),
 * CA keys generated in the HSM with requests to the root and the issued certificates imported ({@code
 * ops/prod-setup requests / finish}), TLS material — starts; each kind of wrong configuration is refused with its
 * cause before the token or the database is touched.
 */
class ProductionProfileIT {

    private static final String MODULE = "/usr/lib/softhsm/libsofthsm2.so";
    private static final String PUBLIC_BASE = "https://zcrd.hrss.example.gov.cn";
    private static final String UKEY_URL = "https://ukey.zcrd.hrss.example.gov.cn/sdmanager/";
    private static final String ARC = "1.2.156.999999.7";

    @TempDir
    static Path dir;

    static Path home;
    static Map<String, String> environment;

    @BeforeAll
    static void setUpAsABureauWould() throws Exception {
        Path tokens = Files.createDirectories(dir.resolve("hsm"));
        Path softhsm = Files.writeString(
                dir.resolve("softhsm2.conf"),
                "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n");
        environment = Map.of("SOFTHSM2_CONF", softhsm.toString());
        Path pin = Files.writeString(dir.resolve("hsm-user.pin"), "8d1f0c2b77a94e11");
        Path rootPin = Files.writeString(dir.resolve("root-user.pin"), "5c3b9e0a12f64d88");
        home = dir.resolve("zcrd-home");
        Path root = dir.resolve("offline-root");

        // the HSM's and the root token's initialisation (a vendor tool for a real HSM)
        initToken("bureau-hsm", "a1b2c3d4e5f60718", pin);
        initToken("bureau-root", "0918f7e6d5c4b3a2", rootPin);
        offlineRoot(
                "init",
                root,
                "--module",
                MODULE,
                "--token",
                "bureau-root",
                "--pin-file",
                rootPin.toString(),
                "--subject",
                "/C=CN/O=某省人力资源和社会保障厅/CN=某省职称平台根CA",
                "--public-base",
                PUBLIC_BASE,
                "--bits",
                "3072");
        prodSetup("requests", pin, "--org", "某省人力资源和社会保障厅");
        for (String ca : List.of("seal-ca", "ukey-ca")) {
            signAtRoot(root, home.resolve("requests/" + ca + ".csr"), dir.resolve(ca + ".pem"));
        }
        offlineRoot("crl", root, "--out", dir.resolve("root.crl").toString());
        // the TLS server certificate: any CA the bureau uses; here the test root
        newKey("-new", "/O=Example Bureau/CN=zcrd.hrss.example.gov.cn", dir.resolve("tls.key"), dir.resolve("tls.csr"));
        signAtRoot(root, dir.resolve("tls.csr"), dir.resolve("tls.pem"), "--profile", "tls-server", "--days", "365");
        prodSetup(
                "finish",
                pin,
                "--root",
                root.resolve("root-ca.pem").toString(),
                "--root-crl",
                dir.resolve("root.crl").toString(),
                "--seal-ca",
                dir.resolve("seal-ca.pem").toString(),
                "--ukey-ca",
                dir.resolve("ukey-ca.pem").toString(),
                "--tls-cert",
                dir.resolve("tls.pem").toString(),
                "--tls-key",
                dir.resolve("tls.key").toString(),
                "--public-base",
                PUBLIC_BASE,
                "--ukey-url",
                UKEY_URL,
                "--policy-arc",
                ARC);
    }

    @Test
    void aStartWithEverythingRightSucceeds() throws Exception {
        Path log = dir.resolve("start.log");
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-XX:TieredStopAtLevel=1",
                        "-cp",
                        System.getProperty("java.class.path"),
                        ZcrdApplication.class.getName(),
                        "--spring.profiles.active=prod",
                        "--spring.config.additional-location=" + home.resolve("zcrd-prod.yml"),
                        "--spring.datasource.url=jdbc:h2:mem:prod;MODE=MySQL;DATABASE_TO_LOWER=TRUE",
                        "--server.port=0",
                        "--zcrd.http.port=0",
                        "--zcrd.https.port=0",
                        "--management.server.port=0")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process app = builder.start();
        try {
            // generous: a start takes ~15 s alone but minutes on two cores shared with other test runs
            await().atMost(Duration.ofMinutes(6))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> !app.isAlive() || read(log).contains("Started ZcrdApplication"));
            String output = read(log);
            assertThat(output)
                    .as("the application started")
                    .contains("Started ZcrdApplication")
                    .doesNotContain("APPLICATION FAILED TO START");
            assertThat(app.isAlive()).isTrue();
        } finally {
            app.destroy();
            if (!app.waitFor(60, TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
        }
    }

    @Test
    void aCaKeyInAFileIsRefused() throws Exception {
        Path anchors = Files.createDirectories(dir.resolve("anchors-with-a-key-store"));
        Files.copy(home.resolve("pki/root-ca.pem"), anchors.resolve("root-ca.pem"));
        newKey("-x509", "/CN=Seal CA", anchors.resolve("seal-ca.key"), anchors.resolve("seal-ca.crt"));
        run(
                "openssl",
                "pkcs12",
                "-export",
                "-inkey",
                anchors.resolve("seal-ca.key").toString(),
                "-in",
                anchors.resolve("seal-ca.crt").toString(),
                "-passout",
                "pass:x",
                "-out",
                anchors.resolve("seal-ca.p12").toString());

        assertRefused(
                ProductionReadiness.Cause.CA_KEY_IN_FILE,
                "seal-ca.p12",
                "zcrd.signing.root-certificate=" + anchors.resolve("root-ca.pem"));
        assertRefused(
                ProductionReadiness.Cause.CA_KEY_IN_FILE,
                "zcrd.ukey.ca-keystore",
                "zcrd.ukey.ca-keystore=" + anchors.resolve("seal-ca.p12"));
    }

    @Test
    void developmentMaterialIsRefused() throws Exception {
        assertRefused(
                ProductionReadiness.Cause.DEV_MATERIAL, "zcrd.dev.specimen-enabled", "zcrd.dev.specimen-enabled=true");
        assertRefused(
                ProductionReadiness.Cause.DEV_MATERIAL,
                "zcrd.ukey.dev-tokens.enabled",
                "zcrd.ukey.dev-tokens.enabled=true");
        assertRefused(
                ProductionReadiness.Cause.DEV_MATERIAL,
                "development arc",
                "zcrd.signing.policy-arc=" + cn.hrss.zcrd.signing.SigningProperties.DEVELOPMENT_POLICY_ARC);
        assertRefused(
                ProductionReadiness.Cause.DEV_MATERIAL,
                "DEV-ONLY",
                "zcrd.tls.ukey-crl-file=" + Path.of("var/pki/ukey-ca.crl.pem").toAbsolutePath());
    }

    @Test
    void aLocalAddressInCertificatesIsRefused() throws Exception {
        assertRefused(
                ProductionReadiness.Cause.LOOPBACK_ADDRESS,
                "public-base-url = http://localhost:8080",
                "zcrd.signing.revocation.public-base-url=http://localhost:8080");
        assertRefused(
                ProductionReadiness.Cause.LOOPBACK_ADDRESS,
                "zcrd.verification.base-url = https://127.0.0.1",
                "zcrd.verification.base-url=https://127.0.0.1");
    }

    @Test
    void aMissingUkeyAddressIsRefused() {
        // empty means "this node's own listener" (https://localhost:PORT): what users would be told in production
        assertRefused(
                ProductionReadiness.Cause.LOOPBACK_ADDRESS,
                "zcrd.backoffice.ukey-url is not set",
                "zcrd.backoffice.ukey-url=");
    }

    @Test
    void aLocalUkeyAddressIsRefused() {
        assertRefused(
                ProductionReadiness.Cause.LOOPBACK_ADDRESS,
                "zcrd.backoffice.ukey-url = https://localhost:8443/sdmanager/: a local host name",
                "zcrd.backoffice.ukey-url=https://localhost:8443/sdmanager/");
        assertRefused(
                ProductionReadiness.Cause.LOOPBACK_ADDRESS,
                "zcrd.backoffice.ukey-url = https://127.0.0.1:8443/sdmanager/: a loopback or wildcard address",
                "zcrd.backoffice.ukey-url=https://127.0.0.1:8443/sdmanager/");
    }

    @Test
    void aManagementPortOnEveryInterfaceOrAPublicAddressIsRefused() {
        assertRefused(
                ProductionReadiness.Cause.MANAGEMENT_EXPOSED,
                "management.server.address = 0.0.0.0: every interface",
                "management.server.address=0.0.0.0");
        assertRefused(
                ProductionReadiness.Cause.MANAGEMENT_EXPOSED,
                "management.server.address = 203.0.113.7: 203.0.113.7 is a public address",
                "management.server.address=203.0.113.7");
    }

    @Test
    void missingTlsMaterialIsRefused() throws Exception {
        Path missing = dir.resolve("nowhere/server-key.pem");
        assertRefused(
                ProductionReadiness.Cause.TLS_MISSING,
                missing.toString(),
                "spring.ssl.bundle.pem.ukey-tls.keystore.private-key=file:" + missing);
        assertRefused(
                ProductionReadiness.Cause.TLS_MISSING,
                "is not the private key of",
                "spring.ssl.bundle.pem.ukey-tls.keystore.private-key=file:" + dir.resolve("tls.key"),
                "spring.ssl.bundle.pem.ukey-tls.keystore.certificate=file:" + home.resolve("pki/root-ca.pem"));
    }

    @Test
    void aMissingCaptchaKeyIsRefused() {
        Path missing = dir.resolve("nowhere/captcha-hmac.key");
        assertRefused(
                ProductionReadiness.Cause.SECRET_MISSING, missing.toString(), "zcrd.captcha.hmac-key-file=" + missing);
    }

    @Test
    void externalCaModeWithoutItsAnchorsOrCrlsIsRefused() throws Exception {
        String rootCa = home.resolve("pki/root-ca.pem").toString();
        String someCrl = home.resolve("pki/root-ca.crl.pem").toString();
        assertThat(Path.of(someCrl)).isReadable();
        assertRefused(
                ProductionReadiness.Cause.EXTERNAL_CA,
                "zcrd.signing.external-ca.anchors is not set (zcrd.signing.seal-certificates external)",
                "zcrd.signing.seal-certificates=external",
                "zcrd.signing.external-ca.crls=" + someCrl);
        Path missing = dir.resolve("nowhere/licensed-ca.pem");
        assertRefused(
                ProductionReadiness.Cause.EXTERNAL_CA,
                "external CA anchor " + missing + " cannot be read",
                "zcrd.backoffice.ukey-certificates=external",
                "zcrd.signing.external-ca.anchors=" + missing,
                "zcrd.signing.external-ca.crls=" + someCrl);
        Path notACertificate = Files.writeString(dir.resolve("licensed-ca-garbage.pem"), "not a certificate");
        assertRefused(
                ProductionReadiness.Cause.EXTERNAL_CA,
                "external CA anchor " + notACertificate + " holds no certificate",
                "zcrd.backoffice.ukey-certificates=external",
                "zcrd.signing.external-ca.anchors=" + notACertificate,
                "zcrd.signing.external-ca.crls=" + someCrl);
        Path endEntity = dir.resolve("tls.pem"); // the TLS server certificate: no CA
        assertRefused(
                ProductionReadiness.Cause.EXTERNAL_CA,
                "external CA anchor " + endEntity + " is not a CA certificate",
                "zcrd.signing.seal-certificates=external",
                "zcrd.signing.external-ca.anchors=" + rootCa + "," + endEntity,
                "zcrd.signing.external-ca.crls=" + someCrl);
        assertRefused(
                ProductionReadiness.Cause.EXTERNAL_CA,
                "zcrd.signing.external-ca.crls is not set (zcrd.backoffice.ukey-certificates external)",
                "zcrd.backoffice.ukey-certificates=external",
                "zcrd.signing.external-ca.anchors=" + rootCa);
        assertRefused(
                ProductionReadiness.Cause.EXTERNAL_CA,
                "external CA CRL " + dir.resolve("nowhere/licensed-ca.crl") + " cannot be read",
                "zcrd.backoffice.ukey-certificates=external",
                "zcrd.signing.external-ca.anchors=" + rootCa,
                "zcrd.signing.external-ca.crls=" + dir.resolve("nowhere/licensed-ca.crl"));
    }

    /**
     * Starts the application in this JVM with the prod profile, the bureau's configuration and {@code overrides}:
     * it must stop with {@code cause} (and only that cause) named, before any bean touched the token.
     */
    private static void assertRefused(ProductionReadiness.Cause cause, String mentioning, String... overrides) {
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.config.additional-location=" + home.resolve("zcrd-prod.yml"),
                "--spring.datasource.url=jdbc:h2:mem:refused;MODE=MySQL;DATABASE_TO_LOWER=TRUE",
                "--server.port=0",
                "--zcrd.http.port=0",
                "--zcrd.https.port=0",
                "--management.server.port=0",
                "--spring.main.banner-mode=off"));
        for (String override : overrides) {
            arguments.add("--" + override); // command-line arguments: above the bureau's configuration file
        }
        Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(ZcrdApplication.class)
                .profiles("prod")
                .logStartupInfo(false)
                .run(arguments.toArray(String[]::new))
                .close());

        ProductionSetupException refused = find(failure);
        assertThat(refused)
                .as("refused with a production set-up problem: %s", failure)
                .isNotNull();
        assertThat(refused.problems())
                .as("the causes")
                .extracting(ProductionReadiness.Problem::cause)
                .containsOnly(cause);
        FailureAnalysis analysis = new ProductionSetupFailureAnalyzer().analyze(failure);
        assertThat(analysis.getDescription())
                .contains("The production profile (prod) refuses to start")
                .contains(cause.title)
                .contains(mentioning);
        assertThat(analysis.getAction()).contains("docs/production-setup.md");
    }

    private static ProductionSetupException find(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ProductionSetupException refused) {
                return refused;
            }
        }
        return null;
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Initialises a free SoftHSM2 slot as token {@code label} with that SO PIN and the user PIN in {@code pin}. */
    private static void initToken(String label, String soPin, Path pin) throws Exception {
        run(
                "softhsm2-util",
                "--init-token",
                "--free",
                "--label",
                label,
                "--so-pin",
                soPin,
                "--pin",
                Files.readString(pin));
    }

    /** {@code ops/offline-root step --dir root …}. */
    private static void offlineRoot(String step, Path root, String... arguments) throws Exception {
        run(concat(List.of("ops/offline-root", step, "--dir", root.toString()), arguments));
    }

    /** The offline root signs the request {@code csr}; the certificate goes to {@code out}. */
    private static void signAtRoot(Path root, Path csr, Path out, String... arguments) throws Exception {
        offlineRoot("sign", root, concat(List.of("--csr", csr.toString(), "--out", out.toString()), arguments));
    }

    /** {@code ops/prod-setup step} on the bureau's home and HSM token (user PIN in {@code pin}). */
    private static void prodSetup(String step, Path pin, String... arguments) throws Exception {
        run(concat(
                List.of(
                        "ops/prod-setup",
                        step,
                        "--home",
                        home.toString(),
                        "--module",
                        MODULE,
                        "--token",
                        "bureau-hsm",
                        "--pin-file",
                        pin.toString()),
                arguments));
    }

    /**
     * A new RSA key without a passphrase into {@code key} and, from {@code openssl req}, a request ({@code -new}) or a
     * self-signed certificate ({@code -x509}) for {@code subject} into {@code out}.
     */
    private static void newKey(String kind, String subject, Path key, Path out) throws Exception {
        run(
                "openssl",
                "req",
                kind,
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-subj",
                subject,
                "-keyout",
                key.toString(),
                "-out",
                out.toString());
    }

    private static String[] concat(List<String> first, String... rest) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(rest));
        return all.toArray(String[]::new);
    }

    private static void run(String... command) throws Exception {
        List<String> line = new ArrayList<>(List.of(command));
        ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(300, TimeUnit.SECONDS))
                .as("%s finished", line)
                .isTrue();
        assertThat(process.exitValue()).as("%s:%n%s", line, output).isZero();
    }
}

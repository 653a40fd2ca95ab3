package cn.hrss.zcrd.web.internal;

import cn.hrss.zcrd.signing.SigningProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;

/**
 * What a {@code prod} start refuses, each cause with its own message (see docs/production-setup.md):
 *
 * <ul>
 *   <li>{@link Cause#CA_KEY_IN_FILE} — a CA key configured as a file (the former {@code *-ca-keystore} settings), or
 *       a key store or a CA's private key beside the trust anchors;</li>
 *   <li>{@link Cause#DEV_MATERIAL} — the dev profile, a dev-only switch (bootstrap admin, specimen, dev UKEY
 *       tokens), the development policy arc, or a configured path inside a directory that {@code ops/dev-setup}
 *       marked as development material ({@code DEV-ONLY});</li>
 *   <li>{@link Cause#LOOPBACK_ADDRESS} — an address printed into certificates (verification base URL, the public
 *       base of CRL distribution points and AIA) or told to users (the back office's UKEY address {@code
 *       zcrd.backoffice.ukey-url}, on the login page, an issuing unit's page and every "needs a UKEY" refusal)
 *       that is missing, localhost, a loopback or a wildcard address, or no absolute http(s) address at all;</li>
 *   <li>{@link Cause#TLS_MISSING} — the TLS material of a listener missing, unreadable, expired or not matching its
 *       key, or the UKEY CA's CRL missing;</li>
 *   <li>{@link Cause#EXTERNAL_CA} — external-CA mode (seal or UKEY certificates) without anchors, with an anchor
 *       file that is missing, unreadable or holds no CA certificate, or without (readable) CRLs of the CA.</li>
 * </ul>
 *
 * It reads only configuration and files, so it runs before the token or the database is touched.
 */
final class ProductionReadiness {

    /** Why a production start is refused. */
    enum Cause {
        CA_KEY_IN_FILE("a CA key is in a file"),
        DEV_MATERIAL("development material is active"),
        LOOPBACK_ADDRESS("a public address (written into certificates or told to users) is local or missing"),
        TLS_MISSING("TLS material is missing"),
        SECRET_MISSING("a secret of the installation is missing"),
        EXTERNAL_CA("the external CA is not configured completely"),
        MANAGEMENT_EXPOSED("the management port (probes, metrics) would be reachable from outside");

        final String title;

        Cause(String title) {
            this.title = title;
        }
    }

    /** One reason to refuse. */
    record Problem(Cause cause, String detail) {

        @Override
        public String toString() {
            return "[" + cause.title + "] " + detail;
        }
    }

    /** Every file setting that must not point into development material. */
    private static final List<String> FILE_SETTINGS = List.of(
            "zcrd.signing.provider-config",
            "zcrd.signing.pin-file",
            "zcrd.signing.root-certificate",
            "zcrd.signing.revocation.root-crl",
            "zcrd.tls.ukey-crl-file",
            "zcrd.backoffice.totp-key-file");

    /**
     * Addresses others reach: the two written into certificates, and the UKEY address told to users (empty means
     * "this node's own listener", https://localhost:PORT — right in development, never in production).
     */
    private static final List<String> PUBLIC_ADDRESSES = List.of(
            "zcrd.signing.revocation.public-base-url", "zcrd.verification.base-url", "zcrd.backoffice.ukey-url");

    private static final Set<String> DEV_SWITCHES =
            Set.of("zcrd.dev.bootstrap-admin", "zcrd.dev.specimen-enabled", "zcrd.ukey.dev-tokens.enabled");

    private static final String PEM_BUNDLES = "spring.ssl.bundle.pem.";

    private final Environment environment;
    private final List<Problem> problems = new ArrayList<>();

    private ProductionReadiness(Environment environment) {
        this.environment = environment;
    }

    /** All problems of this configuration; empty when a production start may go on. */
    static List<Problem> check(Environment environment) {
        ProductionReadiness readiness = new ProductionReadiness(environment);
        readiness.caKeys();
        readiness.devMaterial();
        readiness.addresses();
        readiness.tls();
        readiness.secrets();
        readiness.externalCa();
        readiness.managementAddress();
        return List.copyOf(readiness.problems);
    }

    private void caKeys() {
        for (String legacy : List.of("zcrd.signing.seal-ca-keystore", "zcrd.ukey.ca-keystore")) {
            if (hasText(environment.getProperty(legacy))) {
                problem(Cause.CA_KEY_IN_FILE, legacy + " names a key file; CA keys live in the token only");
            }
        }
        List<Path> anchors = new ArrayList<>();
        path("zcrd.signing.root-certificate").ifPresent(anchors::add);
        bundleFiles("truststore.certificate").forEach(anchors::add);
        List<PublicKey> caKeys = new ArrayList<>();
        Set<Path> directories = new LinkedHashSet<>();
        for (Path anchor : anchors) {
            readCertificate(anchor).ifPresent(c -> caKeys.add(c.getPublicKey()));
            if (anchor.toAbsolutePath().getParent() != null) {
                directories.add(anchor.toAbsolutePath().getParent());
            }
        }
        for (Path directory : directories) {
            try (Stream<Path> files = Files.list(directory)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
                    if (name.endsWith(".p12") || name.endsWith(".pfx") || name.endsWith(".jks")) {
                        problem(Cause.CA_KEY_IN_FILE, "key store " + file + " lies beside the trust anchors");
                    } else if (holdsKeyOf(file, caKeys)) {
                        problem(Cause.CA_KEY_IN_FILE, file + " holds the private key of a CA certificate");
                    }
                }
            } catch (IOException e) {
                // an unreadable directory: the TLS and token checks name what is missing
            }
        }
    }

    private void devMaterial() {
        if (Arrays.asList(environment.getActiveProfiles()).contains("dev")) {
            problem(Cause.DEV_MATERIAL, "the dev profile is active together with prod");
        }
        for (String name : new TreeSet<>(DEV_SWITCHES)) {
            if ("true".equalsIgnoreCase(environment.getProperty(name, "false").strip())) {
                problem(Cause.DEV_MATERIAL, name + " is true (a development-only feature)");
            }
        }
        String arc = environment.getProperty("zcrd.signing.policy-arc", SigningProperties.DEVELOPMENT_POLICY_ARC);
        if (SigningProperties.DEVELOPMENT_POLICY_ARC.equals(arc.strip())) {
            problem(
                    Cause.DEV_MATERIAL,
                    "zcrd.signing.policy-arc is the development arc; set the bureau's registered OID arc");
        }
        List<String> settings = new ArrayList<>(FILE_SETTINGS);
        settings.addAll(bundleSettings());
        for (String setting : settings) {
            path(setting)
                    .flatMap(ProductionReadiness::devMarker)
                    .ifPresent(marker -> problem(
                            Cause.DEV_MATERIAL,
                            setting + " = " + environment.getProperty(setting) + " lies in development material ("
                                    + marker + ")"));
        }
    }

    private void addresses() {
        for (String setting : PUBLIC_ADDRESSES) {
            String value = environment.getProperty(setting);
            String reason = localReason(value);
            if (!hasText(value)) {
                problem(Cause.LOOPBACK_ADDRESS, setting + " is not set");
            } else if (reason != null) {
                problem(Cause.LOOPBACK_ADDRESS, setting + " = " + value + ": " + reason);
            }
        }
    }

    /**
     * The management server answers probes and metrics without login: it must listen on loopback or an internal
     * (private) interface only — never on every interface or a public address (docs/operations.md, "Monitoring").
     */
    private void managementAddress() {
        String setting = "management.server.address";
        String value = environment.getProperty(setting);
        if (!hasText(value)) {
            problem(Cause.MANAGEMENT_EXPOSED, setting + " is not set: the management port would listen everywhere");
            return;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(value.strip())) {
                if (address.isAnyLocalAddress()) {
                    problem(Cause.MANAGEMENT_EXPOSED, setting + " = " + value + ": every interface");
                    return;
                }
                if (!internal(address)) {
                    problem(
                            Cause.MANAGEMENT_EXPOSED,
                            setting + " = " + value + ": " + address.getHostAddress() + " is a public address");
                    return;
                }
            }
        } catch (UnknownHostException e) {
            problem(Cause.MANAGEMENT_EXPOSED, setting + " = " + value + ": not an address of this host");
        }
    }

    /** Loopback, link-local or private (RFC 1918, and IPv6 unique local fc00::/7). */
    static boolean internal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()) {
            return true;
        }
        return address instanceof Inet6Address && (address.getAddress()[0] & 0xFE) == 0xFC;
    }

    private void tls() {
        String bundle = environment.getProperty("server.ssl.bundle");
        if (!hasText(bundle)) {
            problem(Cause.TLS_MISSING, "server.ssl.bundle is not set: the UKEY listener has no TLS material");
        }
        Set<String> bundles = new TreeSet<>(bundleNames());
        if (hasText(bundle) && !bundles.contains(bundle.strip())) {
            problem(Cause.TLS_MISSING, "server.ssl.bundle = " + bundle + " is not a configured PEM bundle");
        }
        for (String name : bundles) {
            String prefix = PEM_BUNDLES + name + ".";
            Path certificate = required(Cause.TLS_MISSING, prefix + "keystore.certificate");
            Path key = required(Cause.TLS_MISSING, prefix + "keystore.private-key");
            path(prefix + "truststore.certificate")
                    .ifPresent(trust -> readable(Cause.TLS_MISSING, prefix + "truststore.certificate"));
            if (certificate != null && key != null) {
                readCertificate(certificate)
                        .ifPresentOrElse(
                                c -> {
                                    try {
                                        c.checkValidity();
                                    } catch (GeneralSecurityException e) {
                                        problem(Cause.TLS_MISSING, certificate + " has expired or is not yet valid");
                                    }
                                    if (!holdsKeyOf(key, List.of(c.getPublicKey()))) {
                                        problem(Cause.TLS_MISSING, key + " is not the private key of " + certificate);
                                    }
                                },
                                () -> problem(Cause.TLS_MISSING, certificate + " is not a PEM certificate"));
            }
        }
        required(Cause.TLS_MISSING, "zcrd.tls.ukey-crl-file");
    }

    /** The keys ops/prod-setup generates beside the token: the captcha's HMAC key and the TOTP sealing key. */
    private void secrets() {
        required(Cause.SECRET_MISSING, "zcrd.captcha.hmac-key-file");
        required(Cause.SECRET_MISSING, "zcrd.backoffice.totp-key-file");
    }

    /**
     * External-CA mode ({@code zcrd.signing.seal-certificates} or {@code zcrd.backoffice.ukey-certificates} is {@code
     * external}): the licensed CA's anchors must be readable CA certificates and its CRLs readable — else imported
     * certificates could not be checked, or (UKEY mode) the TLS listener could not check revocation.
     */
    private void externalCa() {
        List<String> modes = new ArrayList<>();
        for (String mode : List.of("zcrd.signing.seal-certificates", "zcrd.backoffice.ukey-certificates")) {
            if ("external"
                    .equalsIgnoreCase(environment.getProperty(mode, "internal").strip())) {
                modes.add(mode);
            }
        }
        if (modes.isEmpty()) {
            return;
        }
        String why = String.join(" and ", modes) + " external";
        List<Path> anchors = paths("zcrd.signing.external-ca.anchors");
        if (anchors.isEmpty()) {
            problem(Cause.EXTERNAL_CA, "zcrd.signing.external-ca.anchors is not set (" + why + ")");
        }
        for (Path anchor : anchors) {
            if (!Files.isReadable(anchor) || Files.isDirectory(anchor)) {
                problem(Cause.EXTERNAL_CA, "external CA anchor " + anchor + " cannot be read");
                continue;
            }
            List<X509Certificate> certificates = readCertificates(anchor);
            if (certificates.isEmpty()) {
                problem(Cause.EXTERNAL_CA, "external CA anchor " + anchor + " holds no certificate");
            } else if (certificates.stream().anyMatch(c -> !isCa(c))) {
                problem(
                        Cause.EXTERNAL_CA,
                        "external CA anchor " + anchor
                                + " is not a CA certificate (basic constraints CA:TRUE and keyCertSign needed)");
            }
        }
        List<Path> crls = paths("zcrd.signing.external-ca.crls");
        if (crls.isEmpty()) {
            problem(Cause.EXTERNAL_CA, "zcrd.signing.external-ca.crls is not set (" + why + ")");
        }
        for (Path crl : crls) {
            if (!Files.isReadable(crl) || Files.isDirectory(crl)) {
                problem(Cause.EXTERNAL_CA, "external CA CRL " + crl + " cannot be read");
            }
        }
    }

    private static boolean isCa(X509Certificate certificate) {
        boolean[] usage = certificate.getKeyUsage();
        return certificate.getBasicConstraints() >= 0 && (usage == null || usage.length > 5 && usage[5]);
    }

    /** A list setting (comma-separated or indexed, as Spring binds it) as paths. */
    private List<Path> paths(String setting) {
        List<String> values = new ArrayList<>();
        if (environment instanceof ConfigurableEnvironment configurable) {
            Binder.get(configurable)
                    .bind(setting, Bindable.listOf(String.class))
                    .ifBound(values::addAll);
        } else if (hasText(environment.getProperty(setting))) {
            values.addAll(Arrays.asList(environment.getProperty(setting).split(",")));
        }
        return values.stream()
                .filter(ProductionReadiness::hasText)
                .map(String::strip)
                .map(v -> Path.of(v.startsWith("file:") ? v.substring(5) : v))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static List<X509Certificate> readCertificates(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return List.copyOf((java.util.Collection<X509Certificate>)
                    CertificateFactory.getInstance("X.509").generateCertificates(in));
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            return List.of();
        }
    }

    /** Why {@code value} may not be written into certificates, or null when it may. */
    static String localReason(String value) {
        if (!hasText(value)) {
            return "not set";
        }
        URI uri;
        try {
            uri = URI.create(value.strip());
        } catch (IllegalArgumentException e) {
            return "not an address";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (!scheme.equals("http") && !scheme.equals("https") || host == null) {
            return "not an absolute http(s) address";
        }
        String name = host.toLowerCase(Locale.ROOT);
        if (name.equals("localhost") || name.endsWith(".localhost") || name.endsWith(".local")) {
            return "a local host name";
        }
        if (name.matches("[0-9.]+") || name.startsWith("[")) {
            try {
                InetAddress address = InetAddress.getByName(name); // a literal: no lookup
                if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()) {
                    return "a loopback or wildcard address";
                }
            } catch (IOException e) {
                return "not an address";
            }
        }
        return null;
    }

    private Path required(Cause cause, String setting) {
        Path file = path(setting).orElse(null);
        if (file == null) {
            problem(cause, setting + " is not set");
            return null;
        }
        return readable(cause, setting) ? file : null;
    }

    private boolean readable(Cause cause, String setting) {
        Path file = path(setting).orElseThrow();
        if (!Files.isReadable(file) || Files.isDirectory(file)) {
            problem(cause, setting + " = " + file + " cannot be read");
            return false;
        }
        return true;
    }

    private java.util.Optional<Path> path(String setting) {
        String value = environment.getProperty(setting);
        if (!hasText(value)) {
            return java.util.Optional.empty();
        }
        String file = value.strip();
        if (file.startsWith("classpath:")) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(Path.of(file.startsWith("file:") ? file.substring(5) : file));
    }

    /** The {@code DEV-ONLY} marker of ops/dev-setup in the file's directory or above, if any. */
    private static java.util.Optional<Path> devMarker(Path file) {
        for (Path dir = file.toAbsolutePath().normalize().getParent(); dir != null; dir = dir.getParent()) {
            Path marker = dir.resolve("DEV-ONLY");
            if (Files.exists(marker)) {
                return java.util.Optional.of(marker);
            }
        }
        return java.util.Optional.empty();
    }

    private Set<String> bundleNames() {
        Set<String> names = new TreeSet<>();
        if (environment instanceof ConfigurableEnvironment configurable) {
            for (var source : configurable.getPropertySources()) {
                if (source instanceof EnumerablePropertySource<?> enumerable) {
                    for (String property : enumerable.getPropertyNames()) {
                        if (property.startsWith(PEM_BUNDLES)) {
                            String rest = property.substring(PEM_BUNDLES.length());
                            if (rest.indexOf('.') > 0) {
                                names.add(rest.substring(0, rest.indexOf('.')));
                            }
                        }
                    }
                }
            }
        }
        return names;
    }

    private List<String> bundleSettings() {
        List<String> settings = new ArrayList<>();
        for (String name : bundleNames()) {
            for (String part : List.of("keystore.certificate", "keystore.private-key", "truststore.certificate")) {
                settings.add(PEM_BUNDLES + name + "." + part);
            }
        }
        return settings;
    }

    private List<Path> bundleFiles(String part) {
        List<Path> files = new ArrayList<>();
        for (String name : bundleNames()) {
            path(PEM_BUNDLES + name + "." + part).ifPresent(files::add);
        }
        return files;
    }

    private static java.util.Optional<X509Certificate> readCertificate(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return java.util.Optional.of(
                    (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in));
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    /** Whether the PEM file holds a private key (unencrypted) whose public key is one of {@code keys}. */
    private static boolean holdsKeyOf(Path file, List<PublicKey> keys) {
        String text;
        try {
            if (Files.size(file) > 1_000_000) {
                return false;
            }
            text = Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return false;
        }
        if (!text.contains("PRIVATE KEY-----")) {
            return false;
        }
        try (PEMParser pem = new PEMParser(new StringReader(text))) {
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            for (Object object = pem.readObject(); object != null; object = pem.readObject()) {
                PublicKey key = null;
                if (object instanceof PEMKeyPair pair) {
                    key = converter.getKeyPair(pair).getPublic();
                } else if (object instanceof PrivateKeyInfo info
                        && converter.getPrivateKey(info) instanceof java.security.interfaces.RSAPrivateCrtKey rsa) {
                    key = java.security.KeyFactory.getInstance("RSA")
                            .generatePublic(
                                    new java.security.spec.RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
                }
                if (key != null && keys.contains(key)) {
                    return true;
                }
            }
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            return false;
        }
        return false;
    }

    private void problem(Cause cause, String detail) {
        problems.add(new Problem(cause, detail));
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}

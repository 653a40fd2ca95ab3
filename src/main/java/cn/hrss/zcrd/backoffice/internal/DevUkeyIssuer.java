package cn.hrss.zcrd.backoffice.internal;

import cn.hrss.zcrd.backoffice.DevUkeyToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Development and tests only ({@code zcrd.ukey.dev-tokens.enabled}): makes a NEW SoftHSM2 token per UKEY the way a
 * UKEY is personalised — {@code softhsm2-util --init-token}, key pair generated inside the token
 * ({@code pkcs11-tool --keypairgen}: sensitive, never extractable), public key read out, certificate written back.
 *
 * <p>Why separate processes: SoftHSM2 reads its token directory once, when a process initialises the library;
 * this JVM already uses it (the platform signing token), so a token created now is invisible to it — just as a
 * UKEY plugged into an administrator's computer is not the server's business. The token's user PIN and a
 * SunPKCS11 configuration for it are written to {@code zcrd.ukey.dev-tokens.directory} (var/ukeys).
 */
@Component
public class DevUkeyIssuer {

    private static final Logger log = LoggerFactory.getLogger(DevUkeyIssuer.class);
    private static final Pattern SLOT = Pattern.compile("reassigned to slot (\\d+)");
    private static final String OBJECT_ID = "01";
    private static final String OBJECT_LABEL = "ukey";
    private static final List<String> LIBRARIES = List.of(
            "/usr/lib/softhsm/libsofthsm2.so",
            "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
            "/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so");

    private final boolean enabled;
    private final Path directory;
    private final int keySize;
    private final SecureRandom random = new SecureRandom();

    DevUkeyIssuer(
            @Value("${zcrd.ukey.dev-tokens.enabled:false}") boolean enabled,
            @Value("${zcrd.ukey.dev-tokens.directory:var/ukeys}") Path directory,
            @Value("${zcrd.ukey.dev-tokens.key-size:2048}") int keySize) {
        this.enabled = enabled;
        this.directory = directory;
        this.keySize = keySize;
    }

    public boolean enabled() {
        return enabled;
    }

    /** A new token for {@code username} with a key pair inside; its public key is returned with it. */
    public Pending begin(String username) {
        requireEnabled();
        String label = label(username);
        String pin = HexFormat.of().formatHex(randomBytes(8));
        String soPin = HexFormat.of().formatHex(randomBytes(8));
        String library = library();
        try {
            String init =
                    run("softhsm2-util", "--init-token", "--free", "--label", label, "--pin", pin, "--so-pin", soPin);
            Matcher slot = SLOT.matcher(init);
            if (!slot.find()) {
                throw new IllegalStateException("softhsm2-util did not name the new slot: " + init);
            }
            pkcs11Tool(
                    library,
                    label,
                    "--login",
                    "--pin",
                    pin,
                    "--keypairgen",
                    "--key-type",
                    "rsa:" + keySize,
                    "--id",
                    OBJECT_ID,
                    "--label",
                    OBJECT_LABEL,
                    "--usage-sign");
            Path publicKeyFile = Files.createTempFile("ukey-", ".pub.der");
            try {
                pkcs11Tool(
                        library,
                        label,
                        "--read-object",
                        "--type",
                        "pubkey",
                        "--id",
                        OBJECT_ID,
                        "-o",
                        publicKeyFile.toString());
                PublicKey publicKey = KeyFactory.getInstance("RSA")
                        .generatePublic(new X509EncodedKeySpec(Files.readAllBytes(publicKeyFile)));
                return new Pending(label, slot.group(1), pin, publicKey);
            } finally {
                Files.deleteIfExists(publicKeyFile);
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Dev UKEY token " + label + " could not be made", e);
        }
    }

    /** Writes the certificate into the token beside its key and leaves the PIN and a SunPKCS11 config in var/ukeys. */
    public DevUkeyToken finish(Pending token, X509Certificate certificate) {
        String library = library();
        try {
            Path der = Files.createTempFile("ukey-", ".crt.der");
            try {
                Files.write(der, certificate.getEncoded());
                pkcs11Tool(
                        library,
                        token.label(),
                        "--login",
                        "--pin",
                        token.pin(),
                        "--write-object",
                        der.toString(),
                        "--type",
                        "cert",
                        "--id",
                        OBJECT_ID,
                        "--label",
                        OBJECT_LABEL);
            } finally {
                Files.deleteIfExists(der);
            }
            Files.createDirectories(directory);
            Path pinFile = directory.resolve(token.label() + ".pin");
            Files.writeString(pinFile, token.pin(), StandardCharsets.US_ASCII);
            restrict(pinFile);
            Path config = directory.resolve(token.label() + ".cfg");
            Files.writeString(
                    config,
                    "# SunPKCS11 configuration of the dev UKEY " + token.label()
                            + " (made by the back office; DEVELOPMENT ONLY)\nname = Ukey" + token.slot()
                            + "\nlibrary = "
                            + library + "\nslot = " + token.slot() + "\n",
                    StandardCharsets.US_ASCII);
            log.info(
                    "Dev UKEY token {} (slot {}) holds the certificate {}",
                    token.label(),
                    token.slot(),
                    certificate.getSerialNumber().toString(16));
            return new DevUkeyToken(token.label(), config.toAbsolutePath(), pinFile.toAbsolutePath());
        } catch (IOException | CertificateEncodingException e) {
            throw new IllegalStateException("Dev UKEY token " + token.label() + " could not be finished", e);
        }
    }

    /** Removes a token made by {@link #create} that will not be used (its certificate could not be issued). */
    public void discard(Pending token) {
        try {
            run("softhsm2-util", "--delete-token", "--token", token.label());
        } catch (IOException | RuntimeException e) {
            log.warn("Dev UKEY token {} could not be removed: {}", token.label(), e.getMessage());
        }
    }

    /** A token with a key pair, waiting for its certificate. */
    public record Pending(String label, String slot, String pin, PublicKey publicKey) {

        @Override
        public String toString() {
            return "Pending[" + label + ", slot " + slot + "]";
        }
    }

    private String label(String username) {
        String safe = username.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
        // SoftHSM2 labels hold 32 characters: "ukey-" + 8 hex + "-" + at most 18 of the name
        return "ukey-" + HexFormat.of().formatHex(randomBytes(4)) + "-"
                + (safe.length() > 18 ? safe.substring(0, 18) : safe);
    }

    private void requireEnabled() {
        if (!enabled) {
            throw new IllegalStateException("dev UKEY tokens are disabled (zcrd.ukey.dev-tokens.enabled=false)");
        }
    }

    private byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    private static String library() {
        return LIBRARIES.stream()
                .filter(path -> Files.isRegularFile(Path.of(path)))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("libsofthsm2.so not found (Debian package softhsm2)"));
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: leave as is
        }
    }

    /** Runs a tool (SOFTHSM2_CONF is inherited from this JVM's environment); its output, or an exception. */
    /** Runs {@code pkcs11-tool} with {@code options} on the token labelled {@code label} of {@code library}. */
    private static String pkcs11Tool(String library, String label, String... options) throws IOException {
        List<String> command = new ArrayList<>(List.of("pkcs11-tool", "--module", library, "--token-label", label));
        command.addAll(List.of(options));
        return run(command.toArray(String[]::new));
    }

    private static String run(String... command) throws IOException {
        List<String> shown = new ArrayList<>(List.of(command));
        for (int i = 0; i < shown.size() - 1; i++) {
            if (shown.get(i).endsWith("pin")) {
                shown.set(i + 1, "***");
            }
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", shown) + " failed: " + output.strip());
            }
            return output;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + String.join(" ", shown), e);
        } finally {
            process.destroy();
        }
    }
}

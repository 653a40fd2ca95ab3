package cn.hrss.zcrd.signing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.zcrd.support.DevPki;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.junit.jupiter.api.Test;

/**
 * After {@code ops/dev-setup}: the seal CA's and the UKEY CA's keys are objects of the platform token and the root's
 * key an object of its own token — generated there, sensitive, sign-only, never extractable (as pkcs11-tool sees
 * them) — and no file under var/ holds the private key of any CA.
 */
class CaKeysInTokensIT {

    private static final String MODULE = "/usr/lib/softhsm/libsofthsm2.so";

    @Test
    void theSealCaAndUkeyCaKeysAreNonExtractableSignOnlyObjectsOfThePlatformToken() throws Exception {
        Map<String, String> access = privateKeys("zcrd-platform", "platform-token.pin");

        for (String ca : List.of("seal-ca", "ukey-ca")) {
            assertThat(access).as("the platform token holds the key " + ca).containsKey(ca);
            assertThat(access.get(ca))
                    .as(ca)
                    .contains("Usage:      sign")
                    .doesNotContain("decrypt")
                    .doesNotContain("unwrap")
                    .contains("sensitive", "always sensitive", "never extractable", "local");
        }
    }

    @Test
    void theRootKeyIsOnlyInTheRootToken() throws Exception {
        Map<String, String> root = privateKeys("zcrd-root", "root-token.pin");
        assertThat(root).containsOnlyKeys("root-ca");
        assertThat(root.get("root-ca")).contains("Usage:      sign", "always sensitive", "never extractable", "local");

        PublicKey rootKey = DevPki.certificate("root-ca.pem").getPublicKey();
        List<PublicKey> platformKeys = publicKeys("zcrd-platform");
        assertThat(platformKeys)
                .as("the platform token's public keys")
                .isNotEmpty()
                .doesNotContain(rootKey);
        assertThat(privateKeys("zcrd-platform", "platform-token.pin")).doesNotContainKey("root-ca");
        assertThat(Files.readString(DevPki.VAR.resolve("pkcs11/platform-token.cfg")))
                .as("the application's token configuration names the platform slot, not the root's")
                .contains("slot = " + slot("zcrd-platform"))
                .doesNotContain("slot = " + slot("zcrd-root"));
    }

    @Test
    void noFileUnderVarHoldsTheKeyOfACa() throws Exception {
        List<PublicKey> caKeys = new ArrayList<>();
        for (String ca : List.of("root-ca.pem", "seal-ca.pem", "ukey-ca.pem", "other-ca/other-ca.pem")) {
            caKeys.add(DevPki.certificate(ca).getPublicKey());
        }
        List<Path> examined = new ArrayList<>();
        try (Stream<Path> files = Files.walk(DevPki.VAR)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (file.startsWith(DevPki.VAR.resolve("softhsm"))) {
                    continue; // the tokens' own store
                }
                for (KeyInFile key : keysIn(file)) {
                    examined.add(file);
                    assertThat(caKeys).as(file + " holds a CA's private key").doesNotContain(key.publicKey());
                    assertThat(key.certificate() == null || key.certificate().getBasicConstraints() < 0)
                            .as(file + " holds a key certified as a CA")
                            .isTrue();
                }
            }
        }
        assertThat(examined)
                .as("the client and TLS keys are looked at (and are not CA keys)")
                .contains(DevPki.PKI.resolve("server-key.pem"), DevPki.PKI.resolve("ukey-dev-admin.p12"));
        try (Stream<Path> files = Files.walk(DevPki.PKI)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .as("no key store of the former file CAs")
                    .doesNotContain("root-ca.p12", "seal-ca.p12", "ukey-ca.p12", "other-ca.p12");
        }
    }

    private record KeyInFile(PublicKey publicKey, X509Certificate certificate) {}

    /** The private keys a file holds: PEM (unencrypted) or PKCS#12 (dev password); any other key store fails. */
    private static List<KeyInFile> keysIn(Path file) throws Exception {
        String name = file.getFileName().toString();
        if (name.endsWith(".p12") || name.endsWith(".pfx") || name.endsWith(".jks")) {
            KeyStore store = DevPki.pkcs12(file); // throws when it does not open with the dev password
            List<KeyInFile> keys = new ArrayList<>();
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    X509Certificate certificate = (X509Certificate) store.getCertificate(alias);
                    keys.add(new KeyInFile(certificate.getPublicKey(), certificate));
                }
            }
            return keys;
        }
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        if (!text.contains("PRIVATE KEY-----")) {
            return List.of();
        }
        assertThat(text).as(file + ": an encrypted key cannot be examined").doesNotContain("ENCRYPTED");
        List<KeyInFile> keys = new ArrayList<>();
        try (PEMParser pem = new PEMParser(new StringReader(text))) {
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            for (Object object = pem.readObject(); object != null; object = pem.readObject()) {
                if (object instanceof PEMKeyPair pair) {
                    keys.add(new KeyInFile(converter.getKeyPair(pair).getPublic(), null));
                } else if (object instanceof PrivateKeyInfo info) {
                    var key = (java.security.interfaces.RSAPrivateCrtKey) converter.getPrivateKey(info);
                    keys.add(new KeyInFile(
                            java.security.KeyFactory.getInstance("RSA")
                                    .generatePublic(new java.security.spec.RSAPublicKeySpec(
                                            key.getModulus(), key.getPublicExponent())),
                            null));
                }
            }
        }
        return keys;
    }

    /** label → the lines pkcs11-tool prints for that private key (Usage, Access …). */
    private static Map<String, String> privateKeys(String token, String pinSecret) throws Exception {
        String listing = pkcs11Tool(
                "--token-label",
                token,
                "--login",
                "--pin",
                DevPki.secret(pinSecret),
                "--list-objects",
                "--type",
                "privkey");
        Map<String, String> keys = new java.util.LinkedHashMap<>();
        for (String object : listing.split("(?m)^(?=Private Key Object)")) {
            var label =
                    java.util.regex.Pattern.compile("(?m)^\\s+label:\\s+(\\S+)").matcher(object);
            if (label.find()) {
                keys.put(label.group(1), object);
            }
        }
        return keys;
    }

    private static List<PublicKey> publicKeys(String token) throws Exception {
        String listing = pkcs11Tool("--token-label", token, "--list-objects", "--type", "pubkey");
        List<PublicKey> keys = new ArrayList<>();
        var labels =
                java.util.regex.Pattern.compile("(?m)^\\s+label:\\s+(\\S+)").matcher(listing);
        while (labels.find()) {
            Path der = Files.createTempFile("pub", ".der");
            try {
                pkcs11Tool(
                        "--token-label",
                        token,
                        "--read-object",
                        "--type",
                        "pubkey",
                        "--label",
                        labels.group(1),
                        "-o",
                        der.toString());
                byte[] encoded = Files.readAllBytes(der);
                if (encoded.length > 0) {
                    keys.add(publicKey(encoded));
                }
            } finally {
                Files.deleteIfExists(der);
            }
        }
        return keys;
    }

    private static PublicKey publicKey(byte[] spki) throws GeneralSecurityException {
        var spec = new java.security.spec.X509EncodedKeySpec(spki);
        try {
            return java.security.KeyFactory.getInstance("RSA").generatePublic(spec);
        } catch (GeneralSecurityException e) {
            return java.security.KeyFactory.getInstance("EC").generatePublic(spec);
        }
    }

    private static String slot(String token) throws Exception {
        String slots = pkcs11Tool("--list-token-slots");
        var match = java.util.regex.Pattern.compile("Slot \\d+ \\(0x([0-9a-f]+)\\)[^\\n]*\\n\\s+token label\\s+:\\s+"
                        + java.util.regex.Pattern.quote(token) + "\\s*\\n")
                .matcher(slots);
        assertThat(match.find()).as("slot of " + token).isTrue();
        return Long.toString(Long.parseLong(match.group(1), 16));
    }

    private static String pkcs11Tool(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("pkcs11-tool", "--module", MODULE));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return output;
    }
}

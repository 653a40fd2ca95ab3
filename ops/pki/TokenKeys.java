// ops/pki/TokenKeys.java — generate a CA key pair inside a PKCS#11 token, run by ops scripts as a single-file Java
// program (`java ops/pki/TokenKeys.java ...`, JDK only, no build needed).
//
//   generate --library LIB --slot SLOT --pin-file FILE --label LABEL --id HEX --rsa BITS --public-key OUT.pem
//
// Why Java and not pkcs11-tool: pkcs11-tool (OpenSC 0.23) cannot switch off CKA_DECRYPT/CKA_UNWRAP on a generated
// private key, and SoftHSM2 turns them on by default. SunPKCS11 takes a full attribute template, so the key is made
// sign-only, private, sensitive and never extractable, with the label and id that OpenSSL (libp11 pkcs11: URIs) and
// the application (SunPKCS11 alias) find it by. Everything else (requests, certificates, CRLs) is OpenSSL's job.
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

public class TokenKeys {

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !"generate".equals(args[0])) {
            fail("usage: generate --library LIB --slot SLOT --pin-file FILE --label LABEL --id HEX --rsa BITS"
                    + " --public-key OUT.pem");
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        String label = required(options, "--label");
        String id = required(options, "--id");
        int bits = Integer.parseInt(required(options, "--rsa"));
        if (bits < 3072) {
            fail("a CA key needs at least 3072 bits");
        }
        String labelHex = HexFormat.of().formatHex(label.getBytes(StandardCharsets.UTF_8));
        String config = String.join(
                "\n",
                "name = TokenKeys",
                "library = " + required(options, "--library"),
                "slot = " + required(options, "--slot"),
                "attributes(generate, CKO_PRIVATE_KEY, *) = {",
                "  CKA_TOKEN = true",
                "  CKA_PRIVATE = true",
                "  CKA_SENSITIVE = true",
                "  CKA_EXTRACTABLE = false",
                "  CKA_SIGN = true",
                "  CKA_DECRYPT = false",
                "  CKA_UNWRAP = false",
                "  CKA_DERIVE = false",
                "  CKA_LABEL = 0h" + labelHex,
                "  CKA_ID = 0h" + id,
                "}",
                "attributes(generate, CKO_PUBLIC_KEY, *) = {",
                "  CKA_TOKEN = true",
                "  CKA_VERIFY = true",
                "  CKA_ENCRYPT = false",
                "  CKA_WRAP = false",
                "  CKA_LABEL = 0h" + labelHex,
                "  CKA_ID = 0h" + id,
                "}",
                "");
        Path configFile = Files.createTempFile("token-keys-", ".cfg");
        try {
            Files.writeString(configFile, config);
            Provider provider = Security.getProvider("SunPKCS11").configure(configFile.toString());
            char[] pin = Files.readString(Path.of(required(options, "--pin-file")), StandardCharsets.UTF_8)
                    .strip()
                    .toCharArray();
            KeyStore store = KeyStore.getInstance("PKCS11", provider);
            store.load(null, pin); // logs in
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA", provider);
            generator.initialize(bits);
            KeyPair pair = generator.generateKeyPair();
            String pem = "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(pair.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n";
            Files.writeString(Path.of(required(options, "--public-key")), pem, StandardCharsets.US_ASCII);
            System.err.println("generated RSA-" + bits + " key '" + label + "' (id " + id + ") in the token");
        } finally {
            Files.deleteIfExists(configFile);
        }
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            fail("missing " + name);
        }
        return value;
    }

    private static void fail(String message) {
        System.err.println("TokenKeys: " + message);
        System.exit(2);
    }
}

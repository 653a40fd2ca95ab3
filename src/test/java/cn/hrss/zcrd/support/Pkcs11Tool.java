package cn.hrss.zcrd.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** OpenSC's pkcs11-tool, to look into a token from outside the JVM. */
public final class Pkcs11Tool {

    private Pkcs11Tool() {}

    /** The private keys in the platform token of the dev PKI, as pkcs11-tool lists them. */
    public static String listPrivateKeys() throws IOException, InterruptedException {
        return listPrivateKeys(
                "/usr/lib/softhsm/libsofthsm2.so",
                "--token-label",
                "zcrd-platform",
                DevPki.secret("platform-token.pin"));
    }

    /**
     * The private keys in the token that the module finds by the selector ({@code --slot} or {@code --token-label})
     * and its value, logged in with the PIN; fails when pkcs11-tool has not ended within a minute.
     */
    public static String listPrivateKeys(String module, String selector, String token, String pin)
            throws IOException, InterruptedException {
        Process process = new ProcessBuilder(
                        "pkcs11-tool",
                        "--module",
                        module,
                        selector,
                        token,
                        "--login",
                        "--pin",
                        pin,
                        "--list-objects",
                        "--type",
                        "privkey")
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new AssertionError("pkcs11-tool has not ended within a minute");
        }
        return output;
    }
}

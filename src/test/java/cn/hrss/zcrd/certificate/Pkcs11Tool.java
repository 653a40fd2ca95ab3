package cn.hrss.zcrd.certificate;

import cn.hrss.zcrd.support.DevPki;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** OpenSC's pkcs11-tool, to look into the platform token from outside the JVM. */
final class Pkcs11Tool {

    private Pkcs11Tool() {}

    static String listPrivateKeys() throws Exception {
        Process process = new ProcessBuilder(
                        "pkcs11-tool",
                        "--module",
                        "/usr/lib/softhsm/libsofthsm2.so",
                        "--token-label",
                        "zcrd-platform",
                        "--login",
                        "--pin",
                        DevPki.secret("platform-token.pin"),
                        "--list-objects",
                        "--type",
                        "privkey")
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(60, TimeUnit.SECONDS);
        return output;
    }
}

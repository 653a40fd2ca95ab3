package cn.hrss.zcrd.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** poppler's {@code pdfsig}: an independent validator, trusting the platform root through var/pki/nssdb. */
public final class Pdfsig {

    private Pdfsig() {}

    public static String validate(byte[] pdf) throws IOException, InterruptedException {
        return validate(pdf, DevPki.PKI.resolve("nssdb"));
    }

    /** With the trust of another NSS database (e.g. one that also trusts an external CA's root). */
    public static String validate(byte[] pdf, Path nssdb) throws IOException, InterruptedException {
        Path file = Files.createTempFile("zcrd-", ".pdf");
        try {
            Files.write(file, pdf);
            Process process = new ProcessBuilder("pdfsig", "-nssdir", "sql:" + nssdb, file.toString())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("pdfsig did not finish");
            }
            return output;
        } finally {
            Files.deleteIfExists(file);
        }
    }
}

package cn.hrss.zcrd.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starting the built application against the token with a wrong PIN stops it at once with a clear report.
 * It runs in its own JVM: a PKCS#11 login is shared by the whole process, so inside the test JVM (already logged
 * in by other tests) a wrong PIN would go unnoticed.
 */
class TokenStartupIT {

    @Test
    void theApplicationRefusesToStartWithAWrongTokenPin(@TempDir Path dir) throws Exception {
        Path wrongPin = Files.writeString(dir.resolve("wrong.pin"), "00000000");
        Path log = dir.resolve("start.log");
        Process app = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        "cn.hrss.zcrd.ZcrdApplication",
                        "--zcrd.signing.pin-file=" + wrongPin,
                        "--spring.datasource.url=jdbc:h2:mem:startup;MODE=MySQL;DATABASE_TO_LOWER=TRUE",
                        "--server.port=0",
                        "--zcrd.http.port=0",
                        "--zcrd.https.port=0",
                        "--management.server.port=0"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();

        // generous: a start takes ~15 s alone but over 2 minutes on two cores shared with other test runs
        boolean ended = app.waitFor(300, TimeUnit.SECONDS);
        if (!ended) {
            app.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);

        assertThat(ended).as("the application must stop by itself").isTrue();
        assertThat(app.exitValue()).isNotZero();
        assertThat(output)
                .contains("APPLICATION FAILED TO START")
                .contains("The PKCS#11 token refused the PIN in " + wrongPin)
                .contains("ops/dev-setup");
    }
}

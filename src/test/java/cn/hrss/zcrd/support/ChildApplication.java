package cn.hrss.zcrd.support;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real application ({@code ZcrdApplication}) in a JVM of its own, started with ProcessBuilder on the test class
 * path against this run's MariaDB database: a second node that a test can kill ({@code destroyForcibly}, SIGKILL:
 * no shutdown hook, no clean-up). A JUnit extension ({@code @RegisterExtension}): whatever a test left running is
 * killed after it.
 */
public final class ChildApplication implements AfterEachCallback {

    private Process process;

    @Override
    public void afterEach(ExtensionContext context) {
        if (process != null) {
            process.destroyForcibly();
            process = null;
        }
    }

    /**
     * Starts the child with its output in {@code log}.
     *
     * @param softhsmConf the SoftHSM2 configuration (the run's token, or a copy of it)
     * @param arguments   further {@code --property=value} arguments
     */
    public Process start(Path softhsmConf, Path log, List<String> arguments) throws java.io.IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m",
                "-cp",
                System.getProperty("java.class.path"),
                "cn.hrss.zcrd.ZcrdApplication",
                "--spring.profiles.active=mysql",
                "--spring.datasource.url=" + TestDatabase.url(),
                "--spring.datasource.username=" + TestDatabase.user(),
                "--spring.datasource.password=" + TestDatabase.password(),
                "--server.port=0",
                "--zcrd.http.port=0",
                "--zcrd.https.port=0",
                "--management.server.port=0",
                "--zcrd.http.address=127.0.0.1",
                "--zcrd.tls.ukey-crl-file=" + IntegrationTestInitializer.UKEY_CRL));
        command.addAll(arguments);
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("SOFTHSM2_CONF", softhsmConf.toString());
        process = builder.start();
        return process;
    }

    /** The last lines of a child's log, for a failure message. */
    public static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (Exception e) {
            return "(no log: " + e + ")";
        }
    }
}

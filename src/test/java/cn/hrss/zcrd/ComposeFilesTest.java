package cn.hrss.zcrd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker engine runs where the tests run, so the container files are kept consistent with the topology that
 * {@code ops/cluster} starts and the cluster tests drill: the same HAProxy configuration, the same Galera settings,
 * the same JVM settings and fonts, and a compose file whose services reach each other where that configuration
 * says.
 */
class ComposeFilesTest {

    private static final Path ROOT = Path.of(System.getProperty("user.dir"));

    @Test
    void haproxyOfComposeIsTheOneOpsClusterWritesForItsServices() throws Exception {
        Process process = new ProcessBuilder("bash", "ops/cluster", "haproxy-config", "compose")
                .directory(ROOT.toFile())
                .redirectErrorStream(true)
                .start();
        String written = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(written).isZero();

        assertThat(read("ops/compose/haproxy.cfg"))
                .as("ops/compose/haproxy.cfg is `ops/cluster haproxy-config compose` (write it again after a change)")
                .isEqualTo(written);
    }

    @Test
    void composeRunsThreeGaleraNodesHaproxyAndTwoApplicationNodesWiredAsHaproxySays() throws IOException {
        Map<String, Object> services = map(compose().get("services"));
        assertThat(services).containsOnlyKeys("db1", "db2", "db3", "haproxy", "app1", "app2");
        String haproxy = read("ops/compose/haproxy.cfg");

        for (String node : List.of("app1", "app2")) {
            Map<String, Object> app = map(services.get(node));
            assertThat(app.get("build"))
                    .as(node + " is built from the Dockerfile")
                    .isEqualTo(".");
            assertThat(map(app.get("environment")).get("ZCRD_DB_URL").toString())
                    .as(node + " reaches the database through HAProxy's database front")
                    .startsWith("jdbc:mysql://haproxy:" + bindPort(haproxy, "database") + "/zcrd");
            assertThat(list(app.get("volumes")))
                    .as(node + " mounts the installation's home and the shared token store")
                    .anyMatch(volume -> volume.toString().endsWith(":/etc/zcrd:ro"))
                    .anyMatch(volume -> volume.toString().contains(":/var/lib/zcrd/token"));
            assertThat(app)
                    .as(node + " publishes nothing: the faces go through HAProxy")
                    .doesNotContainKey("ports");
            assertThat(haproxy)
                    .as("HAProxy verifies the node's certificate on the public face, and checks its readiness")
                    .contains("server " + node + " " + node + ":8444 ssl verify required ca-file ")
                    .contains("server " + node + " " + node + ":8443 check port 8081");
            assertThat(map(app.get("environment")).get("ZCRD_HTTP_TRUSTED_PROXIES"))
                    .as(node + " believes X-Forwarded-For from HAProxy only")
                    .isEqualTo("haproxy");
        }
        assertThat(haproxy)
                .as("the public face: TLS ends at HAProxy, which replaces X-Forwarded-For with the client's address")
                .contains("ssl crt /usr/local/etc/haproxy/tls/public.pem")
                .contains("http-request set-header X-Forwarded-For %[src]");
        assertThat(list(map(services.get("haproxy")).get("volumes")))
                .as("HAProxy mounts the public face's certificate and key")
                .anyMatch(volume -> volume.toString().endsWith(":/usr/local/etc/haproxy/tls:ro"));
        assertThat(list(map(services.get("haproxy")).get("ports")))
                .as("HAProxy publishes the three faces it binds")
                .extracting(port -> port.toString().substring(port.toString().indexOf(':') + 1))
                .containsExactlyInAnyOrder(
                        bindPort(haproxy, "http"), bindPort(haproxy, "public"), bindPort(haproxy, "ukey"));
        for (String db : List.of("db1", "db2", "db3")) {
            assertThat(haproxy).contains("server " + db + " " + db + ":3306 check");
        }
    }

    @Test
    void galeraSettingsAreThoseOfOpsCluster() throws IOException {
        String cluster = read("ops/cluster");
        for (String line : read("ops/compose/galera.cnf").lines().toList()) {
            if (line.isBlank()
                    || line.startsWith("#")
                    || line.startsWith("[")
                    || line.startsWith("wsrep_cluster_address")) {
                continue;
            }
            assertThat(cluster).as("ops/cluster writes " + line).contains("\n" + line + "\n");
        }
    }

    @Test
    void imageRunsTheProductionJvmSettingsWithTheFontsOpsInstalls() throws IOException {
        String dockerfile = read("Dockerfile");
        String runtime = dockerfile.substring(dockerfile.lastIndexOf("\nFROM "));
        assertThat(runtime).contains("COPY ops/jvm-production.options /opt/zcrd/jvm.options");
        assertThat(runtime).contains("ENTRYPOINT [\"java\", \"@/opt/zcrd/jvm.options\"");
        Matcher fonts = Pattern.compile("fonts-[a-z-]+").matcher(read("ops/run"));
        while (fonts.find()) {
            assertThat(runtime).as("the image installs " + fonts.group()).contains(fonts.group());
        }
    }

    private static String bindPort(String haproxy, String listen) {
        Matcher bind =
                Pattern.compile("listen " + listen + "\\n\\s+bind :(\\d+)").matcher(haproxy);
        assertThat(bind.find()).as("HAProxy binds " + listen).isTrue();
        return bind.group(1);
    }

    private static Map<String, Object> compose() throws IOException {
        return new Yaml().load(read("docker-compose.yml"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private static List<?> list(Object value) {
        return (List<?>) value;
    }

    private static String read(String file) throws IOException {
        return Files.readString(ROOT.resolve(file), StandardCharsets.UTF_8);
    }
}

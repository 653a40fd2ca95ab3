package cn.hrss.zcrd.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The several-node topology of {@code ops/cluster} (three MariaDB Galera nodes, HAProxy, two application nodes
 * built from this checkout's packaged jar), for the {@code @Tag("cluster")} tests: started once per test JVM by the
 * first {@link #up()}, stopped when the JVM ends. Each step runs the operations script itself, so a test drills
 * exactly what an operator would ({@code kill -9} of a node included). Ports move by {@code
 * ZCRD_CLUSTER_PORT_OFFSET} as the script's do.
 */
public final class Cluster {

    private static final long STEP_MINUTES = 6;

    /**
     * What the tests change on the application nodes ({@code ZCRD_CLUSTER_APP_ARGS}): a batch's lease of 10 s, looked
     * for every 2 s, so that a batch of a killed node is taken over within seconds, not minutes.
     */
    public static final java.time.Duration LEASE = java.time.Duration.ofSeconds(10);

    public static final java.time.Duration SWEEP = java.time.Duration.ofSeconds(2);

    private static final String APP_ARGS = "--zcrd.certificate.issuance.lease=" + LEASE.toSeconds() + "s"
            + " --zcrd.certificate.issuance.retry-interval=" + SWEEP.toSeconds() + "s";
    private static Cluster running;

    private final Path root = Path.of(System.getProperty("user.dir"));
    private final int offset = Integer.parseInt(System.getenv().getOrDefault("ZCRD_CLUSTER_PORT_OFFSET", "0"));

    private Cluster() {}

    /**
     * The topology, started on the first call in this JVM and stopped when the JVM ends — unless both application
     * nodes were already running (started by hand with {@code ops/cluster up}, to run the tests again and again):
     * then it is used and left running ({@code ops/cluster up} restarts a node that runs an earlier build of the
     * jar).
     */
    public static synchronized Cluster up() {
        if (running == null) {
            Cluster cluster = new Cluster();
            String before = cluster.status();
            boolean startedElsewhere = before.contains("app1  ready") && before.contains("app2  ready");
            cluster.run("up");
            if (!startedElsewhere) {
                Runtime.getRuntime().addShutdownHook(new Thread(() -> cluster.run("down")));
            }
            running = cluster;
        }
        return running;
    }

    /** {@code kill -9} of application node {@code n} (1 or 2). */
    public void killApp(int n) {
        run("kill-app", Integer.toString(n));
    }

    /** Starts application node {@code n} again and waits until its readiness probe says UP. */
    public void startApp(int n) {
        run("start-app", Integer.toString(n));
    }

    /** {@code kill -9} of database node {@code n} (1 is the writer while it lives). */
    public void killDb(int n) {
        run("kill-db", Integer.toString(n));
    }

    /** Starts database node {@code n} again; it rejoins as a replica. */
    public void startDb(int n) {
        run("start-db", Integer.toString(n));
    }

    /** What {@code ops/cluster status} prints: each node, the Galera cluster size and state. */
    public String status() {
        return run("status");
    }

    /** The public HTTPS face through HAProxy (portal, password back office, {@code /verify/}). */
    public URI publicFace() {
        return URI.create("https://localhost:" + (9444 + offset));
    }

    /**
     * Application node {@code n}'s own public HTTPS face, not through HAProxy: for what must reach one node in
     * particular.
     */
    public URI publicFace(int n) {
        return URI.create("https://localhost:" + (10000 * n + 8444 + offset));
    }

    /** Application node {@code n}'s own mutual-TLS UKEY back office, not through HAProxy. */
    public URI ukeyFace(int n) {
        return URI.create("https://localhost:" + (10000 * n + 8443 + offset));
    }

    /**
     * The database node HAProxy sends the application's connections to now (1 until it fails; after a failover the
     * stick table keeps the next one writing when node 1 returns), read as the port of the server a new connection
     * through the database front reaches.
     */
    public int writingDb() {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), jdbcUser(), jdbcPassword());
                Statement statement = connection.createStatement();
                ResultSet port = statement.executeQuery("SELECT @@port")) {
            port.next();
            return port.getInt(1) - 4305 - offset;
        } catch (SQLException e) {
            throw new IllegalStateException("no database node answers through HAProxy", e);
        }
    }

    /** The mutual-TLS UKEY back office through HAProxy. */
    public URI ukeyFace() {
        return URI.create("https://localhost:" + (9443 + offset));
    }

    /** The plain-HTTP face through HAProxy ({@code /pki/}, redirects). */
    public URI httpFace() {
        return URI.create("http://localhost:" + (9080 + offset));
    }

    /** Application node {@code n}'s management server (loopback, plain HTTP: probes, Prometheus). */
    public URI management(int n) {
        return URI.create("http://127.0.0.1:" + (10000 * n + 8081 + offset));
    }

    /** The sum of the values of node {@code n}'s Prometheus lines that {@code series} accepts (name and labels). */
    public double metricSum(int n, java.util.function.Predicate<String> series) {
        try {
            java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient()
                    .send(
                            java.net.http.HttpRequest.newBuilder(URI.create(management(n) + "/actuator/prometheus"))
                                    .build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        "node " + n + "'s Prometheus endpoint answered " + response.statusCode());
            }
            return response.body()
                    .lines()
                    .filter(series)
                    .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                    .sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The JDBC URL the application nodes use: HAProxy's database front (one writing Galera node at a time). */
    public String jdbcUrl() {
        return "jdbc:mysql://127.0.0.1:" + (4300 + offset) + "/zcrd";
    }

    public String jdbcUser() {
        return "zcrd";
    }

    public String jdbcPassword() {
        return read(root.resolve("var/cluster/secrets/db.password")).strip();
    }

    /** Application node {@code n}'s name in issuance leases ({@code zcrd.certificate.issuance.node-id}). */
    public String nodeId(int n) {
        return "app" + n;
    }

    /** Application node {@code n}'s log. */
    public Path appLog(int n) {
        return root.resolve("var/cluster/app" + n + ".log");
    }

    private String run(String... arguments) {
        List<String> command =
                new ArrayList<>(List.of("bash", root.resolve("ops/cluster").toString()));
        command.addAll(List.of(arguments));
        try {
            Path output = Files.createTempFile("zcrd-cluster-", ".log");
            try {
                ProcessBuilder builder = new ProcessBuilder(command)
                        .directory(root.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(output.toFile());
                builder.environment().putIfAbsent("ZCRD_CLUSTER_APP_ARGS", APP_ARGS);
                Process process = builder.start();
                if (!process.waitFor(STEP_MINUTES, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("ops/cluster " + String.join(" ", arguments) + " took over "
                            + STEP_MINUTES + " min:\n" + read(output));
                }
                String printed = read(output);
                if (process.exitValue() != 0) {
                    throw new IllegalStateException(
                            "ops/cluster " + String.join(" ", arguments) + " failed:\n" + printed);
                }
                return printed;
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package cn.hrss.zcrd.verification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.zcrd.support.Faces;
import cn.hrss.zcrd.support.IntegrationTest;
import cn.hrss.zcrd.verification.internal.PdfVerification;
import cn.hrss.zcrd.verification.internal.Verdict;
import cn.hrss.zcrd.verification.internal.VerificationService;
import cn.hrss.zcrd.web.ConnectorPorts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code ops/bench/verify}: full verifications per second of uploaded certificate PDFs over HTTP (multipart to
 * {@code /api/verify/pdf}: scan, hashes, CMS, chain, register query) with 1 and 2 client threads, the same without
 * HTTP, and number + name look-ups per second. The client runs in the same JVM on the same two cores, so the HTTP
 * figures are a floor. Prints BENCH lines. Options: -Dbench.seconds (per measurement, default 10).
 */
@IntegrationTest
class VerificationBenchmark {

    @Autowired
    VerificationFixtures fixtures;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ConnectorPorts ports;

    @Autowired
    VerificationService verification;

    @Test
    void verificationsPerSecond() throws Exception {
        String base = Faces.publicBase(ports);
        VerificationFixtures.Issuer issuer = fixtures.issuer("验证压测发证单位");
        List<VerificationFixtures.Issued> issued = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            issued.add(fixtures.issued(issuer, "压测" + i));
        }
        long seconds = Long.getLong("bench.seconds", 10);
        System.out.printf(
                Locale.ROOT,
                "BENCH certificate PDF: %,d bytes; %d s per measurement; CPUs %d%n",
                issued.get(0).pdf().length,
                seconds,
                Runtime.getRuntime().availableProcessors());

        // warm-up
        measure(1, 3, i -> {
            PdfVerification v =
                    verification.verify(issued.get(i % issued.size()).pdf());
            assertThat(v.verdict()).isEqualTo(Verdict.GENUINE);
        });
        for (int threads : new int[] {1, 2}) {
            double rate = measure(
                    threads,
                    seconds,
                    i -> verification.verify(issued.get(i % issued.size()).pdf()));
            System.out.printf(
                    Locale.ROOT, "BENCH PDF verification in-process (no HTTP), %d thread(s): %.0f /s%n", threads, rate);
        }
        List<VerifyClient> clients = List.of(new VerifyClient(base), new VerifyClient(base));
        // the uploads as a browser sends them, built once: the client's own work stays small beside the server's
        List<byte[]> bodies = issued.stream().map(c -> multipart(c.pdf())).toList();
        java.net.URL api = java.net.URI.create(base + "/api/verify/pdf").toURL();
        measure(2, 3, i -> upload(api, bodies.get(i % bodies.size())));
        for (int threads : new int[] {1, 2}) {
            double rate = measure(threads, seconds, i -> {
                String answer = upload(api, bodies.get(i % bodies.size()));
                if (!answer.contains("\"GENUINE\"")) {
                    throw new AssertionError(answer);
                }
            });
            System.out.printf(
                    Locale.ROOT,
                    "BENCH PDF verification over HTTP (multipart upload to /api/verify/pdf),"
                            + " %d client thread(s): %.0f /s%n",
                    threads,
                    rate);
        }
        uploadsWithWrk(base, bodies.get(0), seconds);
        for (int threads : new int[] {1, 2}) {
            double rate = measure(threads, seconds, i -> {
                VerificationFixtures.Issued c = issued.get(i % issued.size());
                var response = clients.get(Math.floorMod(Thread.currentThread().getId(), 2))
                        .postJson(
                                "/api/verify/number",
                                "{\"number\":\"" + c.number() + "\",\"holderName\":\"" + c.holderName() + "\"}");
                if (response.statusCode() != 200) {
                    throw new AssertionError(response.statusCode() + " " + response.body());
                }
            });
            System.out.printf(
                    Locale.ROOT,
                    "BENCH number + name look-up over HTTP (/api/verify/number), %d client " + "thread(s): %.0f /s%n",
                    threads,
                    rate);
        }
    }

    /**
     * The same uploads from wrk (Debian's package, installed by {@code ops/bench/verify}; the script is
     * {@code ops/bench/lib/wrk-requests.lua}), a client outside this JVM that costs the server little, with 4 and 20
     * kept-alive HTTPS connections: the figure a population of browsers would see. The body was answered GENUINE by
     * the Java client above; wrk counts answers that are not 2xx/3xx, and any is a failure here.
     */
    static void uploadsWithWrk(String base, byte[] body, long seconds) throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("zcrd-bench-upload", ".multipart");
        try {
            java.nio.file.Files.write(file, body);
            for (int connections : new int[] {4, 20}) {
                wrk(base, file, connections, 3); // warm-up
                long cpuBefore = OS.getProcessCpuTime();
                String out = wrk(base, file, connections, seconds);
                double cpuSeconds = (OS.getProcessCpuTime() - cpuBefore) / 1e9;
                java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                                "BENCH-WRK (\\d+) requests in ([0-9.]+) s = ([0-9.]+) req/s; (.*); socket errors (\\d+);"
                                        + " answers not 2xx/3xx (\\d+)")
                        .matcher(out);
                if (!m.find() || Long.parseLong(m.group(1)) == 0 || !m.group(6).equals("0")) {
                    throw new AssertionError("wrk said: " + out);
                }
                System.out.printf(
                        Locale.ROOT,
                        "BENCH PDF verification over HTTPS from wrk (multipart to /api/verify/pdf), %d connections:"
                                + " %s /s (%s; socket errors %s); %.2f ms JVM CPU per upload; load average %.1f%n",
                        connections,
                        m.group(3),
                        m.group(4),
                        m.group(5),
                        cpuSeconds * 1000 / Long.parseLong(m.group(1)),
                        OS.getSystemLoadAverage());
            }
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    private static String wrk(String base, java.nio.file.Path body, int connections, long seconds) throws Exception {
        ProcessBuilder wrk = new ProcessBuilder(
                        "wrk",
                        "-t",
                        "1",
                        "-c",
                        String.valueOf(connections),
                        "-d",
                        seconds + "s",
                        "--timeout",
                        "10s",
                        "-s",
                        "ops/bench/lib/wrk-requests.lua",
                        base + "/api/verify/pdf")
                .redirectErrorStream(true);
        wrk.environment().put("BENCH_BODY", body.toString());
        wrk.environment().put("BENCH_TYPE", "multipart/form-data; boundary=" + BOUNDARY);
        Process process = wrk.start();
        String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new AssertionError("wrk failed: " + out);
        }
        return out;
    }

    static final String BOUNDARY = "----zcrdbench";

    static byte[] multipart(byte[] pdf) {
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream(pdf.length + 512);
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"c.pdf\"\r\n"
                        + "Content-Type: application/pdf\r\n\r\n")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        body.writeBytes(pdf);
        body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return body.toByteArray();
    }

    /** One upload over a kept-alive HttpURLConnection; returns the JSON answer. */
    static String upload(java.net.URL api, byte[] body) throws Exception {
        java.net.HttpURLConnection c = (java.net.HttpURLConnection) api.openConnection();
        c.setDoOutput(true);
        c.setRequestMethod("POST");
        c.setFixedLengthStreamingMode(body.length);
        c.setRequestProperty("Content-Type", "multipart/form-data; boundary=" + BOUNDARY);
        try (var out = c.getOutputStream()) {
            out.write(body);
        }
        if (c.getResponseCode() != 200) {
            throw new AssertionError(c.getResponseCode());
        }
        try (var in = c.getInputStream()) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    interface Step {
        void run(int i) throws Exception;
    }

    static final com.sun.management.OperatingSystemMXBean OS = (com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    /**
     * Runs {@code step} on {@code threads} threads for {@code seconds}; returns completed steps per second and prints
     * the JVM's CPU time per step (server and client side together, MariaDB not counted) with what it projects for
     * two cores of its own — the wall-clock rate on this shared machine depends on everybody else's load.
     */
    static double measure(int threads, long seconds, Step step) throws Exception {
        long cpuBefore = OS.getProcessCpuTime();
        double load = OS.getSystemLoadAverage();
        double rate = run(threads, seconds, step);
        double cpuMs = (OS.getProcessCpuTime() - cpuBefore) / 1e6 / (rate * seconds);
        System.out.printf(
                Locale.ROOT,
                "BENCH   (%d thread(s): %.2f ms JVM CPU per operation -> about %.0f /s on 2 "
                        + "cores of its own; load average %.1f)%n",
                threads,
                cpuMs,
                2000 / cpuMs,
                load);
        return rate;
    }

    static double run(int threads, long seconds, Step step) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            List<Future<Integer>> results = new ArrayList<>();
            long start = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                int offset = t * 7;
                Callable<Integer> worker = () -> {
                    int n = 0;
                    while (System.nanoTime() < end) {
                        step.run(offset + n);
                        n++;
                    }
                    return n;
                };
                results.add(pool.submit(worker));
            }
            long total = 0;
            for (Future<Integer> f : results) {
                total += f.get();
            }
            return total / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }
}

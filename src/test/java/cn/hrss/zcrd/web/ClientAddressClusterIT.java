package cn.hrss.zcrd.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.zcrd.support.Cluster;
import cn.hrss.zcrd.support.DevPki;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Behind HAProxy the nodes still tell clients apart by their own address (docs/operations-cluster.md, "The faces"):
 * HAProxy ends TLS on the public face and names the client in {@code X-Forwarded-For}, which the nodes believe from
 * HAProxy's address only. Seen through the per-address budget of {@code /verify/} and {@code /api/verify/} (limit
 * {@code verification}: 30 at once, one back a second, one budget for all nodes): each client of this test connects
 * from an address of its own on the loopback network (127.a.b.c, new each run), and spends or keeps its own budget.
 */
@Tag("cluster")
class ClientAddressClusterIT {

    /** More requests than the budget holds at once, with what comes back meanwhile. */
    private static final int ENOUGH_TO_BE_REFUSED = 80;

    /**
     * At most this many requests before a spent budget refuses again: one comes back a second, so a few seconds of a
     * loaded machine between the refusal and the next look give a few back — a budget never spent holds 30.
     */
    private static final int STILL_SPENT = 10;

    private static Cluster cluster;
    private static SSLContext tls;

    @BeforeAll
    static void topology() throws GeneralSecurityException, IOException {
        cluster = Cluster.up();
        tls = SSLContext.getInstance("TLS");
        tls.init(null, DevPki.rootTrustManagers(), null);
    }

    @Test
    void aClientThatSpendsItsBudgetThroughHaproxyDoesNotSpendAnotherClients() {
        String greedy = anAddress();
        String other = anAddress();

        assertThat(requestsUntilRefused(cluster.publicFace(), greedy, null))
                .as("a client at %s asking again and again through HAProxy is refused in the end", greedy)
                .isLessThanOrEqualTo(ENOUGH_TO_BE_REFUSED);
        assertThat(status(cluster.publicFace(), other, null))
                .as("another client through the same HAProxy is answered: its budget is its own")
                .isEqualTo(200);
        assertThat(requestsUntilRefused(cluster.publicFace(), greedy, null))
                .as("the greedy client's budget stays spent")
                .isLessThanOrEqualTo(STILL_SPENT);
    }

    @Test
    void aClientCannotNameAnotherAddressThroughHaproxy() {
        String liar = anAddress();
        String named = anAddress();

        assertThat(requestsUntilRefused(cluster.publicFace(), liar, named))
                .as("a client saying X-Forwarded-For: %s is refused in the end", named)
                .isLessThanOrEqualTo(ENOUGH_TO_BE_REFUSED);
        assertThat(status(cluster.publicFace(), named, null))
                .as("the address it named was never charged: HAProxy replaced the header with the client's own")
                .isEqualTo(200);
        assertThat(requestsUntilRefused(cluster.publicFace(), liar, null))
                .as("its own address was: refused again within a few requests")
                .isLessThanOrEqualTo(STILL_SPENT);
    }

    @Test
    void aNodeBelievesTheHeaderFromHaproxyOnly() {
        String direct = anAddress();
        String named = anAddress();

        assertThat(requestsUntilRefused(cluster.publicFace(1), direct, named))
                .as("a client going to node 1 directly and saying X-Forwarded-For: %s is refused in the end", named)
                .isLessThanOrEqualTo(ENOUGH_TO_BE_REFUSED);
        assertThat(status(cluster.publicFace(), named, null))
                .as("the address it named was never charged: the node believes the header from HAProxy only")
                .isEqualTo(200);
    }

    /**
     * Asks until refused (429): the number of requests that took, the last one included; one more than {@link
     * #ENOUGH_TO_BE_REFUSED} when none was refused.
     */
    private static int requestsUntilRefused(URI face, String from, String forwardedFor) {
        for (int i = 1; i <= ENOUGH_TO_BE_REFUSED; i++) {
            if (status(face, from, forwardedFor) == 429) {
                return i;
            }
        }
        return ENOUGH_TO_BE_REFUSED + 1;
    }

    /** A loopback address no other test and no earlier run uses (127.0.0.1 is everyone's, 127.0.0.2 HAProxy's). */
    private static String anAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "127." + random.nextInt(1, 255) + "." + random.nextInt(0, 256) + "." + random.nextInt(1, 255);
    }

    /**
     * The status of {@code GET /api/verify/openapi.yaml} on {@code face}, on a TLS connection from the loopback address
     * {@code from} (HTTP/1.1 written by hand: Java's HTTP clients cannot choose the local address), with an {@code
     * X-Forwarded-For} header when {@code forwardedFor} is given.
     */
    private static int status(URI face, String from, String forwardedFor) {
        try (SSLSocket socket = (SSLSocket) tls.getSocketFactory()
                .createSocket(InetAddress.getByName("127.0.0.1"), face.getPort(), InetAddress.getByName(from), 0)) {
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(parameters);
            socket.setSoTimeout(20_000);
            String request = "GET /api/verify/openapi.yaml HTTP/1.1\r\nHost: localhost:" + face.getPort() + "\r\n"
                    + (forwardedFor == null ? "" : "X-Forwarded-For: " + forwardedFor + "\r\n")
                    + "Connection: close\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String statusLine = new BufferedReader(
                            new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            assertThat(statusLine).as("an HTTP answer from " + face).startsWith("HTTP/1.1 ");
            return Integer.parseInt(statusLine.substring(9, 12));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

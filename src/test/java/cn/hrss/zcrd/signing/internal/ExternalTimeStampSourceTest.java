package cn.hrss.zcrd.signing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.hrss.zcrd.signing.TimeStampProperties;
import cn.hrss.zcrd.signing.TimeStampUnavailableException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A TSA that does not answer is retried with a doubling back-off, then the item fails clearly. */
class ExternalTimeStampSourceTest {

    @Test
    void anUnreachableTsaIsTriedWithBackOffThenFailsWithItsAddress() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        URI url = URI.create("http://127.0.0.1:" + closedPort + "/tsa");
        List<Duration> waits = new ArrayList<>();
        ExternalTimeStampSource source = new ExternalTimeStampSource(
                new TimeStampProperties(url, 3, Duration.ofMillis(500), Duration.ofSeconds(2), "2.5.29.32.0", "unused"),
                waits::add);

        assertThatThrownBy(() -> source.timeStampToken(new byte[32]))
                .isInstanceOf(TimeStampUnavailableException.class)
                .hasMessageContaining(url.toString())
                .hasMessageContaining("3 tries");
        assertThat(waits).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
    }
}

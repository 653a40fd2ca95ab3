package cn.hrss.zcrd.signing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.zcrd.support.Faces;
import cn.hrss.zcrd.support.IntegrationTest;
import cn.hrss.zcrd.web.ConnectorPorts;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Anonymous health probes cannot make the token sign: the health check makes one real signature per interval
 * (1 minute) and reports it until then. Counted through the signing port.
 */
@IntegrationTest
class HealthCheckSignaturesIT {

    @Autowired
    ConnectorPorts ports;

    @Autowired
    MeterRegistry meters;

    @Test
    void twentyAnonymousHealthProbesMakeAtMostOneSignature() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(Faces.managementBase(ports) + "/actuator/health"))
                .build();
        assertThat(http.send(probe, HttpResponse.BodyHandlers.ofString()).body())
                .contains("UP");
        double before = signatures();
        assertThat(before)
                .as("the first probe of this context made the test signature")
                .isPositive();

        for (int i = 0; i < 20; i++) {
            HttpResponse<String> answer = http.send(probe, HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).contains("UP");
        }

        // another real check may fall due once if the interval ends during the loop
        assertThat(signatures() - before).isLessThanOrEqualTo(1);
    }

    private double signatures() {
        Counter counter = meters.find(Pkcs11SignatureToken.SIGNATURES)
                .tag("key", TokenHealthIndicator.HEALTH_KEY)
                .counter();
        return counter == null ? 0 : counter.count();
    }
}

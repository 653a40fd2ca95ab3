package cn.hrss.zcrd.signing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.zcrd.signing.TimeStampProperties;
import java.io.ByteArrayInputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The TSA's HTTP endpoint is closed unless configured: the TSA then serves the platform's own issuance only. */
class TimeStampEndpointTest {

    @Test
    void byDefaultTheEndpointIsOff() {
        TimeStampProperties defaults = new Binder(
                        new MapConfigurationPropertySource(Map.of("zcrd.signing.tsa.url", "")))
                .bindOrCreate("zcrd.signing.tsa", TimeStampProperties.class);

        assertThat(defaults.endpoint().enabled()).isFalse();
        assertThat(defaults.policy()).as("not anyPolicy").isNotEqualTo("2.5.29.32.0");
    }

    @Test
    void anEndpointThatIsOffDoesNotExistForAnyone() throws Exception {
        TimeStampProperties off = new Binder(new MapConfigurationPropertySource(Map.of("zcrd.signing.tsa.url", "")))
                .bindOrCreate("zcrd.signing.tsa", TimeStampProperties.class);
        // no authority and no limit at all: the endpoint must answer before it would ask either
        TimeStampEndpoint endpoint = new TimeStampEndpoint(null, off, name -> null);

        var answer = endpoint.stamp(null, "application/timestamp-query", new ByteArrayInputStream(new byte[10]));

        assertThat(answer.getStatusCode().value()).isEqualTo(404);
        assertThat(answer.getBody()).isNull();
    }
}

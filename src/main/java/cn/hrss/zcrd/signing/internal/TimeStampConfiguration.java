package cn.hrss.zcrd.signing.internal;

import cn.hrss.zcrd.signing.TimeStampProperties;
import cn.hrss.zcrd.signing.TimeStampSource;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TimeStampConfiguration {

    /** The platform's own TSA unless {@code zcrd.signing.tsa.url} names an external one; timed either way. */
    @Bean
    TimeStampSource timeStampSource(
            TimeStampProperties properties, PlatformTimeStampAuthority platform, MeterRegistry meters) {
        if (properties.url() == null) {
            return new TimedTimeStampSource(platform::timeStampToken, "platform", meters);
        }
        return new TimedTimeStampSource(new ExternalTimeStampSource(properties), "external", meters);
    }
}

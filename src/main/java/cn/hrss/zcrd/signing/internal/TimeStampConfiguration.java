package cn.hrss.zcrd.signing.internal;

import cn.hrss.zcrd.signing.TimeStampProperties;
import cn.hrss.zcrd.signing.TimeStampSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TimeStampConfiguration {

    /** The platform's own TSA unless {@code zcrd.signing.tsa.url} names an external one. */
    @Bean
    TimeStampSource timeStampSource(TimeStampProperties properties, PlatformTimeStampAuthority platform) {
        if (properties.url() == null) {
            return platform::timeStampToken;
        }
        return new ExternalTimeStampSource(properties);
    }
}

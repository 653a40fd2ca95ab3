package cn.hrss.zcrd.signing.internal;

import cn.hrss.zcrd.signing.SignatureToken;
import cn.hrss.zcrd.signing.SigningProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SigningConfiguration {

    /** Opened at start-up so a missing token or a wrong PIN stops the application with a clear message. */
    @Bean
    SignatureToken platformToken(SigningProperties properties, MeterRegistry meters) {
        return new Pkcs11SignatureToken(
                properties.providerConfig(), properties.pinFile(), properties.maxConcurrentSignatures(), meters);
    }
}

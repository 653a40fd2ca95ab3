package cn.hrss.zcrd.account.internal;

import cn.hrss.zcrd.account.BackOfficeProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One {@link SecretSealer} for the services that seal (enrolment) and open (login) TOTP secrets. */
@Configuration(proxyBeanMethods = false)
class TotpSecretSealing {

    @Bean
    SecretSealer totpSecretSealer(BackOfficeProperties properties) {
        return SecretSealer.fromKeyFile(properties.totpKeyFile());
    }
}

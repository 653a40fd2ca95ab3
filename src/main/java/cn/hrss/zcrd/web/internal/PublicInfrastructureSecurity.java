package cn.hrss.zcrd.web.internal;

import cn.hrss.zcrd.shared.SecurityHeaders;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The platform's public PKI services under {@code /pki/} (time-stamp authority, CRLs): machine endpoints for
 * anyone, on every port. They keep no session and set no cookie, so there is nothing for CSRF to abuse; an RFC
 * 3161 client could not send a CSRF token anyway.
 */
@Configuration(proxyBeanMethods = false)
class PublicInfrastructureSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain publicInfrastructure(HttpSecurity http) throws Exception {
        http.securityMatcher("/pki/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable());
        return SecurityHeaders.on(http).build();
    }
}

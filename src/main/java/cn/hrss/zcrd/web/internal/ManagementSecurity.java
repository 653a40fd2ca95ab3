package cn.hrss.zcrd.web.internal;

import cn.hrss.zcrd.web.ConnectorPorts;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The management server ({@code management.server.port}, on loopback or an internal interface): health probes
 * (liveness, readiness) and Prometheus metrics for the monitoring system, without login, session or cookie; nothing
 * else answers there. The faces serve no {@code /actuator/}: a request for it on a public port gets the plain
 * not-found page, whatever the management settings (a management port equal to a face's would not publish metrics).
 */
@Configuration(proxyBeanMethods = false)
class ManagementSecurity {

    /** What the management server serves (Spring Boot's endpoints under its base path). */
    private static final String[] ENDPOINTS = {"/actuator/health", "/actuator/health/**", "/actuator/prometheus"};

    @Bean
    @Order(-1)
    SecurityFilterChain management(HttpSecurity http, ConnectorPorts ports) throws Exception {
        http.securityMatcher(request -> ports.isManagementPort(request.getLocalPort()))
                .authorizeHttpRequests(requests -> requests.requestMatchers(ENDPOINTS)
                        .permitAll()
                        .anyRequest()
                        .denyAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable());
        return http.build();
    }

    /** On the faces' server (this context's servlet container, not the management one): 404 for any actuator path. */
    @Bean
    FilterRegistrationBean<jakarta.servlet.Filter> noActuatorOnFaces() {
        FilterRegistrationBean<jakarta.servlet.Filter> registration =
                new FilterRegistrationBean<>((request, response, chain) ->
                        ((HttpServletResponse) response).sendError(HttpServletResponse.SC_NOT_FOUND));
        registration.addUrlPatterns("/actuator", "/actuator/*");
        // before the HTTPS redirect (-1000): plain HTTP answers 404 too instead of sending the path to HTTPS
        registration.setOrder(-1001);
        return registration;
    }
}

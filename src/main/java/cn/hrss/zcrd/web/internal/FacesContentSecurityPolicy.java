package cn.hrss.zcrd.web.internal;

import cn.hrss.zcrd.shared.SecurityHeaders;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * PrimeFaces' CSP mode on every faces page: a fresh nonce per response on its script tags, inline event handlers
 * ({@code onclick}, {@code oncomplete}…) moved into nonce'd scripts, and the header {@link SecurityHeaders#FACES_POLICY}
 * with that nonce. The policy lives in Java, beside the one of the security chains, so the two cannot drift apart.
 */
@Configuration(proxyBeanMethods = false)
class FacesContentSecurityPolicy {

    @Bean
    ServletContextInitializer primeFacesCsp() {
        return servletContext -> {
            servletContext.setInitParameter("primefaces.CSP", "true");
            servletContext.setInitParameter("primefaces.CSP_POLICY", SecurityHeaders.FACES_POLICY);
        };
    }
}

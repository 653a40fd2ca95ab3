package cn.hrss.zcrd.verification.internal;

import cn.hrss.zcrd.shared.RateLimits;
import cn.hrss.zcrd.shared.SecurityHeaders;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.web.util.HtmlUtils;

/**
 * Who may reach verification: everyone, without a session. The page keeps CSRF protection for its forms with the
 * token in a cookie (no session is made for it); the JSON API is stateless and has nothing for CSRF to abuse, like
 * {@code /pki/}. The request filter (the limit {@code verification} per address, size) runs before Spring Security's filters.
 */
@Configuration(proxyBeanMethods = false)
class VerificationConfiguration {

    /** Before Spring Security's filter chain (-100): refused requests cost nothing more. */
    static final int FILTER_ORDER = -200;

    @Bean
    FilterRegistrationBean<VerificationRequestFilter> verificationRequestFilter(
            RateLimits limits, VerificationProperties properties, VerificationMessages messages) {
        FilterRegistrationBean<VerificationRequestFilter> registration = new FilterRegistrationBean<>(
                new VerificationRequestFilter(limits.named("verification"), properties, messages));
        registration.addUrlPatterns("/verify", "/verify/*", "/api/verify/*");
        registration.setOrder(FILTER_ORDER);
        return registration;
    }

    @Bean
    @Order(0)
    SecurityFilterChain verificationApiSecurity(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/verify/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable());
        return SecurityHeaders.on(http).build();
    }

    @Bean
    @Order(0)
    SecurityFilterChain verificationPageSecurity(HttpSecurity http, VerificationMessages messages) throws Exception {
        http.securityMatcher("/verify", "/verify/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.csrfTokenRepository(csrfCookie()))
                // a form without its token (or an old page): say so here, not on the faces error page (no session)
                .exceptionHandling(errors -> errors.accessDeniedHandler((request, response, denied) -> {
                    byte[] body = VerificationPage.messagePage(
                                    messages,
                                    request,
                                    HtmlUtils.htmlEscape(messages.text(request, "verify.form-expired")))
                            .getBytes(StandardCharsets.UTF_8);
                    response.setStatus(403);
                    response.setContentType("text/html;charset=UTF-8");
                    response.setContentLength(body.length);
                    response.getOutputStream().write(body);
                }))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable());
        return SecurityHeaders.on(http).build();
    }

    /** The form's CSRF token in a cookie (the page keeps no session): Secure, HttpOnly, SameSite. */
    private static CookieCsrfTokenRepository csrfCookie() {
        CookieCsrfTokenRepository cookie = new CookieCsrfTokenRepository();
        cookie.setCookieCustomizer(c -> c.secure(true).httpOnly(true).sameSite("Lax"));
        return cookie;
    }
}

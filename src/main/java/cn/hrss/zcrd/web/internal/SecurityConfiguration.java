package cn.hrss.zcrd.web.internal;

import cn.hrss.zcrd.account.BackOfficeAccounts;
import cn.hrss.zcrd.account.BackOfficeRole;
import cn.hrss.zcrd.account.CertificateIdentity;
import cn.hrss.zcrd.account.PortalAccountKind;
import cn.hrss.zcrd.account.PortalAccounts;
import cn.hrss.zcrd.account.PortalLoginDetails;
import cn.hrss.zcrd.web.ConnectorPorts;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Who may reach what, per face (SPEC §1):
 * <ol>
 *   <li>the UKEY port (mutual TLS): {@code /sdmanager/**} by client certificate, bound exactly to an account;</li>
 *   <li>{@code /sdmanager/**} on the ordinary port: the password fallback with fewer rights;</li>
 *   <li>everything else: the portal (individuals and units log in with a password, lockout after repeated
 *   failures), verification, static resources.</li>
 * </ol>
 * CSRF protection stays on everywhere; JSF forms carry the token (see {@code z:csrf}).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    static final String REFUSAL_VIEW = "/errors/refused.xhtml";
    /** The audit trail page: system admins only, on either back-office port. */
    static final String AUDIT_PAGE = "/sdmanager/audit.xhtml";
    /** Seal impression review (印章印模审核) and its images: bureau roles only, on either back-office port. */
    static final String[] SEAL_REVIEW = {"/sdmanager/seals.xhtml", "/sdmanager/seal/**"};
    private static final String[] BUREAU_ROLES = {BackOfficeRole.SYSTEM_ADMIN.name(),
            BackOfficeRole.BUREAU_REVIEWER.name()};
    private static final String[] PUBLIC_RESOURCES = {"/jakarta.faces.resource/**", "/resources/**", "/errors/**",
            "/favicon.ico"};

    @Bean
    @Order(1)
    SecurityFilterChain ukeyBackOffice(HttpSecurity http, ConnectorPorts ports, BackOfficeAccounts accounts)
            throws Exception {
        http.securityMatcher(request -> ports.isUkeyPort(request.getLocalPort()))
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR).permitAll()
                        .requestMatchers(PUBLIC_RESOURCES).permitAll()
                        .requestMatchers(AUDIT_PAGE).hasRole(BackOfficeRole.SYSTEM_ADMIN.name())
                        .requestMatchers(SEAL_REVIEW).hasAnyRole(BUREAU_ROLES)
                        .requestMatchers("/", "/sdmanager", "/sdmanager/**").authenticated()
                        .anyRequest().denyAll())
                .x509(x509 -> x509
                        .x509PrincipalExtractor(CertificateIdentity::fingerprint)
                        .authenticationUserDetailsService(accounts.ukeyLogins()))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(new RefusalPage(REFUSAL_VIEW, "refused.ukey-unbound"))
                        .accessDeniedHandler(new RefusalPage(REFUSAL_VIEW, "refused.access-denied")))
                .logout(logout -> logout.logoutUrl("/sdmanager/logout").logoutSuccessUrl("/sdmanager/"));
        return commonHeaders(http).build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain passwordBackOffice(HttpSecurity http, BackOfficeAccounts accounts,
                                           PasswordEncoder passwordEncoder,
                                           AuthenticationEventPublisher authenticationEvents) throws Exception {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(accounts.passwordLogins());
        passwords.setPasswordEncoder(passwordEncoder);
        http.securityMatcher("/sdmanager", "/sdmanager/**")
                .authenticationManager(publishing(new ProviderManager(passwords), authenticationEvents))
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR).permitAll()
                        .requestMatchers("/sdmanager/login.xhtml").permitAll()
                        .requestMatchers(AUDIT_PAGE).hasRole(BackOfficeRole.SYSTEM_ADMIN.name())
                        .requestMatchers(SEAL_REVIEW).hasAnyRole(BUREAU_ROLES)
                        .anyRequest().authenticated())
                .formLogin(form -> form
                        .loginPage("/sdmanager/login.xhtml")
                        .loginProcessingUrl("/sdmanager/login")
                        .defaultSuccessUrl("/sdmanager/index.xhtml", true)
                        .failureUrl("/sdmanager/login.xhtml?error"))
                .exceptionHandling(errors -> errors
                        .accessDeniedHandler(new RefusalPage(REFUSAL_VIEW, "refused.access-denied")))
                .logout(logout -> logout.logoutUrl("/sdmanager/logout")
                        .logoutSuccessUrl("/sdmanager/login.xhtml?logout"));
        return commonHeaders(http).build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain portal(HttpSecurity http, PortalAccounts accounts,
                               AuthenticationEventPublisher authenticationEvents) throws Exception {
        http.authenticationManager(publishing(new ProviderManager(accounts.loginProvider()), authenticationEvents))
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR).permitAll()
                        .requestMatchers(PUBLIC_RESOURCES).permitAll()
                        .requestMatchers("/", "/rsrc", "/rsrc/", "/rsrc/index.xhtml", "/rsrc/login.xhtml",
                                "/rsrc/register/**", "/verify/**", "/actuator/health").permitAll()
                        .requestMatchers("/rsrc/person/**").hasRole(PortalAccountKind.PERSON.name())
                        .requestMatchers("/rsrc/unit/**").hasRole(PortalAccountKind.UNIT.name())
                        .requestMatchers("/rsrc/**").authenticated()
                        .anyRequest().denyAll())
                .formLogin(form -> form
                        .loginPage("/rsrc/login.xhtml")
                        .loginProcessingUrl("/rsrc/login")
                        .authenticationDetailsSource(PortalLoginDetails::of)
                        .defaultSuccessUrl("/rsrc/index.xhtml", true)
                        .failureHandler(SecurityConfiguration::portalLoginFailed))
                .exceptionHandling(errors -> errors
                        .accessDeniedHandler(new RefusalPage(REFUSAL_VIEW, "refused.access-denied")))
                .logout(logout -> logout.logoutUrl("/rsrc/logout").logoutSuccessUrl("/rsrc/login.xhtml?logout"));
        return commonHeaders(http).build();
    }

    /** Back to the login page, on the tab of the kind that tried, saying wrong credentials or locked. */
    private static void portalLoginFailed(HttpServletRequest request, HttpServletResponse response,
                                          AuthenticationException failure) throws IOException {
        String kind = PortalAccountKind.fromParameter(request.getParameter("kind")).name().toLowerCase();
        String reason = failure instanceof LockedException ? "locked" : "error";
        response.sendRedirect(request.getContextPath() + "/rsrc/login.xhtml?" + reason + "&kind=" + kind);
    }

    /**
     * A hand-built manager publishes nothing unless told; the audit trail listens for its success and failure
     * events. (The UKEY chain's manager is built by HttpSecurity, which already uses the publisher bean.)
     */
    private static ProviderManager publishing(ProviderManager manager, AuthenticationEventPublisher events) {
        manager.setAuthenticationEventPublisher(events);
        return manager;
    }

    private static HttpSecurity commonHeaders(HttpSecurity http) throws Exception {
        return http.headers(headers -> headers
                .frameOptions(frame -> frame.sameOrigin())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
    }
}

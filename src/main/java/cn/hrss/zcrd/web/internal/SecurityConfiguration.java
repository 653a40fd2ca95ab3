package cn.hrss.zcrd.web.internal;

import cn.hrss.zcrd.account.BackOfficeAuthentication;
import cn.hrss.zcrd.account.BackOfficeLoginDetails;
import cn.hrss.zcrd.account.BackOfficeLoginRefusedException;
import cn.hrss.zcrd.account.CertificateIdentity;
import cn.hrss.zcrd.account.LoginNotTriedException;
import cn.hrss.zcrd.account.PortalAccountKind;
import cn.hrss.zcrd.account.PortalAccounts;
import cn.hrss.zcrd.account.PortalLoginDetails;
import cn.hrss.zcrd.shared.SecurityHeaders;
import cn.hrss.zcrd.web.ConnectorPorts;
import jakarta.servlet.DispatcherType;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.preauth.x509.X509AuthenticationFilter;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;

/**
 * Who may reach what, per face (SPEC §1):
 * <ol>
 *   <li>the UKEY port (mutual TLS): {@code /sdmanager/**} by client certificate, bound exactly to an account;</li>
 *   <li>{@code /sdmanager/**} on the ordinary port: the password + TOTP fallback with fewer rights;</li>
 *   <li>everything else: the portal (individuals and units log in with a password, lockout after repeated
 *   failures), verification, static resources.</li>
 * </ol>
 * Which back-office role opens which URL is {@link BackOfficeUrls}; every back-office request also passes
 * {@link BackOfficeSessionCheck}, which ends a session whose account was disabled or changed, or whose UKEY was
 * revoked. On the UKEY face the session caches the certificate login, {@link UkeySessionCertificateCheck} ends it
 * when the connection presents another certificate. Each face has its own session cookie ({@link FaceSessions}). CSRF protection stays on everywhere; JSF forms carry the token (see {@code z:csrf}).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    static final String REFUSAL_VIEW = "/errors/refused.xhtml";
    private static final SessionOrCookieCsrfTokens SESSION_OR_COOKIE_CSRF = new SessionOrCookieCsrfTokens();
    private static final String[] PUBLIC_RESOURCES = {
        "/jakarta.faces.resource/**", "/resources/**", "/errors/**", "/favicon.ico"
    };

    @Bean
    @Order(1)
    SecurityFilterChain ukeyBackOffice(
            HttpSecurity http,
            ConnectorPorts ports,
            BackOfficeAuthentication logins,
            ApplicationEventPublisher applicationEvents)
            throws Exception {
        http.securityMatcher(request -> ports.isUkeyPort(request.getLocalPort()))
                .authorizeHttpRequests(requests -> BackOfficeUrls.rules(
                                requests.dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR)
                                        .permitAll()
                                        .requestMatchers(PUBLIC_RESOURCES)
                                        .permitAll())
                        .requestMatchers("/")
                        .hasAnyRole(BackOfficeUrls.ROLES)
                        .anyRequest()
                        .denyAll())
                .x509(x509 -> x509.x509PrincipalExtractor(CertificateIdentity::fingerprint)
                        .authenticationUserDetailsService(logins.ukeyLogins())
                        // Spring Security keeps an X.509 login for the request only, so every request was a new
                        // login (and an audit row); the session caches it, held to the certificate by the check below
                        .withObjectPostProcessor(new ObjectPostProcessor<X509AuthenticationFilter>() {
                            @Override
                            public <O extends X509AuthenticationFilter> O postProcess(O filter) {
                                filter.setSecurityContextRepository(new DelegatingSecurityContextRepository(
                                        new HttpSessionSecurityContextRepository(),
                                        new RequestAttributeSecurityContextRepository()));
                                return filter;
                            }
                        }))
                .addFilterAfter(new UkeySessionCertificateCheck(applicationEvents), SecurityContextHolderFilter.class)
                .addFilterAfter(new BackOfficeSessionCheck(logins, null), UkeySessionCertificateCheck.class)
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint(new RefusalPage(REFUSAL_VIEW, "refused.ukey-unbound"))
                                .accessDeniedHandler(new RefusalPage(REFUSAL_VIEW, "refused.access-denied")))
                .logout(logout -> logout.logoutUrl("/sdmanager/logout").logoutSuccessUrl("/sdmanager/"));
        return commonHeaders(http).build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain passwordBackOffice(
            HttpSecurity http, BackOfficeAuthentication logins, ApplicationEventPublisher applicationEvents)
            throws Exception {
        http.securityMatcher("/sdmanager", "/sdmanager/**")
                .authenticationManager(
                        publishing(new ProviderManager(logins.passwordLogin()), loginEvents(applicationEvents)))
                .authorizeHttpRequests(requests -> BackOfficeUrls.rules(
                                requests.dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR)
                                        .permitAll()
                                        .requestMatchers("/sdmanager/login.xhtml")
                                        .permitAll())
                        .anyRequest()
                        .denyAll())
                .formLogin(form -> form.loginPage("/sdmanager/login.xhtml")
                        .loginProcessingUrl("/sdmanager/login")
                        .authenticationDetailsSource(BackOfficeLoginDetails::of)
                        .successHandler(BackOfficeUrls::loggedIn)
                        .failureHandler(BackOfficeUrls.loginFailed(logins)))
                // the login page needs no session: its CSRF token sits in a cookie until there is one, and no request
                // is saved for after the login (it always lands on a fixed page)
                .csrf(csrf -> csrf.csrfTokenRepository(SESSION_OR_COOKIE_CSRF))
                .requestCache(cache -> cache.disable())
                .addFilterAfter(
                        new BackOfficeSessionCheck(logins, "/sdmanager/login.xhtml?ended"),
                        SecurityContextHolderFilter.class)
                .exceptionHandling(errors -> errors.accessDeniedHandler(
                        BackOfficeUrls.setupFirst(new RefusalPage(REFUSAL_VIEW, "refused.access-denied"))))
                .logout(logout ->
                        logout.logoutUrl("/sdmanager/logout").logoutSuccessUrl("/sdmanager/login.xhtml?logout"));
        return commonHeaders(http).build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain portal(HttpSecurity http, PortalAccounts accounts, ApplicationEventPublisher applicationEvents)
            throws Exception {
        http.authenticationManager(
                        publishing(new ProviderManager(accounts.loginProvider()), loginEvents(applicationEvents)))
                .authorizeHttpRequests(
                        requests -> requests.dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR)
                                .permitAll()
                                .requestMatchers(PUBLIC_RESOURCES)
                                .permitAll()
                                .requestMatchers(
                                        "/",
                                        "/rsrc",
                                        "/rsrc/",
                                        "/rsrc/index.xhtml",
                                        "/rsrc/login.xhtml",
                                        "/rsrc/register/**",
                                        "/verify/**")
                                .permitAll()
                                .requestMatchers("/rsrc/person/**")
                                .hasRole(PortalAccountKind.PERSON.name())
                                .requestMatchers("/rsrc/unit/**")
                                .hasRole(PortalAccountKind.UNIT.name())
                                .requestMatchers("/rsrc/**")
                                .authenticated()
                                .anyRequest()
                                .denyAll())
                .formLogin(form -> form.loginPage("/rsrc/login.xhtml")
                        .loginProcessingUrl("/rsrc/login")
                        .authenticationDetailsSource(PortalLoginDetails::of)
                        .defaultSuccessUrl("/rsrc/index.xhtml", true)
                        .failureHandler(portalLoginFailed(accounts)))
                // pages of visitors who are not signed in make no session for the CSRF token or a saved request
                .csrf(csrf -> csrf.csrfTokenRepository(SESSION_OR_COOKIE_CSRF))
                .requestCache(cache -> cache.disable())
                .exceptionHandling(
                        errors -> errors.accessDeniedHandler(new RefusalPage(REFUSAL_VIEW, "refused.access-denied")))
                .logout(logout -> logout.logoutUrl("/rsrc/logout").logoutSuccessUrl("/rsrc/login.xhtml?logout"));
        return commonHeaders(http).build();
    }

    /**
     * Back to the login page, on the tab of the kind that tried, saying why: wrong credentials (and whether the next
     * try needs the captcha), locked, the captcha missing or wrong, or too many tries from this address.
     */
    private static AuthenticationFailureHandler portalLoginFailed(PortalAccounts accounts) {
        return (request, response, failure) -> {
            PortalAccountKind kind = PortalAccountKind.fromParameter(request.getParameter("kind"));
            String reason;
            if (failure instanceof LoginNotTriedException refused) {
                reason = switch (refused.reason()) {
                    case THROTTLED -> "throttled=" + refused.retryAfterMinutes();
                    case LOCKED -> "locked";
                    case CAPTCHA_MISSING, CAPTCHA_WRONG ->
                        "error&captcha=" + refused.reason().word();
                };
            } else if (failure instanceof LockedException) {
                reason = "locked";
            } else {
                reason = accounts.captchaRequired(kind, request.getParameter("username")) ? "error&captcha" : "error";
            }
            response.sendRedirect(request.getContextPath() + "/rsrc/login.xhtml?" + reason + "&kind="
                    + kind.name().toLowerCase(Locale.ROOT));
        };
    }

    /**
     * The password logins' events for the audit trail: every failure is published, also refused TOTP codes and the
     * refusals before a password is compared, which Spring Security's default mapping does not know.
     */
    private static DefaultAuthenticationEventPublisher loginEvents(ApplicationEventPublisher applicationEvents) {
        DefaultAuthenticationEventPublisher events = new DefaultAuthenticationEventPublisher(applicationEvents);
        events.setAdditionalExceptionMappings(
                Map.of(BackOfficeLoginRefusedException.class, AuthenticationFailureBadCredentialsEvent.class));
        events.setDefaultAuthenticationFailureEvent(AuthenticationFailureBadCredentialsEvent.class);
        return events;
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
        return SecurityHeaders.on(http);
    }
}

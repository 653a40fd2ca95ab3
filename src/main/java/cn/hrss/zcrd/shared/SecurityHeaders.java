package cn.hrss.zcrd.shared;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The response headers of every face, one definition for every security chain: a Content-Security-Policy,
 * {@code X-Content-Type-Options: nosniff}, {@code Referrer-Policy: same-origin}, framing only by the product's own
 * pages, no caching of answers (pages may hold personal data and CSRF tokens; static resources are not behind a
 * chain that writes these), and HSTS on the HTTPS listeners (Spring Security writes it on secure requests only).
 *
 * <p>Faces pages get the same policy with a per-response nonce on {@code script-src}: PrimeFaces writes it
 * ({@code primefaces.CSP}, {@link #FACES_POLICY}), and the chains leave a policy already set alone. Every other
 * answer (verification page, API, error answers outside faces) gets {@link #POLICY}, which allows no inline script.
 */
public final class SecurityHeaders {

    /**
     * Everything but the script nonce; ends with {@code script-src}, to which PrimeFaces appends
     * {@code 'nonce-…';}. Inline styles stay allowed (PrimeFaces components position themselves with them);
     * {@code blob:} workers are the captcha's proof-of-work.
     */
    public static final String FACES_POLICY =
            "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                    + "font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; "
                    + "form-action 'self'; frame-ancestors 'self'; script-src 'self'";

    /** The policy of answers that are not faces pages: no inline script at all. */
    public static final String POLICY = FACES_POLICY + ";";

    private SecurityHeaders() {}

    /** Applies the headers to a security chain. */
    public static HttpSecurity on(HttpSecurity http) throws Exception {
        return http.headers(headers -> headers.frameOptions(frame -> frame.sameOrigin())
                .contentTypeOptions(options -> {})
                .cacheControl(cache -> {})
                .httpStrictTransportSecurity(
                        hsts -> hsts.maxAgeInSeconds(31_536_000).includeSubDomains(false))
                .contentSecurityPolicy(csp -> csp.policyDirectives(POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
    }
}

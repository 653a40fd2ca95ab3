package cn.hrss.zcrd.signing;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where signature time stamps come from, and whether the platform's own TSA answers others.
 *
 * @param url            an external RFC 3161 TSA (HTTP POST, application/timestamp-query; credentials, if any, as
 *                       {@code https://client:secret@host/…}, sent as HTTP Basic); empty: the platform's own TSA
 * @param attempts       tries per time stamp at an external TSA before the item fails
 * @param initialBackoff wait before the second try; doubled before each further one
 * @param timeout        connect and answer timeout of one try
 * @param policy         the TSA policy OID the platform's own TSA stamps under — the bureau's own, under its arc
 *                       ({@code zcrd.signing.policy-arc}.2.1 by default); every token carries it, requests for
 *                       another are rejected
 * @param keyAlias       the platform TSA's key in the platform token (generated on first use, EC P-256; the RSA key
 *                       of earlier versions, {@code platform-tsa-1}, stays in the token unused)
 * @param endpoint       the TSA over HTTP ({@code POST /pki/tsa}) for other systems: off unless enabled
 */
@ConfigurationProperties("zcrd.signing.tsa")
public record TimeStampProperties(
        URI url,
        @DefaultValue("4") int attempts,
        @DefaultValue("500ms") Duration initialBackoff,
        @DefaultValue("5s") Duration timeout,

        @DefaultValue(SigningProperties.DEVELOPMENT_POLICY_ARC + ".2.1")
        String policy,

        @DefaultValue("platform-tsa-2") String keyAlias,
        @DefaultValue Endpoint endpoint) {

    @ConstructorBinding
    public TimeStampProperties {}

    /** Without the HTTP endpoint (off). */
    public TimeStampProperties(
            URI url, int attempts, Duration initialBackoff, Duration timeout, String policy, String keyAlias) {
        this(url, attempts, initialBackoff, timeout, policy, keyAlias, new Endpoint(false, null));
    }

    /**
     * The TSA's HTTP endpoint. By default it does not exist (404): the TSA serves the platform's own issuance only.
     * Enabled, it answers only clients named in {@code clientsFile} (HTTP Basic), each throttled by the limit {@code
     * zcrd.limits.rules.tsa}.
     *
     * @param enabled          whether {@code POST /pki/tsa} answers at all
     * @param clientsFile      one client per line, {@code name:sha256-hex-of-its-secret} ({@code #} comments); a
     *                         secret is 32 random bytes or more, so a plain SHA-256 suffices
     */
    public record Endpoint(@DefaultValue("false") boolean enabled, Path clientsFile) {}
}

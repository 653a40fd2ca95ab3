package cn.hrss.zcrd.verification.internal;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code zcrd.verification.*} (besides {@code base-url}, which the certificate module prints in the QR codes).
 *
 * @param maxUploadBytes largest PDF accepted for verification (the platform's certificates are ≈ 100 KB)
 * @param discardLimit   a larger request body is read and thrown away up to this many bytes so the client gets the
 *                       message (beyond it the connection is closed)
 * @param rateLimit      per client address
 */
@ConfigurationProperties("zcrd.verification")
public record VerificationProperties(
        @DefaultValue("5242880") long maxUploadBytes,
        @DefaultValue("67108864") long discardLimit,
        @DefaultValue RateLimit rateLimit) {

    /**
     * A token bucket per client address (the TCP peer; forwarded headers are not trusted).
     *
     * @param capacity           requests a client may make at once
     * @param refillPerMinute    requests added back per minute
     * @param unlimitedAddresses addresses never limited (e.g. an internal checker; the tests' own client)
     * @param maxClients         addresses remembered at most (idle ones are forgotten first)
     */
    public record RateLimit(
            @DefaultValue("30") int capacity,
            @DefaultValue("60") int refillPerMinute,
            @DefaultValue List<String> unlimitedAddresses,
            @DefaultValue("100000") int maxClients) {}
}

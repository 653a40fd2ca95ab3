package cn.hrss.zcrd.signing;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where signature time stamps come from.
 *
 * @param url            an external RFC 3161 TSA (HTTP POST, application/timestamp-query); empty: the platform's own TSA
 * @param attempts       tries per time stamp at an external TSA before the item fails
 * @param initialBackoff wait before the second try; doubled before each further one
 * @param timeout        connect and answer timeout of one try
 * @param policy         the TSA policy OID the platform's own TSA stamps under (replace by the bureau's registered one)
 * @param keyAlias       the platform TSA's key in the platform token (generated on first use, EC P-256; the RSA key
 *                       of earlier versions, {@code platform-tsa-1}, stays in the token unused)
 */
@ConfigurationProperties("zcrd.signing.tsa")
public record TimeStampProperties(
        URI url,
        @DefaultValue("4") int attempts,
        @DefaultValue("500ms") Duration initialBackoff,
        @DefaultValue("5s") Duration timeout,
        @DefaultValue("2.5.29.32.0") String policy,
        @DefaultValue("platform-tsa-2") String keyAlias) {}

package cn.hrss.zcrd.signing;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Revocation data of the platform PKI.
 *
 * @param publicBaseUrl   where the application's {@code /pki/} endpoints are reachable from outside; the seal CA
 *                        writes {@code <publicBaseUrl>/pki/seal-ca.crl} into its certificates' CRL distribution point
 * @param rootCrl         the root CA's current CRL (PEM or DER), published by the root's operators
 * @param sealCaCrlValidity how long a seal CA CRL is valid (its nextUpdate)
 * @param sealCaCrlRenewal how often a node re-issues the seal CA CRL even when nothing was revoked
 */
@ConfigurationProperties("zcrd.signing.revocation")
public record RevocationProperties(
        @DefaultValue("http://localhost:8080") URI publicBaseUrl,
        Path rootCrl,
        @DefaultValue("7d") Duration sealCaCrlValidity,
        @DefaultValue("1h") Duration sealCaCrlRenewal) {}

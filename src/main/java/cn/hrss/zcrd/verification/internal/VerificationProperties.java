package cn.hrss.zcrd.verification.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code zcrd.verification.*} (besides {@code base-url}, which the certificate module prints in the QR codes).
 *
 * @param maxUploadBytes largest PDF accepted for verification (the platform's certificates are ≈ 100 KB)
 * @param discardLimit   a larger request body is read and thrown away up to this many bytes so the client gets the
 *                       message (beyond it the connection is closed)
 */
@ConfigurationProperties("zcrd.verification")
public record VerificationProperties(
        @DefaultValue("5242880") long maxUploadBytes,
        @DefaultValue("67108864") long discardLimit) {}

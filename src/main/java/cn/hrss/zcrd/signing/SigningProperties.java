package cn.hrss.zcrd.signing;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the platform token and the dev seal CA are.
 *
 * @param providerConfig SunPKCS11 configuration file of the platform token (written by {@code ops/dev-setup})
 * @param pinFile file holding the token's user PIN
 * @param maxConcurrentSignatures bound on signatures in flight through the token at once
 * @param sealCaKeystore PKCS#12 file with the seal CA's key (dev PKI)
 * @param sealCaPasswordFile file holding that keystore's password
 * @param rootCertificate the platform root CA certificate (PEM), the trust anchor of every seal certificate
 */
@ConfigurationProperties("zcrd.signing")
public record SigningProperties(
        Path providerConfig,
        Path pinFile,
        @DefaultValue("4") int maxConcurrentSignatures,
        Path sealCaKeystore,
        Path sealCaPasswordFile,
        Path rootCertificate) {}

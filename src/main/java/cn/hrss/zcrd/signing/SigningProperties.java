package cn.hrss.zcrd.signing;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the platform token is and what the platform's certificates say.
 *
 * @param providerConfig SunPKCS11 configuration file of the platform token (written by {@code ops/dev-setup})
 * @param pinFile file holding the token's user PIN
 * @param maxConcurrentSignatures bound on signatures in flight through the token at once
 * @param sealCaKey the seal CA's key in the platform token (generated there, certified by the offline root)
 * @param rootCertificate the platform root CA certificate (PEM), the trust anchor of every seal certificate
 * @param policyArc the bureau's OID arc; the certificate policies of {@link CertificateProfile} and the TSA's policy
 *     lie under it. The default is the development arc (a UUID OID, 2.25.…) that a {@code prod} start refuses.
 * @param healthCheckInterval the health check makes at most one real test signature per interval
 * @param sealCertificates who certifies the electronic seals' keys: {@code internal} (the platform's seal CA, the
 *     default) or {@code external} (a licensed CA; the key waits in the token for the certificate a system admin
 *     imports, see {@link ExternalCaProperties})
 */
@ConfigurationProperties("zcrd.signing")
public record SigningProperties(
        Path providerConfig,
        Path pinFile,
        @DefaultValue("4") int maxConcurrentSignatures,
        @DefaultValue("seal-ca") String sealCaKey,
        Path rootCertificate,
        @DefaultValue(DEVELOPMENT_POLICY_ARC) String policyArc,
        @DefaultValue("1m") java.time.Duration healthCheckInterval,
        @DefaultValue("internal") SealCertificates sealCertificates) {

    /** Who certifies the electronic seals' keys ({@code zcrd.signing.seal-certificates}). */
    public enum SealCertificates {
        /** the platform's seal CA, at once when the key is generated */
        INTERNAL,
        /** a licensed external CA: PKCS#10 request out, certificate imported in the back office */
        EXTERNAL
    }

    /** The OID arc shipped for development; a bureau registers its own (e.g. under 1.2.156). */
    public static final String DEVELOPMENT_POLICY_ARC = "2.25.114463474982291766057463454481968213763";
}

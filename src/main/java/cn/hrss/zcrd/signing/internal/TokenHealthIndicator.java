package cn.hrss.zcrd.signing.internal;

import cn.hrss.zcrd.signing.CertificateAuthority;
import cn.hrss.zcrd.signing.SignatureToken;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/** Health of the platform token, checked the only honest way: a real signature, verified. */
@Component("platformTokenHealthIndicator")
class TokenHealthIndicator extends AbstractHealthIndicator {

    static final String HEALTH_KEY = "zcrd-health-check";

    private final SignatureToken token;
    private final CertificateAuthority authority;
    private final SecureRandom random = new SecureRandom();

    TokenHealthIndicator(SignatureToken token, CertificateAuthority authority) {
        this.token = token;
        this.authority = authority;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        if (!token.containsKey(HEALTH_KEY)) {
            token.generateKey(
                    HEALTH_KEY,
                    2048,
                    publicKey -> authority.issueSealCertificate(publicKey, "平台令牌健康检查", "HEALTHCHECK"));
        }
        byte[] challenge = new byte[32];
        random.nextBytes(challenge);
        byte[] signature = token.sign(HEALTH_KEY, "SHA256withRSA", challenge);
        X509Certificate certificate = token.certificateChain(HEALTH_KEY).get(0);
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(certificate.getPublicKey());
        verifier.update(challenge);
        if (verifier.verify(signature)) {
            builder.up().withDetail("testSignature", "verified");
        } else {
            builder.down().withDetail("testSignature", "did not verify");
        }
    }
}

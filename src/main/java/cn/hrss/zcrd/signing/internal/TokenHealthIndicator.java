package cn.hrss.zcrd.signing.internal;

import cn.hrss.zcrd.signing.CertificateAuthority;
import cn.hrss.zcrd.signing.CertificateProfile;
import cn.hrss.zcrd.signing.SignatureToken;
import cn.hrss.zcrd.signing.SigningProperties;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * Health of the platform token, checked the only honest way: a real signature, verified — but at most one per
 * {@code zcrd.signing.health-check-interval}, so that anonymous probes cannot make the token sign on demand; in
 * between the last result is reported with its time. The key has the {@link CertificateProfile#TEST test profile}:
 * whatever it signed never passes as a seal.
 */
@Component("platformTokenHealthIndicator")
class TokenHealthIndicator extends AbstractHealthIndicator {

    static final String HEALTH_KEY = "platform-health-1";

    private final SignatureToken token;
    private final TokenKeyGeneration keys;
    private final CertificateAuthority authority;
    private final Clock clock;
    private final Duration interval;
    private final SecureRandom random = new SecureRandom();
    private volatile Check last;

    /** One real test signature and its outcome (a failure is kept for the interval too). */
    private record Check(boolean verified, Instant at, String failure) {}

    TokenHealthIndicator(
            SignatureToken token,
            TokenKeyGeneration keys,
            CertificateAuthority authority,
            SigningProperties properties,
            Clock clock) {
        this.token = token;
        this.keys = keys;
        this.authority = authority;
        this.clock = clock;
        this.interval = properties.healthCheckInterval();
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        Check check = current();
        (check.verified() ? builder.up() : builder.down())
                .withDetail(
                        "testSignature",
                        check.verified() ? "verified" : check.failure() == null ? "did not verify" : check.failure())
                .withDetail("checkedAt", check.at().toString());
    }

    private Check current() {
        Check known = last;
        Instant now = clock.instant();
        if (known != null && known.at().plus(interval).isAfter(now)) {
            return known;
        }
        synchronized (this) {
            known = last;
            if (known == null || !known.at().plus(interval).isAfter(now)) {
                known = check(now);
                last = known;
            }
            return known;
        }
    }

    private Check check(Instant now) {
        try {
            return new Check(testSignature(), now, null);
        } catch (GeneralSecurityException | RuntimeException e) {
            return new Check(false, now, TokenErrors.describe(e));
        }
    }

    private boolean testSignature() throws GeneralSecurityException {
        // generated on first use by one node only: the readiness probes of nodes starting together all get here
        X509Certificate certificate = keys.chainGeneratingOnce(
                        HEALTH_KEY,
                        new ECGenParameterSpec("secp256r1"),
                        publicKey -> authority.issueCertificate(CertificateProfile.TEST, publicKey, "平台令牌健康检查"))
                .get(0);
        byte[] challenge = new byte[32];
        random.nextBytes(challenge);
        String algorithm = SignatureToken.sha256With(certificate.getPublicKey());
        byte[] signature = token.sign(HEALTH_KEY, algorithm, challenge);
        Signature verifier = Signature.getInstance(algorithm);
        verifier.initVerify(certificate.getPublicKey());
        verifier.update(challenge);
        return verifier.verify(signature);
    }
}

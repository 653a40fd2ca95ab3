package cn.hrss.zcrd.signing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.zcrd.signing.SignatureToken;
import cn.hrss.zcrd.signing.SigningProperties;
import cn.hrss.zcrd.signing.TokenUnavailableException;
import cn.hrss.zcrd.support.SelfSigned;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.AlgorithmParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * The platform token's health (a member of the readiness group with the database, application.yml): DOWN while the
 * token cannot sign — a load balancer then sends the node no requests — and UP again once it signs, at the next
 * check after the interval.
 */
class TokenHealthIndicatorTest {

    final SwitchableToken token = new SwitchableToken();
    final MovableClock clock = new MovableClock();
    final TokenHealthIndicator health = new TokenHealthIndicator(
            token,
            new TokenKeyGeneration(token, null, null), // the key exists: no database needed
            null, // the key exists: nothing is certified
            new SigningProperties(null, null, 1, "seal-ca", null, "2.25.1", Duration.ofMinutes(1), null),
            clock);

    @Test
    void aTokenThatCannotSignIsDownUntilItSignsAgain() {
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);

        token.present = false;
        clock.now = clock.now.plus(Duration.ofMinutes(2));
        Health down = health.health();
        assertThat(down.getStatus()).isEqualTo(Status.DOWN);
        assertThat(down.getDetails().get("testSignature").toString()).contains("CKR_TOKEN_NOT_PRESENT");

        token.present = true;
        assertThat(health.health().getStatus())
                .as("the failure is reported for the interval")
                .isEqualTo(Status.DOWN);
        clock.now = clock.now.plus(Duration.ofMinutes(2));
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }

    /** A software key behind the signing port that can be pulled out like a token. */
    static final class SwitchableToken implements SignatureToken {
        volatile boolean present = true;
        private final KeyPair key;
        private final X509Certificate certificate;

        SwitchableToken() {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
                generator.initialize(256);
                key = generator.generateKeyPair();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
            certificate = SelfSigned.issuedFor(key.getPublic(), "CN=health");
        }

        private void requirePresent() {
            if (!present) {
                throw new TokenUnavailableException("PKCS#11 token: CKR_TOKEN_NOT_PRESENT");
            }
        }

        @Override
        public byte[] sign(String alias, String algorithm, byte[] data) {
            requirePresent();
            try {
                Signature signature = Signature.getInstance(algorithm);
                signature.initSign(key.getPrivate());
                signature.update(data);
                return signature.sign();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public List<X509Certificate> certificateChain(String alias) {
            requirePresent();
            return List.of(certificate);
        }

        @Override
        public boolean containsKey(String alias) {
            requirePresent();
            return true;
        }

        @Override
        public List<X509Certificate> generateKey(String alias, AlgorithmParameterSpec spec, KeyCertifier certifier) {
            throw new UnsupportedOperationException();
        }
    }

    static final class MovableClock extends Clock {
        volatile Instant now = Instant.parse("2026-12-07T10:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

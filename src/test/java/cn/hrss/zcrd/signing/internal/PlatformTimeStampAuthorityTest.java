package cn.hrss.zcrd.signing.internal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.hrss.zcrd.signing.SignatureToken;
import cn.hrss.zcrd.signing.SoftwareTimeStampAuthority;
import cn.hrss.zcrd.signing.TimeStampProperties;
import cn.hrss.zcrd.signing.TokenUnavailableException;
import java.security.cert.X509Certificate;
import java.security.spec.AlgorithmParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The platform TSA signs through the token: when the token fails, the failure says so. */
class PlatformTimeStampAuthorityTest {

    @Test
    void aTokenThatFailsWhileStampingIsReportedAsTheTokenNotAsARefusal() throws Exception {
        X509Certificate certificate = SoftwareTimeStampAuthority.selfSigned().certificate();
        SignatureToken unplugged = new SignatureToken() {
            @Override
            public byte[] sign(String alias, String algorithm, byte[] data) {
                throw new TokenUnavailableException("PKCS#11 token: sign failed: CKR_DEVICE_REMOVED");
            }

            @Override
            public List<X509Certificate> certificateChain(String alias) {
                return List.of(certificate);
            }

            @Override
            public boolean containsKey(String alias) {
                return true;
            }

            @Override
            public List<X509Certificate> generateKey(
                    String alias, AlgorithmParameterSpec spec, KeyCertifier certifier) {
                throw new UnsupportedOperationException();
            }
        };
        PlatformTimeStampAuthority authority = new PlatformTimeStampAuthority(
                unplugged,
                new TokenKeyGeneration(unplugged, null, null), // the key exists: no database needed
                null,
                new TimeStampProperties(null, 1, Duration.ZERO, Duration.ofSeconds(1), "2.5.29.32.0", "tsa"),
                Clock.systemUTC());

        assertThatThrownBy(() -> authority.timeStampToken(new byte[32]))
                .isInstanceOf(TokenUnavailableException.class)
                .hasMessageContaining("CKR_DEVICE_REMOVED");
    }
}

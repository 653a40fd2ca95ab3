package cn.hrss.zcrd.signing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.hrss.zcrd.signing.SignatureToken;
import cn.hrss.zcrd.signing.TokenUnavailableException;
import cn.hrss.zcrd.support.SelfSigned;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SunPKCS11 adapter against the real SoftHSM2 platform token of ops/dev-setup. */
class Pkcs11SignatureTokenIT {

    static final Path CONFIG = Path.of("var/pkcs11/platform-token.cfg");
    static final Path PIN = Path.of("var/secrets/platform-token.pin");

    @Test
    void aMissingTokenConfigurationStopsWithAClearMessage(@TempDir Path dir) {
        assertThatThrownBy(() -> new Pkcs11SignatureToken(dir.resolve("absent.cfg"), PIN, 1))
                .isInstanceOf(TokenUnavailableException.class)
                .hasMessageContaining("absent.cfg")
                .hasMessageContaining("ops/dev-setup");
    }

    @Test
    void aKeyGeneratedInTheTokenSignsAndTheSignatureVerifies() throws Exception {
        Pkcs11SignatureToken token = new Pkcs11SignatureToken(CONFIG, PIN, 2);
        String alias = "it-key-" + System.nanoTime();

        token.generateKey(alias, 2048, publicKey -> List.of(SelfSigned.issuedFor(publicKey, "CN=" + alias)));
        byte[] data = "职称认定".getBytes(StandardCharsets.UTF_8);
        byte[] signature = token.sign(alias, "SHA256withRSA", data);

        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(token.certificateChain(alias).get(0).getPublicKey());
        verifier.update(data);
        assertThat(verifier.verify(signature)).isTrue();
        assertThat(token.containsKey(alias)).isTrue();
    }

    @Test
    void anEcKeyGeneratedInTheTokenSignsWithEcdsa() throws Exception {
        Pkcs11SignatureToken token = new Pkcs11SignatureToken(CONFIG, PIN, 2);
        String alias = "it-ec-key-" + System.nanoTime();

        List<X509Certificate> chain = token.generateKey(
                alias,
                new ECGenParameterSpec("secp256r1"),
                publicKey -> List.of(SelfSigned.issuedFor(publicKey, "CN=" + alias)));
        byte[] data = "时间戳".getBytes(StandardCharsets.UTF_8);
        String algorithm = SignatureToken.sha256With(chain.get(0).getPublicKey());
        byte[] signature = token.sign(alias, algorithm, data);

        assertThat(algorithm).isEqualTo("SHA256withECDSA");
        Signature verifier = Signature.getInstance(algorithm);
        verifier.initVerify(token.certificateChain(alias).get(0).getPublicKey());
        verifier.update(data);
        assertThat(verifier.verify(signature)).isTrue();
    }
}

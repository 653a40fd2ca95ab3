package cn.hrss.zcrd.signing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.zcrd.signing.SignatureToken;
import cn.hrss.zcrd.support.IntegrationTest;
import cn.hrss.zcrd.support.SelfSigned;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The platform TSA key race of two nodes starting together (docs/operations-cluster.md): both miss the key in the
 * shared token at the same moment; one generates it, the other waits and uses that one. Each "node" has its own
 * SunPKCS11 provider, login and key list over the one SoftHSM2 token, and its own transaction on the one database.
 */
@IntegrationTest
class TokenKeyGenerationIT {

    static final Path CONFIG = Path.of("var/pkcs11/platform-token.cfg");
    static final Path PIN = Path.of("var/secrets/platform-token.pin");

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void twoNodesMissingTheKeyTogetherGenerateItOnceAndBothSignWithIt() throws Exception {
        String alias = "it-race-" + System.nanoTime();
        CyclicBarrier bothMissed = new CyclicBarrier(2);
        AtomicInteger generated = new AtomicInteger();
        SignatureToken.KeyCertifier certifier = publicKey -> {
            generated.incrementAndGet();
            return List.of(SelfSigned.issuedFor(publicKey, "CN=" + alias));
        };
        SignatureToken node1 = missingTogether(new Pkcs11SignatureToken(CONFIG, PIN, 1), bothMissed);
        SignatureToken node2 = missingTogether(new Pkcs11SignatureToken(CONFIG, PIN, 1), bothMissed);
        TokenKeyGeneration keys1 = new TokenKeyGeneration(node1, jdbc, transactions);
        TokenKeyGeneration keys2 = new TokenKeyGeneration(node2, jdbc, transactions);
        ECGenParameterSpec curve = new ECGenParameterSpec(PlatformTimeStampAuthority.KEY_CURVE);

        X509Certificate first;
        X509Certificate second;
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            Future<List<X509Certificate>> chain1 =
                    nodes.submit(() -> keys1.chainGeneratingOnce(alias, curve, certifier));
            Future<List<X509Certificate>> chain2 =
                    nodes.submit(() -> keys2.chainGeneratingOnce(alias, curve, certifier));
            first = chain1.get(60, TimeUnit.SECONDS).get(0);
            second = chain2.get(60, TimeUnit.SECONDS).get(0);
        } finally {
            nodes.shutdownNow();
        }
        assertThat(generated).as("keys generated").hasValue(1);
        assertThat(second).isEqualTo(first);
        // a node started afterwards finds exactly one key under the label (two would be renamed label/issuer/serial)
        Pkcs11SignatureToken later = new Pkcs11SignatureToken(CONFIG, PIN, 1);
        assertThat(later.containsKey(alias)).isTrue();
        for (SignatureToken node : List.of(node1, node2, later)) {
            assertThat(verifies(node, alias, first)).isTrue();
        }
    }

    /** The node's token, whose first look for a key waits until the other node has looked too (and missed). */
    private static SignatureToken missingTogether(SignatureToken token, CyclicBarrier bothLooked) {
        AtomicBoolean first = new AtomicBoolean(true);
        return new SignatureToken() {
            @Override
            public byte[] sign(String alias, String algorithm, byte[] data) {
                return token.sign(alias, algorithm, data);
            }

            @Override
            public List<X509Certificate> certificateChain(String alias) {
                return token.certificateChain(alias);
            }

            @Override
            public boolean containsKey(String alias) {
                boolean found = token.containsKey(alias);
                if (first.getAndSet(false)) {
                    try {
                        bothLooked.await(30, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
                return found;
            }

            @Override
            public List<X509Certificate> generateKey(
                    String alias, AlgorithmParameterSpec spec, KeyCertifier certifier) {
                return token.generateKey(alias, spec, certifier);
            }
        };
    }

    private static boolean verifies(SignatureToken token, String alias, X509Certificate certificate) throws Exception {
        byte[] data = "时间戳".getBytes(StandardCharsets.UTF_8);
        String algorithm = SignatureToken.sha256With(certificate.getPublicKey());
        Signature verifier = Signature.getInstance(algorithm);
        verifier.initVerify(certificate.getPublicKey());
        verifier.update(data);
        return verifier.verify(token.sign(alias, algorithm, data));
    }
}

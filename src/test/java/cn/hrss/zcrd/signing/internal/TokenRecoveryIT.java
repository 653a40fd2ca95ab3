package cn.hrss.zcrd.signing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import cn.hrss.zcrd.signing.SignatureToken;
import cn.hrss.zcrd.signing.SigningProperties;
import cn.hrss.zcrd.signing.TokenUnavailableException;
import cn.hrss.zcrd.support.SelfSigned;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AuthProvider;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * The SunPKCS11 adapter after a failure of its login, and on shutdown, against the real SoftHSM2 platform token.
 * A logout ends the login of every connection of the process to the token, so these run in a JVM of their own
 * (no other test's connection loses its login). A token that vanishes is not recoverable inside the process
 * (SoftHSM2 keeps it unusable until the library is initialised again): {@code IssuanceFaultIT} covers that with a
 * child JVM.
 */
@Tag("own-jvm")
class TokenRecoveryIT {

    static final Path CONFIG = Path.of("var/pkcs11/platform-token.cfg");
    static final Path PIN = Path.of("var/secrets/platform-token.pin");
    static final byte[] DATA = "职称证书".getBytes(StandardCharsets.UTF_8);

    final ListAppender<ILoggingEvent> log = new ListAppender<>();
    final Logger adapterLog = (Logger) LoggerFactory.getLogger(Pkcs11SignatureToken.class);

    @BeforeEach
    void listen() {
        log.start();
        adapterLog.addAppender(log);
    }

    @AfterEach
    void stopListening() {
        adapterLog.detachAppender(log);
    }

    @Test
    void aTokenLoggedOutUnderTheAdapterIsReconnectedAndSignsAgain() throws Exception {
        Pkcs11SignatureToken token = new Pkcs11SignatureToken(CONFIG, PIN, 2);
        String alias = "recovery-" + System.nanoTime();
        X509Certificate certificate = ecKey(token, alias);
        assertThat(verifies(certificate, token.sign(alias, "SHA256withECDSA", DATA)))
                .isTrue();

        // another connection of the process logs out: the login of every session to the token ends
        RawConnection bystander = RawConnection.open(alias);
        RawConnection.open(alias).logout();
        assertThatThrownBy(bystander::sign)
                .as("a connection that does not rebuild is broken now")
                .satisfies(e -> assertThat(TokenErrors.isRecoverable(e))
                        .as(TokenErrors.describe(e))
                        .isTrue());

        assertThat(verifies(certificate, token.sign(alias, "SHA256withECDSA", DATA)))
                .as("the adapter signs again, with a fresh login")
                .isTrue();
        assertThat(verifies(certificate, token.sign(alias, "SHA256withECDSA", DATA)))
                .isTrue();
        assertThat(warnings())
                .as("rebuilt once, and the log says why")
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains("rebuilding the connection", "CKR_");
    }

    @Test
    void closingTheApplicationContextLogsTheTokenOutAndTheAdapterRefusesToSign() throws Exception {
        String alias = "close-" + System.nanoTime();
        SignatureToken token;
        RawConnection bystander;
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            context.registerBean(
                    SigningProperties.class,
                    () -> new SigningProperties(
                            CONFIG,
                            PIN,
                            2,
                            "seal-ca",
                            null,
                            SigningProperties.DEVELOPMENT_POLICY_ARC,
                            Duration.ofMinutes(1),
                            SigningProperties.SealCertificates.INTERNAL));
            context.registerBean(MeterRegistry.class, SimpleMeterRegistry::new);
            context.register(SigningConfiguration.class);
            context.refresh();
            token = context.getBean(SignatureToken.class);
            X509Certificate certificate = ecKey(token, alias);
            assertThat(verifies(certificate, token.sign(alias, "SHA256withECDSA", DATA)))
                    .isTrue();
            bystander = RawConnection.open(alias);
            bystander.sign();
        }

        assertThatThrownBy(() -> token.sign(alias, "SHA256withECDSA", DATA))
                .isInstanceOf(TokenUnavailableException.class)
                .hasMessageContaining("closed");
        assertThatThrownBy(bystander::sign)
                .as("the login was given back: the process's other connection is logged out")
                .satisfies(e -> assertThat(TokenErrors.describe(e)).contains("CKR_"));
        assertThat(warnings()).as("no rebuild after close").isEmpty();

        Pkcs11SignatureToken reopened = new Pkcs11SignatureToken(CONFIG, PIN, 1);
        assertThat(verifies(reopened.certificateChain(alias).get(0), reopened.sign(alias, "SHA256withECDSA", DATA)))
                .as("the token itself is fine: a new connection logs in again")
                .isTrue();
        reopened.close();
    }

    private List<String> warnings() {
        return log.list.stream()
                .filter(e -> e.getLevel() == Level.WARN)
                .map(ILoggingEvent::getFormattedMessage)
                .toList();
    }

    private static X509Certificate ecKey(SignatureToken token, String alias) {
        return token.generateKey(
                        alias,
                        new ECGenParameterSpec("secp256r1"),
                        publicKey -> List.of(SelfSigned.issuedFor(publicKey, "CN=" + alias)))
                .get(0);
    }

    private static boolean verifies(X509Certificate certificate, byte[] signature) throws GeneralSecurityException {
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(certificate.getPublicKey());
        verifier.update(DATA);
        return verifier.verify(signature);
    }

    /** A SunPKCS11 provider of its own on the platform token, logged in, with a handle of one key: no rebuild. */
    private record RawConnection(Provider provider, PrivateKey key) {

        static RawConnection open(String alias) throws Exception {
            Provider provider = Security.getProvider("SunPKCS11").configure(CONFIG.toString());
            KeyStore store = KeyStore.getInstance("PKCS11", provider);
            store.load(null, Files.readString(PIN).strip().toCharArray());
            return new RawConnection(provider, (PrivateKey) store.getKey(alias, null));
        }

        byte[] sign() throws GeneralSecurityException {
            Signature signature = Signature.getInstance("SHA256withECDSA", provider);
            signature.initSign(key);
            signature.update(DATA);
            return signature.sign();
        }

        void logout() throws Exception {
            ((AuthProvider) provider).logout();
        }
    }
}

package cn.hrss.zcrd.signing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.ProviderException;
import java.security.SignatureException;
import org.junit.jupiter.api.Test;

/** Which token failures are worth a rebuild of the PKCS#11 connection. */
class TokenErrorsTest {

    @Test
    void sessionAndTokenLossAreRecoverable() {
        assertThat(TokenErrors.isRecoverable(
                        new ProviderException("sign failed", new RuntimeException("CKR_SESSION_HANDLE_INVALID"))))
                .isTrue();
        assertThat(TokenErrors.isRecoverable(
                        new SignatureException("x", new ProviderException("CKR_TOKEN_NOT_PRESENT"))))
                .isTrue();
        assertThat(TokenErrors.isRecoverable(new ProviderException("CKR_USER_NOT_LOGGED_IN")))
                .isTrue();
    }

    @Test
    void aRefusedPinOrABadAlgorithmIsNot() {
        assertThat(TokenErrors.isRecoverable(new ProviderException("CKR_PIN_INCORRECT")))
                .isFalse();
        assertThat(TokenErrors.isRecoverable(new SignatureException("CKR_MECHANISM_INVALID")))
                .isFalse();
    }
}

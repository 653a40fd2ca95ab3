package cn.hrss.zcrd.account.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** RFC 6238 codes (through java-otp), the accepted window and the enrolment URI. */
class TotpCodesTest {

    /** The RFC 6238 appendix B SHA-1 seed. */
    static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    /** Now, as the codes' clock says. */
    static final Instant NOW = Instant.ofEpochSecond(1_700_000_000L);

    final TotpCodes totp = new TotpCodes(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void codesAreThoseOfRfc6238AppendixB() {
        // the RFC lists 8 digits; authenticator apps show the last 6
        assertThat(totp.code(RFC_SECRET, TotpCodes.stepOf(Instant.ofEpochSecond(59))))
                .isEqualTo("287082");
        assertThat(totp.code(RFC_SECRET, TotpCodes.stepOf(Instant.ofEpochSecond(1111111109))))
                .isEqualTo("081804");
        assertThat(totp.code(RFC_SECRET, TotpCodes.stepOf(Instant.ofEpochSecond(1234567890))))
                .isEqualTo("005924");
        assertThat(totp.code(RFC_SECRET, TotpCodes.stepOf(Instant.ofEpochSecond(2000000000))))
                .isEqualTo("279037");
    }

    @Test
    void aCodeIsAcceptedForItsStepAndOneStepEitherSideOnly() {
        long step = totp.currentStep();
        assertThat(step).isEqualTo(TotpCodes.stepOf(NOW));
        assertThat(totp.matchingStep(RFC_SECRET, totp.code(RFC_SECRET, step))).hasValue(step);
        assertThat(totp.matchingStep(RFC_SECRET, totp.code(RFC_SECRET, step - 1)))
                .hasValue(step - 1);
        assertThat(totp.matchingStep(RFC_SECRET, totp.code(RFC_SECRET, step + 1)))
                .hasValue(step + 1);
        assertThat(totp.matchingStep(RFC_SECRET, totp.code(RFC_SECRET, step - 2)))
                .isEmpty();
        assertThat(totp.matchingStep(RFC_SECRET, totp.code(RFC_SECRET, step + 2)))
                .isEmpty();
    }

    @Test
    void malformedCodesMatchNothing() {
        assertThat(totp.matchingStep(RFC_SECRET, null)).isEmpty();
        assertThat(totp.matchingStep(RFC_SECRET, "")).isEmpty();
        assertThat(totp.matchingStep(RFC_SECRET, "12345")).isEmpty();
        assertThat(totp.matchingStep(RFC_SECRET, "１２３４５６")).isEmpty();
        assertThat(totp.matchingStep(RFC_SECRET, "12a456")).isEmpty();
    }

    @Test
    void secretsAreFreshAndSurviveBase32() {
        byte[] one = TotpCodes.newSecret();
        assertThat(one).hasSize(20).isNotEqualTo(TotpCodes.newSecret());
        String text = TotpCodes.base32(one);
        assertThat(text).hasSize(32).matches("[A-Z2-7]+");
        assertThat(TotpCodes.fromBase32(text.toLowerCase())).isEqualTo(one);
    }

    @Test
    void theEnrolmentUriIsWhatAuthenticatorAppsRead() {
        assertThat(TotpCodes.uri("ZCRD", "admin.one", RFC_SECRET))
                .isEqualTo("otpauth://totp/ZCRD:admin.one?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=ZCRD"
                        + "&algorithm=SHA1&digits=6&period=30");
    }
}

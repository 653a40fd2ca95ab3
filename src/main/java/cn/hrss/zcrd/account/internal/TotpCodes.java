package cn.hrss.zcrd.account.internal;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.util.encoders.Base32;
import org.springframework.stereotype.Component;

/**
 * RFC 6238 codes as authenticator apps make them (HMAC-SHA1, 6 digits, 30 s), computed by the java-otp library.
 * A code is accepted for its own time step and one step either side (clock drift); the caller refuses a step
 * that is not later than the last one accepted, so no code works twice. "Now" is its own clock's (the platform's;
 * in the tests one they move forward instead of waiting for the next 30-second step, without moving business time).
 */
@Component
public final class TotpCodes {

    public static final Duration STEP = Duration.ofSeconds(30);
    public static final int DIGITS = 6;
    /** 160-bit secrets, as RFC 4226 recommends for HMAC-SHA1. */
    static final int SECRET_BYTES = 20;

    private static final int DRIFT_STEPS = 1;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TimeBasedOneTimePasswordGenerator generator = new TimeBasedOneTimePasswordGenerator(STEP, DIGITS);
    private final Clock clock;

    public TotpCodes(Clock clock) {
        this.clock = clock;
    }

    public static byte[] newSecret() {
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        return secret;
    }

    /** Base32 without padding, as in {@code otpauth://} URIs and authenticator apps. */
    public static String base32(byte[] secret) {
        return new String(Base32.encode(secret), StandardCharsets.US_ASCII).replace("=", "");
    }

    /** The secret from its Base32 text (spaces and case ignored). */
    public static byte[] fromBase32(String text) {
        String clean = text.replace(" ", "").replace("=", "").toUpperCase(Locale.ROOT);
        int padding = (8 - clean.length() % 8) % 8;
        return Base32.decode(clean + "=".repeat(padding));
    }

    public static long stepOf(Instant time) {
        return Math.floorDiv(time.getEpochSecond(), STEP.getSeconds());
    }

    /** The time step of now. */
    public long currentStep() {
        return stepOf(clock.instant());
    }

    /** The code of one time step. */
    public String code(byte[] secret, long step) {
        try {
            return generator.generateOneTimePasswordString(
                    key(secret), Instant.ofEpochSecond(step * STEP.getSeconds()), Locale.ROOT);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("TOTP secret unusable", e);
        }
    }

    /** The time step {@code code} belongs to (now, or one step before or after), or empty for a wrong code. */
    public OptionalLong matchingStep(byte[] secret, String code) {
        return matchingStep(secret, code, clock.instant());
    }

    private OptionalLong matchingStep(byte[] secret, String code, Instant now) {
        if (code == null) {
            return OptionalLong.empty();
        }
        String given = code.strip();
        if (given.length() != DIGITS || !given.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalLong.empty();
        }
        long current = stepOf(now);
        OptionalLong match = OptionalLong.empty();
        for (long step = current - DRIFT_STEPS; step <= current + DRIFT_STEPS; step++) {
            // compare every candidate in constant time; no early exit
            if (MessageDigest.isEqual(
                            code(secret, step).getBytes(StandardCharsets.US_ASCII),
                            given.getBytes(StandardCharsets.US_ASCII))
                    && match.isEmpty()) {
                match = OptionalLong.of(step);
            }
        }
        return match;
    }

    /** The {@code otpauth://totp/...} URI an authenticator app reads from the enrolment QR code. */
    public static String uri(String issuer, String accountName, byte[] secret) {
        String label = encode(issuer) + ":" + encode(accountName);
        return "otpauth://totp/" + label + "?secret=" + base32(secret) + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP.getSeconds();
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private SecretKeySpec key(byte[] secret) {
        return new SecretKeySpec(secret, generator.getAlgorithm());
    }
}

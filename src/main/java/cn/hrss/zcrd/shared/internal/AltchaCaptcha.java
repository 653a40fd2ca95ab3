package cn.hrss.zcrd.shared.internal;

import cn.hrss.zcrd.shared.Captcha;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.altcha.altcha.Altcha;
import org.json.JSONObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link Captcha} with the ALTCHA library (protocol v1, SHA-256, HMAC-SHA-256 signatures). A solution is used
 * up by one {@code INSERT IGNORE} of its challenge into {@code captcha_solution} (V25): one row inserted means
 * first use; the rows go when their challenge has expired.
 */
@Component
class AltchaCaptcha implements Captcha {

    /** A longer field value is not a solution of ours (the widget's is ≈ 300 characters). */
    private static final int MAX_PAYLOAD = 2000;

    private final String hmacKey;
    private final CaptchaProperties properties;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    AltchaCaptcha(CaptchaProperties properties, JdbcTemplate jdbc, Clock clock) {
        this.properties = properties;
        this.jdbc = jdbc;
        this.clock = clock;
        if (properties.hmacKeyFile() == null) {
            throw new IllegalStateException("zcrd.captcha.hmac-key-file is not set");
        }
        try {
            this.hmacKey = Files.readString(properties.hmacKeyFile()).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "the captcha key " + properties.hmacKeyFile() + " cannot be read (ops/dev-setup makes one)", e);
        }
        if (hmacKey.length() < 32) {
            throw new IllegalStateException("the captcha key in " + properties.hmacKeyFile() + " is too short");
        }
    }

    @Override
    public String challengeJson() {
        try {
            Altcha.ChallengeOptions options = new Altcha.ChallengeOptions()
                    .setAlgorithm(Altcha.Algorithm.SHA256)
                    .setMaxNumber(properties.maxNumber())
                    .setSecureRandomNumber(true)
                    .setExpires(clock.instant().plus(properties.expiry()).getEpochSecond())
                    .setHmacKey(hmacKey);
            Altcha.Challenge challenge = Altcha.createChallenge(options);
            return new JSONObject(Map.of(
                            "algorithm", challenge.algorithm,
                            "challenge", challenge.challenge,
                            "maxnumber", challenge.maxnumber,
                            "salt", challenge.salt,
                            "signature", challenge.signature))
                    .toString();
        } catch (Exception e) {
            throw new IllegalStateException("captcha challenge not made", e);
        }
    }

    @Override
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Verdict verify(String solution) {
        if (solution == null || solution.isBlank()) {
            return Verdict.MISSING;
        }
        if (solution.length() > MAX_PAYLOAD) {
            return Verdict.WRONG;
        }
        Altcha.Payload payload;
        try {
            JSONObject json = new JSONObject(new String(Base64.getDecoder().decode(solution), StandardCharsets.UTF_8));
            payload = new Altcha.Payload();
            payload.algorithm = json.getString("algorithm");
            payload.challenge = json.getString("challenge");
            payload.number = json.getLong("number");
            payload.salt = json.getString("salt");
            payload.signature = json.getString("signature");
        } catch (RuntimeException notASolution) {
            return Verdict.WRONG;
        }
        Instant expires;
        try {
            String at = Altcha.extractParams(payload.salt).get("expires");
            if (!"SHA-256".equals(payload.algorithm) || at == null) {
                return Verdict.WRONG;
            }
            expires = Instant.ofEpochSecond(Long.parseLong(at));
            if (!expires.isAfter(clock.instant())
                    || payload.number < 0
                    || payload.number > properties.maxNumber()
                    || !Altcha.verifySolution(payload, hmacKey, false)) {
                return Verdict.WRONG;
            }
        } catch (Exception notOurs) {
            return Verdict.WRONG;
        }
        int first = jdbc.update(
                "insert ignore into captcha_solution (challenge, expires_at) values (?, ?)",
                payload.challenge,
                Timestamp.from(expires));
        return first == 1 ? Verdict.PASSED : Verdict.WRONG;
    }

    @Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT5M")
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void forgetExpired() {
        jdbc.update("delete from captcha_solution where expires_at < ?", Timestamp.from(clock.instant()));
    }
}

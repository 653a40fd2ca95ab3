package cn.hrss.zcrd.account;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Password-login throttling, portal and back office alike (docs/security-logins.md).
 *
 * @param maxFailures             failed tries in a row of one name from one client address after which that
 *                                address may not try the name for {@code lockDuration}
 * @param lockDuration            how long a lock lasts
 * @param captchaAfter            failed tries in a row of one name (all addresses together) from which on every
 *                                try of the name must carry a solved captcha
 * @param maxFailuresAllAddresses failed tries in a row of one name, all addresses together, after which the name
 *                                is locked for every address for {@code lockDuration}
 * @param failureMemory           a count whose last failure is older than this starts again
 */
@ConfigurationProperties("zcrd.login")
public record LoginProperties(
        @DefaultValue("5") int maxFailures,
        @DefaultValue("15m") Duration lockDuration,
        @DefaultValue("3") int captchaAfter,
        @DefaultValue("20") int maxFailuresAllAddresses,
        @DefaultValue("1h") Duration failureMemory) {}

package cn.hrss.zcrd.account;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Portal login lockout.
 *
 * @param maxFailures failed attempts in a row after which the login name waits
 * @param lockDuration how long it waits
 */
@ConfigurationProperties("zcrd.login")
public record LoginProperties(
        @DefaultValue("5") int maxFailures,
        @DefaultValue("15m") Duration lockDuration) {}

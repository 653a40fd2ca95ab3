package cn.hrss.zcrd.audit.internal;

import cn.hrss.zcrd.account.LoginNotTriedException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;

/**
 * Logins for the monitoring system, counted from the same events as the audit trail ({@link SecurityAuditor}):
 * {@value #LOGINS} by {@code face} (portal, backoffice-password, backoffice-ukey) and {@code outcome} (success,
 * failure, locked, throttled, captcha), and {@value #LOCKOUTS} by face: a failure that locked a name.
 */
final class LoginMeters {

    static final String LOGINS = "zcrd.logins";
    static final String LOCKOUTS = "zcrd.login.lockouts";

    static final String PORTAL = "portal";
    static final String BACKOFFICE_PASSWORD = "backoffice-password";
    static final String BACKOFFICE_UKEY = "backoffice-ukey";

    private final MeterRegistry meters;

    LoginMeters(MeterRegistry meters) {
        this.meters = meters;
    }

    void succeeded(String face) {
        count(face, "success");
    }

    void failed(String face, AuthenticationException failure) {
        if (failure instanceof LoginNotTriedException refused) {
            count(
                    face,
                    switch (refused.reason()) {
                        case THROTTLED -> "throttled";
                        case LOCKED -> "locked";
                        case CAPTCHA_MISSING, CAPTCHA_WRONG -> "captcha";
                    });
        } else if (failure instanceof LockedException) {
            count(face, "locked");
            Counter.builder(LOCKOUTS)
                    .description("login names locked after repeated failures")
                    .tag("face", face)
                    .register(meters)
                    .increment();
        } else {
            count(face, "failure");
        }
    }

    private void count(String face, String outcome) {
        Counter.builder(LOGINS)
                .description("login attempts by face and outcome")
                .tag("face", face)
                .tag("outcome", outcome)
                .register(meters)
                .increment();
    }
}

package cn.hrss.zcrd.signing.internal;

import cn.hrss.zcrd.signing.TokenUnavailableException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a missing token or a refused PIN at start-up into a short report instead of a stack trace. */
class TokenUnavailableFailureAnalyzer extends AbstractFailureAnalyzer<TokenUnavailableException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, TokenUnavailableException cause) {
        return new FailureAnalysis(
                "The platform signing token cannot be used: " + cause.getMessage(),
                "In development run ops/dev-setup (ops/run does) to create the SoftHSM2 token and its PIN file. "
                        + "In production check zcrd.signing.provider-config (SunPKCS11 configuration of the HSM) "
                        + "and zcrd.signing.pin-file.",
                cause);
    }
}

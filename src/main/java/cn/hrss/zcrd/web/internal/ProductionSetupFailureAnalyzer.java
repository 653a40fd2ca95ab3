package cn.hrss.zcrd.web.internal;

import java.util.stream.Collectors;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints why a {@code prod} start was refused, one line per problem, instead of a stack trace. */
class ProductionSetupFailureAnalyzer extends AbstractFailureAnalyzer<ProductionSetupException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ProductionSetupException cause) {
        return new FailureAnalysis(
                "The production profile (prod) refuses to start:\n"
                        + cause.problems().stream()
                                .map(problem -> "  - " + problem)
                                .collect(Collectors.joining("\n")),
                "Follow docs/production-setup.md: CA keys in the HSM (ops/platform-ca), no development switches or"
                        + " material (ops/dev-setup's var/ is for development only), the public addresses of the"
                        + " bureau, and the TLS material of each listener.",
                cause);
    }
}

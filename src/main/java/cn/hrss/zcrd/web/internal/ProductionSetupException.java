package cn.hrss.zcrd.web.internal;

import java.util.List;
import java.util.stream.Collectors;

/** A {@code prod} start refused: the configuration is not fit for production (each problem with its cause). */
class ProductionSetupException extends RuntimeException {

    private final transient List<ProductionReadiness.Problem> problems;

    ProductionSetupException(List<ProductionReadiness.Problem> problems) {
        super("The production profile refuses to start: "
                + problems.stream().map(Object::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    List<ProductionReadiness.Problem> problems() {
        return problems;
    }
}

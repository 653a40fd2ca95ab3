package cn.hrss.zcrd.shared;

import java.util.List;

/** A request refused as a whole because of the listed field problems; nothing was stored. */
public class InvalidInputException extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidInputException(List<FieldProblem> problems) {
        super("invalid input: " + problems);
        this.problems = List.copyOf(problems);
    }

    public InvalidInputException(FieldProblem problem) {
        this(List.of(problem));
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    /** The first problem as a refusal of the whole request, for a page that shows no field of it. */
    public Refusal firstAsRefusal() {
        FieldProblem first = problems.get(0);
        return Refusal.of(first.messageKey(), first.arguments().toArray());
    }
}

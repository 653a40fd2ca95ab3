package cn.hrss.zcrd.verification.internal;

/** An upload that is not verified at all; label {@code verify.problem.<problem>}. */
public class UploadRefusedException extends RuntimeException {

    /** Why. */
    public enum Problem {
        EMPTY,
        TOO_LARGE,
        NOT_PDF,
        TRUNCATED
    }

    private final Problem problem;

    public UploadRefusedException(Problem problem) {
        super(problem.name(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public String messageKey() {
        return "verify.problem." + problem.name();
    }
}

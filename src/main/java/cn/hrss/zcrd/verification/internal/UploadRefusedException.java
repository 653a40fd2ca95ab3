package cn.hrss.zcrd.verification.internal;

import org.springframework.web.multipart.MaxUploadSizeExceededException;

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

    /** The refusal of a multipart request Spring could not take: too large, else (a broken one) as empty. */
    public static UploadRefusedException ofMultipart(Exception failure) {
        return new UploadRefusedException(
                failure instanceof MaxUploadSizeExceededException ? Problem.TOO_LARGE : Problem.EMPTY);
    }

    public Problem problem() {
        return problem;
    }

    /** The HTTP status of the answer: 413 for a file too large, else 400. */
    public int httpStatus() {
        return problem == Problem.TOO_LARGE ? 413 : 400;
    }

    public String messageKey() {
        return "verify.problem." + problem.name();
    }
}

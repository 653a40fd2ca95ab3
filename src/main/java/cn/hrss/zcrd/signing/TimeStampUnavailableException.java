package cn.hrss.zcrd.signing;

/** No time stamp could be obtained: the TSA did not answer, refused the request or answered with a bad token. */
public class TimeStampUnavailableException extends RuntimeException {

    public TimeStampUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public TimeStampUnavailableException(String message) {
        super(message);
    }
}

package cn.hrss.zcrd.signing;

/** The signing token cannot be used: missing, PIN refused, or a key or certificate is absent. */
public class TokenUnavailableException extends RuntimeException {

    public TokenUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public TokenUnavailableException(String message) {
        super(message);
    }
}

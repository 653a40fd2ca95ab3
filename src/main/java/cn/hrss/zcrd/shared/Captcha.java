package cn.hrss.zcrd.shared;

/**
 * The offline captcha: an ALTCHA proof of work. The page carries a challenge signed by the server (HMAC); the
 * widget in the browser finds the number whose SHA-256 with the challenge's salt is the challenge — automatically,
 * no mouse, no picture, nothing fetched from outside — and puts the solution into the form's field {@value #FIELD}.
 * The server checks the signature, the number and the expiry, and accepts each solution once (the used ones are
 * kept in the database until they expire, so every node refuses a replay).
 */
public interface Captcha {

    /** The form field the widget fills in. */
    String FIELD = "altcha";

    /** A fresh challenge, as the widget's {@code challengejson} attribute. */
    String challengeJson();

    /** Checks the solution sent in {@value #FIELD} and uses it up. */
    Verdict verify(String solution);

    enum Verdict {
        PASSED,
        /** nothing sent (the widget had not finished, or the form was sent without it) */
        MISSING,
        /** not a solution of a challenge of ours, expired, or used before */
        WRONG;

        /** The message key of the field message: {@code captcha.missing} or {@code captcha.wrong}. */
        public String messageKey() {
            return this == MISSING ? "captcha.missing" : "captcha.wrong";
        }
    }
}

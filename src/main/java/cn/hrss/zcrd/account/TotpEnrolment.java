package cn.hrss.zcrd.account;

import java.io.Serializable;

/**
 * A TOTP secret offered for enrolment, not stored until a code from it is confirmed.
 *
 * @param secret Base32 text (for typing into an authenticator app)
 * @param uri the {@code otpauth://totp/...} URI the enrolment QR code carries
 */
public record TotpEnrolment(String secret, String uri) implements Serializable {

    @Override
    public String toString() {
        return "TotpEnrolment[secret hidden]";
    }
}

package cn.hrss.zcrd.audit.internal;

import java.util.Locale;

/**
 * Masks a login name typed into a failed login: it may be someone else's ID number or credit code (or a password
 * typed into the wrong field), so only enough stays to recognise a pattern. An 18-character ID number keeps region
 * and last four ({@code 370102********1234}, as printed on certificates), an 11-digit mobile number keeps 3 + 4,
 * shorter names keep their first and last character, up to four characters are masked whole.
 */
final class LoginNameMask {

    static final int MAX_LENGTH = 64;

    private LoginNameMask() {}

    static String mask(String typed) {
        if (typed == null) {
            return "";
        }
        int[] chars = typed.strip()
                .toUpperCase(Locale.ROOT)
                .codePoints()
                .filter(c -> !Character.isISOControl(c))
                .limit(MAX_LENGTH)
                .toArray();
        int length = chars.length;
        int head = length >= 15 ? 6 : length >= 11 ? 3 : length >= 5 ? 1 : 0;
        int tail = length >= 11 ? 4 : length >= 5 ? 1 : 0;
        StringBuilder masked = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            if (i < head || i >= length - tail) {
                masked.appendCodePoint(chars[i]);
            } else {
                masked.append('*');
            }
        }
        return masked.toString();
    }
}

package cn.hrss.zcrd.audit;

import java.util.regex.Pattern;

/** Normalises what goes into an audit row: no control characters, bounded length, codes in a fixed shape. */
final class AuditText {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\u2028\\u2029]+");

    private AuditText() {}

    /** The text with control characters (line breaks, ANSI escapes …) turned into a space, cut to {@code max}. */
    static String clean(String text, int max) {
        if (text == null) {
            return null;
        }
        return cut(CONTROL.matcher(text).replaceAll(" ").strip(), max);
    }

    /** Like {@link #clean} but null for a blank text. */
    static String cleanOrNull(String text, int max) {
        String cleaned = clean(text, max);
        return cleaned == null || cleaned.isEmpty() ? null : cleaned;
    }

    /** A stable upper-case code such as {@code BACKOFFICE_LOGIN}; anything else is a programming error. */
    static String code(String code, int max, String what) {
        if (code.length() > max || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException(
                    what + " must be an upper-case code of at most " + max + " characters (A-Z, 0-9, _): " + code);
        }
        return code;
    }

    /** Cuts at {@code max} UTF-16 units without splitting a surrogate pair (a column counts characters). */
    static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end);
    }
}

package cn.hrss.zcrd.shared;

import java.util.Optional;
import java.util.regex.Pattern;

/** Format rules of free-text fields; each answers the message key of what is wrong, or nothing. */
public final class Formats {

    /** Chinese names, also of minorities (间隔号 ·) and foreigners with Latin letters: 2–30 characters. */
    private static final Pattern PERSON_NAME = Pattern.compile("[\\p{IsHan}·•A-Za-z ]{2,30}");

    private static final Pattern UNIT_NAME = Pattern.compile("[\\p{IsHan}A-Za-z0-9（）()·\\-—— ]{4,100}");
    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern LANDLINE = Pattern.compile("0\\d{2,3}-?\\d{7,8}");
    private static final Pattern EMAIL =
            Pattern.compile("[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");

    private Formats() {}

    public static Optional<String> personName(String text) {
        if (isBlank(text)) {
            return Optional.of("field.required");
        }
        return PERSON_NAME.matcher(text.strip()).matches() ? Optional.empty() : Optional.of("format.person-name");
    }

    public static Optional<String> unitName(String text) {
        if (isBlank(text)) {
            return Optional.of("field.required");
        }
        return UNIT_NAME.matcher(text.strip()).matches() ? Optional.empty() : Optional.of("format.unit-name");
    }

    public static Optional<String> mobile(String text) {
        if (isBlank(text)) {
            return Optional.of("field.required");
        }
        return MOBILE.matcher(text.strip()).matches() ? Optional.empty() : Optional.of("format.mobile");
    }

    /** A mobile number or a landline with area code. */
    public static Optional<String> phone(String text) {
        if (isBlank(text)) {
            return Optional.of("field.required");
        }
        String value = text.strip();
        return MOBILE.matcher(value).matches() || LANDLINE.matcher(value).matches()
                ? Optional.empty()
                : Optional.of("format.phone");
    }

    public static Optional<String> email(String text) {
        if (isBlank(text)) {
            return Optional.of("field.required");
        }
        String value = text.strip();
        return value.length() <= 100 && EMAIL.matcher(value).matches() ? Optional.empty() : Optional.of("format.email");
    }

    public static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}

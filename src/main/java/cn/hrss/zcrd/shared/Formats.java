package cn.hrss.zcrd.shared;

import java.util.Optional;
import java.util.regex.Pattern;

/** Format rules of free-text fields; each answers the message key of what is wrong, or nothing. */
public final class Formats {

    /** Chinese names, also of minorities (间隔号 ·) and foreigners with Latin letters: 2–30 characters. */
    private static final Pattern PERSON_NAME = Pattern.compile("[\\p{IsHan}·•A-Za-z ]{2,30}");

    /** a person's name: runs of name characters, a separator (间隔号 or space) only between two of them */
    private static final Pattern PERSON_NAME_SHAPE = Pattern.compile("[\\p{IsHan}A-Za-z]+([·• ][\\p{IsHan}A-Za-z]+)*");

    private static final Pattern NAME_CHARACTER = Pattern.compile("[\\p{IsHan}A-Za-z]");
    private static final Pattern EMPTY_BRACKETS = Pattern.compile("[（(][\\s\\-—·]*[）)]");

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
        String name = text.strip();
        if (!PERSON_NAME.matcher(name).matches()) {
            return Optional.of("format.person-name");
        }
        // only characters allowed, but no name in them: ··, "- -", a separator at the start or end, or doubled
        return PERSON_NAME_SHAPE.matcher(name).matches() && nameCharacters(name) >= 2
                ? Optional.empty()
                : Optional.of("format.person-name.separators");
    }

    public static Optional<String> unitName(String text) {
        if (isBlank(text)) {
            return Optional.of("field.required");
        }
        String name = text.strip();
        if (!UNIT_NAME.matcher(name).matches()) {
            return Optional.of("format.unit-name");
        }
        // allowed characters that name nothing: - - - -, ————, ()(), 1234 …
        return nameCharacters(name) >= 2 && !EMPTY_BRACKETS.matcher(name).find()
                ? Optional.empty()
                : Optional.of("format.unit-name.no-name");
    }

    /** How many Han characters and Latin letters (the characters that make a name) the text holds. */
    private static long nameCharacters(String text) {
        return NAME_CHARACTER.matcher(text).results().count();
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

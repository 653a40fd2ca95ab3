package cn.hrss.zcrd.shared;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An 18-digit resident identity number (公民身份号码, GB 11643-1999): 6-digit region code, 8-digit birth date,
 * 3-digit sequence (odd for men, even for women) and an ISO 7064 MOD 11-2 check character (0–9 or X). The region
 * code must be one of GB/T 2260, current or abolished ({@link DivisionCodes}); the birth date a real day between
 * 1900 and today.
 * An instance is always valid; {@link #problem(String, LocalDate)} says why a text is not.
 */
public final class IdNumber {

    private static final Pattern SHAPE = Pattern.compile("\\d{17}[0-9X]");
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";
    /** The earliest birth year taken as plausible. */
    private static final int FIRST_BIRTH_YEAR = 1900;

    /** Why a text is not a valid identity number; each has a Chinese message {@code idnumber.invalid.<name>}. */
    public enum Problem {
        LENGTH,
        FORMAT,
        REGION,
        BIRTH_DATE,
        CHECK_DIGIT;

        public String messageKey() {
            return "idnumber.invalid." + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final String value;
    private final LocalDate birthDate;

    private IdNumber(String value, LocalDate birthDate) {
        this.value = value;
        this.birthDate = birthDate;
    }

    /** Parses an identity number; a lower-case {@code x} is accepted, surrounding blanks are ignored. */
    public static IdNumber of(String text, LocalDate today) {
        Optional<Problem> problem = problem(text, today);
        if (problem.isPresent()) {
            throw new IllegalArgumentException("invalid identity number: " + problem.get());
        }
        String value = normalise(text);
        return new IdNumber(value, birthDateOf(value));
    }

    /** What is wrong with {@code text} as an identity number, checked in the order a person would fix it. */
    public static Optional<Problem> problem(String text, LocalDate today) {
        String value = normalise(text);
        if (value.length() != 18) {
            return Optional.of(Problem.LENGTH);
        }
        if (!SHAPE.matcher(value).matches()) {
            return Optional.of(Problem.FORMAT);
        }
        if (!DivisionCodes.isKnown(value.substring(0, 6))) {
            return Optional.of(Problem.REGION);
        }
        LocalDate birth = birthDateOf(value);
        if (birth == null || birth.isAfter(today) || birth.getYear() < FIRST_BIRTH_YEAR) {
            return Optional.of(Problem.BIRTH_DATE);
        }
        if (value.charAt(17) != checkCharacter(value)) {
            return Optional.of(Problem.CHECK_DIGIT);
        }
        return Optional.empty();
    }

    /** The check character (0–9 or X) of the first 17 digits. */
    static char checkCharacter(String value) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (value.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    private static String normalise(String text) {
        return text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
    }

    private static LocalDate birthDateOf(String value) {
        try {
            return LocalDate.of(
                    Integer.parseInt(value.substring(6, 10)),
                    Integer.parseInt(value.substring(10, 12)),
                    Integer.parseInt(value.substring(12, 14)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    public String value() {
        return value;
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    public Sex sex() {
        return (value.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
    }

    /** The form printed on certificates and shown to others: region and last four kept, e.g. 110101********0012. */
    public String masked() {
        return masked(value);
    }

    /**
     * {@link #masked()} of a number read back from storage (checked when it was entered, so not parsed again on the
     * issuance path); a text shorter than ten characters is returned as it is.
     */
    public static String masked(String value) {
        if (value == null || value.length() < 10) {
            return value;
        }
        return value.substring(0, 6) + "*".repeat(value.length() - 10) + value.substring(value.length() - 4);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdNumber other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return masked();
    }
}

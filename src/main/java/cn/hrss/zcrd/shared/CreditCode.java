package cn.hrss.zcrd.shared;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from the 31-character set
 * {@code 0-9 A-H J-N P-R T U W-Y} (no I, O, S, V, Z), the last being a MOD 31 check character.
 * An instance is always valid; {@link #problem(String)} says why a text is not.
 */
public final class CreditCode {

    private static final String CHARACTERS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    /** Why a text is not a valid credit code; each has a Chinese message {@code creditcode.invalid.<name>}. */
    public enum Problem {
        LENGTH,
        CHARACTERS,
        CHECK_CHARACTER;

        public String messageKey() {
            return "creditcode.invalid." + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final String value;

    private CreditCode(String value) {
        this.value = value;
    }

    public static CreditCode of(String text) {
        Optional<Problem> problem = problem(text);
        if (problem.isPresent()) {
            throw new IllegalArgumentException("invalid credit code: " + problem.get());
        }
        return new CreditCode(normalise(text));
    }

    public static Optional<Problem> problem(String text) {
        String value = normalise(text);
        if (value.length() != 18) {
            return Optional.of(Problem.LENGTH);
        }
        for (int i = 0; i < 18; i++) {
            if (CHARACTERS.indexOf(value.charAt(i)) < 0) {
                return Optional.of(Problem.CHARACTERS);
            }
        }
        if (value.charAt(17) != checkCharacter(value)) {
            return Optional.of(Problem.CHECK_CHARACTER);
        }
        return Optional.empty();
    }

    /** The check character of the first 17 characters: 31 − (Σ value × weight mod 31), 31 written as 0. */
    static char checkCharacter(String value) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CHARACTERS.indexOf(value.charAt(i)) * WEIGHTS[i];
        }
        return CHARACTERS.charAt((31 - sum % 31) % 31);
    }

    private static String normalise(String text) {
        return text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
    }

    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CreditCode other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return value;
    }
}

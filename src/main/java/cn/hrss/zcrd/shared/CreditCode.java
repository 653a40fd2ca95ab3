package cn.hrss.zcrd.shared;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from the 31-character set
 * {@code 0-9 A-H J-N P-R T U W-Y} (no I, O, S, V, Z): a registering-authority and an organisation-type code of the
 * standard, the registering authority's administrative division (a GB/T 2260 code, see {@link DivisionCodes}, or
 * {@code 100000} for a central authority), the subject
 * code, and a MOD 31 check character. {@code 000000000000000000} has a valid check character and is refused for
 * its authority.
 * An instance is always valid; {@link #problem(String)} says why a text is not.
 */
public final class CreditCode {

    private static final String CHARACTERS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    /** Why a text is not a valid credit code; each has a Chinese message {@code creditcode.invalid.<name>}. */
    public enum Problem {
        LENGTH,
        CHARACTERS,
        /** first character: no registering authority (登记管理部门) of GB 32100 has it */
        AUTHORITY,
        /** second character: no organisation type (机构类别) of that authority */
        TYPE,
        /** characters 3–8: not the six digits of an administrative division code */
        REGION,
        CHECK_CHARACTER;

        public String messageKey() {
            return "creditcode.invalid." + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * The registering-authority codes (登记管理部门代码, character 1) and, for each, its organisation-type codes
     * (机构类别代码, character 2): GB 32100-2015 table 1 (1 机构编制, 5 民政, 9 工商, Y 其他) with the authorities and
     * types assigned since by the national standardisation administration (2 外交, 3 司法行政, 4 文化, 6 旅游,
     * 7 宗教, 8 工会, A 中央军委改革和编制办公室, N 农业).
     */
    private static final Map<Character, String> TYPES = Map.ofEntries(
            Map.entry('1', "1239"),
            Map.entry('2', "19"),
            Map.entry('3', "1234569"),
            Map.entry('4', "19"),
            Map.entry('5', "1239"),
            Map.entry('6', "129"),
            Map.entry('7', "129"),
            Map.entry('8', "19"),
            Map.entry('9', "123"),
            Map.entry('A', "19"),
            Map.entry('N', "1239"),
            Map.entry('Y', "1"));

    /** The division part of codes registered by a central authority (中央), which GB/T 2260 does not list. */
    private static final String CENTRAL = "100000";

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
        String types = TYPES.get(value.charAt(0));
        if (types == null) {
            return Optional.of(Problem.AUTHORITY);
        }
        if (types.indexOf(value.charAt(1)) < 0) {
            return Optional.of(Problem.TYPE);
        }
        for (int i = 2; i < 8; i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return Optional.of(Problem.REGION);
            }
        }
        String division = value.substring(2, 8);
        if (!division.equals(CENTRAL) && !DivisionCodes.isKnown(division)) {
            return Optional.of(Problem.REGION);
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

package cn.hrss.zcrd.certificate;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A title certificate's number (证书编号), unique and gapless per issuing unit and year. Format (18 characters):
 * {@code ZC} + the 4-digit year + the issuing unit's id as 6 digits + a 6-digit sequence starting at 000001, e.g.
 * {@code ZC2026000012000001} (unit 12, first certificate of 2026). An instance is always valid.
 */
public final class CertificateNumber implements Comparable<CertificateNumber> {

    /** The highest sequence one unit can issue in one year. */
    public static final int MAX_SEQUENCE = 999_999;

    private static final Pattern SHAPE = Pattern.compile("ZC(\\d{4})(\\d{6})(\\d{6})");

    private final int year;
    private final long unitId;
    private final int sequence;

    private CertificateNumber(int year, long unitId, int sequence) {
        this.year = year;
        this.unitId = unitId;
        this.sequence = sequence;
    }

    /**
     * The number {@code sequence} of {@code unitId} in {@code year}.
     *
     * @throws IllegalArgumentException when a part does not fit the format
     */
    public static CertificateNumber of(long unitId, int year, int sequence) {
        if (year < 2000 || year > 9999 || unitId < 1 || unitId > 999_999 || sequence < 1 || sequence > MAX_SEQUENCE) {
            throw new IllegalArgumentException(
                    "certificate number out of range: unit " + unitId + ", year " + year + ", sequence " + sequence);
        }
        return new CertificateNumber(year, unitId, sequence);
    }

    /**
     * Parses a number as printed; surrounding blanks are ignored, {@code zc} may be lower case.
     *
     * @throws IllegalArgumentException when it is not a certificate number ({@link #isValid} first to ask)
     */
    public static CertificateNumber parse(String text) {
        var m = SHAPE.matcher(text == null ? "" : text.strip().toUpperCase(java.util.Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("not a certificate number: " + text);
        }
        return of(Long.parseLong(m.group(2)), Integer.parseInt(m.group(1)), Integer.parseInt(m.group(3)));
    }

    /** Whether {@code text} is a well-formed certificate number. */
    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public int year() {
        return year;
    }

    public long unitId() {
        return unitId;
    }

    public int sequence() {
        return sequence;
    }

    /** The number as printed and stored. */
    public String value() {
        return String.format("ZC%04d%06d%06d", year, unitId, sequence);
    }

    @Override
    public int compareTo(CertificateNumber o) {
        return value().compareTo(o.value());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CertificateNumber n && n.year == year && n.unitId == unitId && n.sequence == sequence;
    }

    @Override
    public int hashCode() {
        return Objects.hash(year, unitId, sequence);
    }

    @Override
    public String toString() {
        return value();
    }
}

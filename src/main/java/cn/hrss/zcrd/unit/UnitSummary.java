package cn.hrss.zcrd.unit;

import java.io.Serializable;

/**
 * One line of the unit directory: enough to pick a unit in a dialog. Pickers show the region and the
 * {@link #maskedCreditCode() masked credit code}, which tell two similar names apart without publishing the code.
 */
public record UnitSummary(long id, String name, String creditCode, String regionCode, String regionName)
        implements Serializable {

    /** The credit code with all but its first six and last four characters hidden: {@code 913701********123X}. */
    public String maskedCreditCode() {
        if (creditCode == null || creditCode.length() <= 10) {
            return "****";
        }
        return creditCode.substring(0, 6)
                + "*".repeat(creditCode.length() - 10)
                + creditCode.substring(creditCode.length() - 4);
    }
}

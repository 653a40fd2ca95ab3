package cn.hrss.zcrd.shared;

import java.util.function.BiConsumer;

/**
 * Keyset paging ("seek method"): the rows that follow a given row in a list ordered by one column with the row's
 * unique id as tie-breaker, found by a condition on that key instead of counting rows off with OFFSET — so reading a
 * long list page after page (an export) costs each page about the same, not ever more. Written for JPQL and SQL on
 * MariaDB alike (named parameters {@value #AT} and {@value #ID}); NULLs sort first ascending and last descending,
 * as MariaDB sorts them.
 *
 * @param column     the order column (e.g. {@code d.submittedAt}, {@code e.final_approved_at})
 * @param idColumn   the unique tie-breaker, ordered in the same direction
 * @param descending the list's direction
 */
public record Keyset(String column, String idColumn, boolean descending) {

    /** Parameter name of the last row's order value. */
    public static final String AT = "keysetAt";

    /** Parameter name of the last row's id. */
    public static final String ID = "keysetId";

    /** {@code ORDER BY} text of the list's order (without the keyword). */
    public String order() {
        String direction = descending ? " desc" : " asc";
        return column + direction + ", " + idColumn + direction;
    }

    /**
     * The condition for the rows after the row {@code (value, id)}; its parameters go to {@code parameters}.
     *
     * @param value the last row's order value as the query binds it (null when the row has none)
     */
    public String after(Object value, long id, BiConsumer<String, Object> parameters) {
        parameters.accept(ID, id);
        String next = descending ? " < " : " > ";
        String sameValueLaterId = idColumn + next + ":" + ID;
        if (value == null) {
            return descending
                    ? "(" + column + " is null and " + sameValueLaterId + ")"
                    : "((" + column + " is null and " + sameValueLaterId + ") or " + column + " is not null)";
        }
        parameters.accept(AT, value);
        return "(" + column + next + ":" + AT + " or (" + column + " = :" + AT + " and " + sameValueLaterId + ")"
                + (descending ? " or " + column + " is null)" : ")");
    }
}

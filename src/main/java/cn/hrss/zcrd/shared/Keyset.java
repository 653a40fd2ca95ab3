package cn.hrss.zcrd.shared;

import java.util.function.BiConsumer;

/**
 * Keyset paging ("seek method"): the rows that follow a given row in a list ordered by one column with the row's
 * unique id as tie-breaker, found by a condition on that key instead of counting rows off with OFFSET — so reading a
 * long list page after page (an export) costs each page about the same, not ever more. Written for JPQL and SQL on
 * MariaDB alike (one named parameter, {@value #ID}); NULLs sort first ascending and last descending, as MariaDB sorts
 * them.
 *
 * <p>The last row's order value is read by the database itself, from the row with that id ({@code lastValue}, a
 * scalar subquery on the primary key, evaluated once), never bound from Java: a time read into Java and bound back
 * may lose digits on the way, and then rows that share the last row's time would be skipped.
 *
 * @param column     the order column (e.g. {@code d.submittedAt}, {@code e.final_approved_at})
 * @param idColumn   the unique tie-breaker, ordered in the same direction
 * @param lastValue  the order value of the row whose id is {@code :keysetId}, e.g.
 *                   {@code (select k.final_approved_at from certificate_library_entry k where k.id = :keysetId)}
 * @param descending the list's direction
 */
public record Keyset(String column, String idColumn, String lastValue, boolean descending) {

    /** Parameter name of the last row's id. */
    public static final String ID = "keysetId";

    /** {@code ORDER BY} text of the list's order (without the keyword). */
    public String order() {
        String direction = descending ? " desc" : " asc";
        return column + direction + ", " + idColumn + direction;
    }

    /**
     * The condition for the rows after the row with id {@code id}; its parameter goes to {@code parameters}.
     *
     * @param lastHasNoValue whether that row's order value is null
     */
    public String after(boolean lastHasNoValue, long id, BiConsumer<String, Object> parameters) {
        parameters.accept(ID, id);
        String next = descending ? " < " : " > ";
        String sameValueLaterId = idColumn + next + ":" + ID;
        if (lastHasNoValue) {
            return descending
                    ? "(" + column + " is null and " + sameValueLaterId + ")"
                    : "((" + column + " is null and " + sameValueLaterId + ") or " + column + " is not null)";
        }
        return "(" + column + next + lastValue + " or (" + column + " = " + lastValue + " and " + sameValueLaterId + ")"
                + (descending ? " or " + column + " is null)" : ")");
    }
}

package cn.hrss.zcrd.catalog;

/**
 * One edit of the reference data, for the audit trail and the page's message.
 *
 * @param before the name before (null for a new row)
 * @param after  the name after
 * @param enabled whether the row is enabled after the edit
 */
public record ReferenceDataChange(
        ReferenceDataKind kind, long id, String code, String before, String after, boolean enabled) {

    /** A short description, e.g. {@code SPECIALTY 1042 GONGCHENG_SP_… 机械设计 → 机械设计与制造 (enabled)}. */
    public String describe() {
        return kind + " " + id + " " + code + " " + (before == null ? "" : before + " → ") + after
                + (enabled ? " (enabled)" : " (disabled)");
    }
}

package cn.hrss.zcrd.shared;

/** Sex as recorded in the identity number (odd sequence digit: male). */
public enum Sex {
    MALE,
    FEMALE;

    public String messageKey() {
        return "sex." + name().toLowerCase(java.util.Locale.ROOT);
    }
}

package cn.hrss.zcrd.catalog;

/** The kinds of reference-data row a system admin may rename, enable or disable (字典维护). */
public enum ReferenceDataKind {
    /** 职称系列 */
    SERIES("title_series"),
    /** 申报职称 */
    TITLE("title"),
    /** 现从事专业 */
    SPECIALTY("specialty"),
    /** 申报方式 */
    DECLARATION_METHOD("declaration_method");

    private final String table;

    ReferenceDataKind(String table) {
        this.table = table;
    }

    String table() {
        return table;
    }

    /** Message key of the kind's name. */
    public String messageKey() {
        return "catalog.kind." + name();
    }
}

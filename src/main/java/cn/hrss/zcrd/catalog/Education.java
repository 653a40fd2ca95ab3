package cn.hrss.zcrd.catalog;

/** Full-time education a declaration method presumes, lowest first. */
public enum Education {
    SECONDARY_VOCATIONAL("中专"),
    JUNIOR_COLLEGE("大专"),
    BACHELOR("大学本科"),
    MASTER("硕士研究生"),
    DOCTORATE("博士研究生");

    private final String chineseName;

    Education(String chineseName) {
        this.chineseName = chineseName;
    }

    /** The name printed on forms, e.g. 大学本科. */
    public String chineseName() {
        return chineseName;
    }
}

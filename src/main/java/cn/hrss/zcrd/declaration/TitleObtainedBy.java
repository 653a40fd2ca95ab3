package cn.hrss.zcrd.declaration;

import java.util.Locale;

/** How a transferred person obtained the title held (取得方式). */
public enum TitleObtainedBy {
    /** 评审 */
    REVIEW,
    /** 认定 */
    RECOGNITION,
    /** 考试 */
    EXAM;

    public String messageKey() {
        return "declaration.obtained-by." + name().toLowerCase(Locale.ROOT);
    }
}

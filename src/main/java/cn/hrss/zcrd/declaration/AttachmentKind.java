package cn.hrss.zcrd.declaration;

import java.util.Locale;

/** What an uploaded piece of evidence is; a declaration needs at least one {@link #DIPLOMA}. */
public enum AttachmentKind {
    /** 毕业证书 */
    DIPLOMA,
    /** 学位证书 */
    DEGREE_CERTIFICATE,
    /** 见习期考核表 */
    PROBATION_ASSESSMENT,
    /** 其他材料 */
    OTHER;

    public String messageKey() {
        return "declaration.attachment-kind." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

package cn.hrss.zcrd.declaration;

import java.util.Locale;

/** The information modules (信息模块) of a declaration; each is saved on its own and may be rejected on its own. */
public enum ModuleKind {
    /** 基本信息: the basic form (level, title, specialty, method, units, dates, education, major) */
    BASIC,
    /** 学历学位 */
    EDUCATION,
    /** 工作经历 */
    WORK,
    /** 专业技术工作业绩/见习期考核 */
    PERFORMANCE,
    /** 附件材料 */
    ATTACHMENTS;

    public String messageKey() {
        return "declaration.module." + name().toLowerCase(Locale.ROOT);
    }

    /** Why a declaration cannot be submitted while this module is incomplete. */
    public String incompleteKey() {
        return "declaration.rule.incomplete." + name().toLowerCase(Locale.ROOT);
    }

    /** Why a declaration cannot be submitted again while this rejected module is unchanged. */
    public String unrevisedKey() {
        return "declaration.rule.unrevised." + name().toLowerCase(Locale.ROOT);
    }
}

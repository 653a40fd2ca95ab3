package cn.hrss.zcrd.declaration;

import cn.hrss.zcrd.unit.BusinessType;
import java.util.List;
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
    ATTACHMENTS,
    /** 原职称证书 (transfer-in: the scan of the certificate held) */
    ORIGINAL_CERTIFICATE,
    /** 调动材料 (transfer-in: 调令 / 劳动合同 / 社保证明) */
    TRANSFER_PAPERS;

    private static final List<ModuleKind> FULL_TIME = List.of(BASIC, EDUCATION, WORK, PERFORMANCE, ATTACHMENTS);
    private static final List<ModuleKind> TRANSFER = List.of(BASIC, WORK, ORIGINAL_CERTIFICATE, TRANSFER_PAPERS);

    /** The modules a declaration of the business has, in the order pages show them. */
    public static List<ModuleKind> of(BusinessType business) {
        return business == BusinessType.TRANSFER_IN ? TRANSFER : FULL_TIME;
    }

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

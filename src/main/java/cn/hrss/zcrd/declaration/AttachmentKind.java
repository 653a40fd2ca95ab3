package cn.hrss.zcrd.declaration;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What an uploaded piece of evidence is, and the information module it belongs to: a full-time declaration needs at
 * least one {@link #DIPLOMA} (附件材料), a transfer-in confirmation the {@link #ORIGINAL_CERTIFICATE} scan (原职称证书)
 * and one of the transfer papers (调动材料). Both need the applicant's {@link #PHOTO}.
 */
public enum AttachmentKind {
    /** 毕业证书 */
    DIPLOMA(ModuleKind.ATTACHMENTS),
    /** 学位证书 */
    DEGREE_CERTIFICATE(ModuleKind.ATTACHMENTS),
    /** 见习期考核表 */
    PROBATION_ASSESSMENT(ModuleKind.ATTACHMENTS),
    /** 其他材料 */
    OTHER(ModuleKind.ATTACHMENTS),
    /** 原职称证书扫描件 */
    ORIGINAL_CERTIFICATE(ModuleKind.ORIGINAL_CERTIFICATE),
    /** 调令 */
    TRANSFER_ORDER(ModuleKind.TRANSFER_PAPERS),
    /** 劳动合同 */
    LABOUR_CONTRACT(ModuleKind.TRANSFER_PAPERS),
    /** 社保证明 */
    SOCIAL_INSURANCE(ModuleKind.TRANSFER_PAPERS),
    /**
     * 证件照: the applicant's standard ID photo, part of 基本信息 in both businesses; one per declaration (a new upload
     * replaces it), checked as a photo ({@code PhotoRules}), printed at the top right of the 认定表.
     */
    PHOTO(ModuleKind.BASIC);

    private final ModuleKind module;

    AttachmentKind(ModuleKind module) {
        this.module = module;
    }

    /** The information module an attachment of this kind is part of. */
    public ModuleKind module() {
        return module;
    }

    /** The kinds that belong to the module (empty for a module without attachments). */
    public static List<AttachmentKind> of(ModuleKind module) {
        return Arrays.stream(values()).filter(k -> k.module == module).toList();
    }

    public String messageKey() {
        return "declaration.attachment-kind." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

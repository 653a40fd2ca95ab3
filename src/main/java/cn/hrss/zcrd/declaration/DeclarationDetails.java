package cn.hrss.zcrd.declaration;

import cn.hrss.zcrd.unit.BusinessType;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything the detail page (详细) and the recognition form show about one declaration, with the catalog and unit
 * names resolved. {@link #basic()}, {@link #education()}, {@link #work()} and {@link #performance()} are in the
 * shape the save methods of {@link Declarations} take, so a page can edit them in place.
 *
 * @param version the optimistic-lock version when read
 * @param businessType full-time recognition or transfer-in confirmation (which modules {@link #modules()} holds)
 * @param transfer     the transfer-in form as stored (null for full-time recognition)
 */
public record DeclarationDetails(
        long id,
        long version,
        DeclarationState state,
        String applicantName,
        String applicantIdNumber,
        BasicInfo basic,
        String levelName,
        String seriesName,
        String titleName,
        String specialtyName,
        String declarationMethodName,
        String declaringUnitName,
        String workUnitName,
        List<EducationRecord> education,
        List<WorkRecord> work,
        Performance performance,
        List<AttachmentInfo> attachments,
        List<Module> modules,
        List<HistoryItem> history,
        Long currentUnitId,
        String currentUnitName,
        Instant createdAt,
        Instant updatedAt,
        Instant firstSubmittedAt,
        Instant submittedAt,
        String statusKey,
        String certificateNumber,
        BusinessType businessType,
        TransferInfo transfer)
        implements Serializable {

    public boolean isTransferIn() {
        return businessType == BusinessType.TRANSFER_IN;
    }

    /** The attachments of one module (附件材料, 原职称证书 or 调动材料). */
    public List<AttachmentInfo> attachmentsOf(ModuleKind kind) {
        return attachments.stream().filter(a -> a.kind().module() == kind).toList();
    }

    /** Whether the declaration has the module (its business has it). */
    public boolean hasModule(ModuleKind kind) {
        return modules.stream().anyMatch(m -> m.kind() == kind);
    }

    /**
     * One information module.
     *
     * @param complete whether it holds everything 确定申报 needs
     * @param editable whether the applicant may change it now (draft; or returned and this module rejected)
     */
    public record Module(ModuleKind kind, ModuleState state, String opinion, boolean complete, boolean editable)
            implements Serializable {}

    /**
     * One transition in the history (审核记录). Unit names are {@code null} when the unit is not in the directory.
     * {@code actorName} is the person who acted: the applicant, a unit's 经办人 (its contact person) or a
     * back-office operator; {@code null} for a unit's decision recorded before the 经办人 was (those rows held the
     * unit's name).
     */
    public record HistoryItem(
            DeclarationAction action,
            DeclarationState from,
            DeclarationState to,
            String actorName,
            Long unitId,
            String unitName,
            Long toUnitId,
            String toUnitName,
            String opinion,
            Map<ModuleKind, String> moduleOpinions,
            Instant occurredAt,
            String certificateNumber)
            implements Serializable {}

    /** The 证件照, if uploaded. */
    public java.util.Optional<AttachmentInfo> photo() {
        return attachments.stream()
                .filter(a -> a.kind() == AttachmentKind.PHOTO)
                .findFirst();
    }

    /** The same details without the history: what a snapshot of the submitted declaration keeps. */
    public DeclarationDetails withoutHistory() {
        return new DeclarationDetails(
                id,
                version,
                state,
                applicantName,
                applicantIdNumber,
                basic,
                levelName,
                seriesName,
                titleName,
                specialtyName,
                declarationMethodName,
                declaringUnitName,
                workUnitName,
                education,
                work,
                performance,
                attachments,
                modules,
                List.of(),
                currentUnitId,
                currentUnitName,
                createdAt,
                updatedAt,
                firstSubmittedAt,
                submittedAt,
                statusKey,
                certificateNumber,
                businessType,
                transfer);
    }

    /** Whether 认定表预览 is available (submitted at least once). */
    public boolean formAvailable() {
        return firstSubmittedAt != null;
    }

    /** Whether 确定申报 may be offered (the rules are checked when it is pressed). */
    public boolean submittable() {
        return state == DeclarationState.DRAFT || state == DeclarationState.RETURNED;
    }

    public Module module(ModuleKind kind) {
        return modules.stream().filter(m -> m.kind() == kind).findFirst().orElseThrow();
    }
}

package cn.hrss.zcrd.declaration;

import static cn.hrss.zcrd.declaration.DeclarationState.CERTIFIED;
import static cn.hrss.zcrd.declaration.DeclarationState.DRAFT;
import static cn.hrss.zcrd.declaration.DeclarationState.FINAL_APPROVED;
import static cn.hrss.zcrd.declaration.DeclarationState.REPORTED;
import static cn.hrss.zcrd.declaration.DeclarationState.RETURNED;
import static cn.hrss.zcrd.declaration.DeclarationState.SUBMITTED;
import static cn.hrss.zcrd.declaration.DeclarationState.UNIT_APPROVED;
import static cn.hrss.zcrd.declaration.DeclarationState.WITHDRAWN;

import cn.hrss.zcrd.catalog.Education;
import cn.hrss.zcrd.shared.VersionedEntity;
import cn.hrss.zcrd.unit.BusinessType;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.MapKeyEnumerated;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.data.domain.AfterDomainEventPublication;
import org.springframework.data.domain.DomainEvents;

/**
 * A declaration of one of the two businesses of SPEC §4–§5a — full-time title recognition (全日制职称认定申报) or
 * transfer-in confirmation (外地调入确认, {@link BusinessType#TRANSFER_IN}): the aggregate root, holding its information modules,
 * attachments (descriptions), module review marks and history, and its state machine (SPEC §5).
 *
 * <p>Each transition is a method that checks the current state (and, for a unit's decision, that the declaration
 * is with that unit), throws a {@link DeclarationException} with a message key when it may not happen, otherwise
 * changes the state, writes a history row and registers a {@link DeclarationStateChanged} event (published when
 * the repository saves the aggregate). Edits check that the module may change: any module of a draft, only the
 * rejected modules of a returned declaration, nothing otherwise.
 *
 * <p>Both businesses share the life cycle, the review marks and the history; they differ in their information
 * modules ({@link ModuleKind#of(BusinessType)}) and basic data: a transfer declaration's level, series, title and
 * specialty are the title held, its other data are {@link TransferDetails}.
 *
 * <p>Rules that need more than the aggregate (catalog, other declarations, dates against today) are the submission
 * policies of the service. Concurrency: the version of {@link VersionedEntity} — of two simultaneous changes one
 * fails at commit.
 */
@Entity
@Table(name = "declaration")
public class Declaration extends VersionedEntity {

    @Column(name = "applicant_account_id", nullable = false, updatable = false)
    private long applicantAccountId;

    @Enumerated(EnumType.STRING)
    @Column(name = "business_type", nullable = false, updatable = false, length = 24)
    private BusinessType businessType = BusinessType.FULL_TIME_RECOGNITION;

    /** transfer-in only (null columns for full-time recognition) */
    @Embedded
    private TransferDetails transfer;

    /** name and ID number never change after registration: copied for the review queue's search */
    @Column(name = "applicant_name", nullable = false, updatable = false, length = 30)
    private String applicantName;

    @Column(name = "applicant_id_number", nullable = false, updatable = false, length = 18)
    private String applicantIdNumber;

    @Column(name = "declaration_year", nullable = false)
    private int declarationYear;

    @Column(name = "level_code", nullable = false, length = 32)
    private String levelCode;

    @Column(name = "series_code", nullable = false, length = 32)
    private String seriesCode;

    @Column(name = "title_id", nullable = false)
    private long titleId;

    @Column(name = "specialty_id", nullable = false)
    private long specialtyId;

    /** full-time recognition only */
    @Column(name = "declaration_method_id")
    private Long declarationMethodId;

    @Column(name = "declaring_unit_id", nullable = false)
    private long declaringUnitId;

    @Column(name = "declaring_unit_is_work_unit", nullable = false)
    private boolean declaringUnitIsWorkUnit;

    @Column(name = "work_unit_id")
    private Long workUnitId;

    @Column(name = "work_start_date")
    private LocalDate workStartDate;

    @Column(name = "professional_work_start_date")
    private LocalDate professionalWorkStartDate;

    @Column(name = "graduation_school", length = 100)
    private String graduationSchool;

    @Column(name = "graduation_date")
    private LocalDate graduationDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "education", length = 32)
    private Education education;

    @Column(name = "major_studied", length = 100)
    private String majorStudied;

    @Column(name = "current_position", length = 100)
    private String currentPosition;

    @Column(name = "achievements", length = 4000)
    private String achievements;

    @Enumerated(EnumType.STRING)
    @Column(name = "probation_result", length = 16)
    private ProbationResult probationResult;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 20)
    private DeclarationState state;

    /** the unit the declaration is with; null while with the applicant or closed */
    @Column(name = "current_unit_id")
    private Long currentUnitId;

    /**
     * TRUE while the declaration is open (submitted, neither certified nor withdrawn), otherwise NULL: a unique key
     * over (applicant, year, level, open_marker) lets the database refuse a second open declaration even when two
     * are submitted at the same moment (NULLs never collide).
     */
    @Column(name = "open_marker")
    private Boolean openMarker;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "first_submitted_at")
    private Instant firstSubmittedAt;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @ElementCollection
    @CollectionTable(name = "declaration_education", joinColumns = @JoinColumn(name = "declaration_id"))
    @OrderColumn(name = "sort_index")
    private List<EducationEntry> educationEntries = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "declaration_work", joinColumns = @JoinColumn(name = "declaration_id"))
    @OrderColumn(name = "sort_index")
    private List<WorkEntry> workEntries = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "declaration_module", joinColumns = @JoinColumn(name = "declaration_id"))
    @MapKeyEnumerated(EnumType.STRING)
    @MapKeyColumn(name = "module", length = 20)
    private Map<ModuleKind, ModuleStatus> modules = new HashMap<>();

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "declaration_id", nullable = false)
    @OrderBy("id")
    private List<Attachment> attachments = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL)
    @JoinColumn(name = "declaration_id", nullable = false, updatable = false)
    @OrderBy("id")
    private List<HistoryEntry> history = new ArrayList<>();

    @Transient
    private final List<Object> events = new ArrayList<>();

    protected Declaration() {}

    /**
     * A new draft (保存 on 新增申报信息). The basic data must have passed the service's field checks.
     *
     * @param seriesCode the series of the chosen title (kept for the review queue and reporting paths)
     */
    public Declaration(
            long applicantAccountId,
            String applicantName,
            String applicantIdNumber,
            BasicInfo basic,
            String seriesCode,
            Instant now) {
        this.applicantAccountId = applicantAccountId;
        this.applicantName = Objects.requireNonNull(applicantName, "applicantName");
        this.applicantIdNumber = Objects.requireNonNull(applicantIdNumber, "applicantIdNumber");
        this.state = DRAFT;
        ModuleKind.of(businessType).forEach(kind -> modules.put(kind, ModuleStatus.normal()));
        applyBasic(basic, seriesCode);
        this.createdAt = now;
        this.updatedAt = now;
    }

    /**
     * A new transfer-in confirmation draft (外地调入确认 → 新增 → 保存). The data must have passed the service's field
     * checks; {@code declarationYear} is the year it is created in.
     */
    public static Declaration transferIn(
            long applicantAccountId,
            String applicantName,
            String applicantIdNumber,
            TransferInfo info,
            int declarationYear,
            Instant now) {
        Declaration d = new Declaration();
        d.businessType = BusinessType.TRANSFER_IN;
        d.applicantAccountId = applicantAccountId;
        d.applicantName = Objects.requireNonNull(applicantName, "applicantName");
        d.applicantIdNumber = Objects.requireNonNull(applicantIdNumber, "applicantIdNumber");
        d.declarationYear = declarationYear;
        d.state = DRAFT;
        ModuleKind.of(d.businessType).forEach(kind -> d.modules.put(kind, ModuleStatus.normal()));
        d.applyTransfer(info);
        d.createdAt = now;
        d.updatedAt = now;
        return d;
    }

    // ---------------------------------------------------------------------------------------------------- editing

    /**
     * Whether the applicant may change the module now: any module (of the declaration's business) of a draft, the
     * rejected ones after a return.
     */
    public boolean canEdit(ModuleKind module) {
        return moduleKinds().contains(module)
                && (state == DRAFT || (state == RETURNED && moduleState(module) != ModuleState.NORMAL));
    }

    public void changeBasic(BasicInfo basic, String seriesCode, Instant now) {
        requireBusiness(BusinessType.FULL_TIME_RECOGNITION);
        edit(ModuleKind.BASIC, now);
        applyBasic(basic, seriesCode);
    }

    /** Saves the 基本信息 module of a transfer-in confirmation. */
    public void changeTransfer(TransferInfo info, Instant now) {
        requireBusiness(BusinessType.TRANSFER_IN);
        edit(ModuleKind.BASIC, now);
        applyTransfer(info);
    }

    private void requireBusiness(BusinessType expected) {
        if (businessType != expected) {
            throw new DeclarationException("declaration.error.wrong-business");
        }
    }

    private void applyTransfer(TransferInfo t) {
        this.levelCode = Objects.requireNonNull(t.levelCode(), "levelCode");
        this.seriesCode = Objects.requireNonNull(t.seriesCode(), "seriesCode");
        this.titleId = Objects.requireNonNull(t.titleId(), "titleId");
        this.specialtyId = Objects.requireNonNull(t.specialtyId(), "specialtyId");
        this.declaringUnitId = Objects.requireNonNull(t.declaringUnitId(), "declaringUnitId");
        this.declaringUnitIsWorkUnit = true;
        this.workUnitId = null;
        this.transfer = new TransferDetails(t);
    }

    public void replaceEducation(List<EducationRecord> entries, Instant now) {
        edit(ModuleKind.EDUCATION, now);
        educationEntries.clear();
        entries.forEach(e -> educationEntries.add(new EducationEntry(e)));
    }

    public void replaceWork(List<WorkRecord> entries, Instant now) {
        edit(ModuleKind.WORK, now);
        workEntries.clear();
        entries.forEach(e -> workEntries.add(new WorkEntry(e)));
    }

    public void changePerformance(Performance performance, Instant now) {
        edit(ModuleKind.PERFORMANCE, now);
        this.achievements = performance.achievements();
        this.probationResult = performance.probationResult();
    }

    /** Adds an attachment's description; its bytes are stored by the service under the id it gets on flush. */
    Attachment addAttachment(
            AttachmentKind kind,
            String originalName,
            String storedName,
            String contentType,
            long sizeBytes,
            String sha256,
            Instant now) {
        requireModule(kind.module());
        edit(kind.module(), now);
        Attachment attachment = new Attachment(kind, originalName, storedName, contentType, sizeBytes, sha256, now);
        attachments.add(attachment);
        return attachment;
    }

    /** @return whether the declaration had that attachment */
    boolean removeAttachment(long attachmentId, Instant now) {
        Optional<ModuleKind> module = attachmentModule(attachmentId);
        if (module.isEmpty()) {
            return false;
        }
        edit(module.get(), now);
        return attachments.removeIf(a -> Long.valueOf(attachmentId).equals(a.id()));
    }

    /** Removes the 证件照 (before a new one is added); the 基本信息 module must be editable. */
    void removePhoto(Instant now) {
        if (attachments.stream().anyMatch(a -> a.kind() == AttachmentKind.PHOTO)) {
            edit(ModuleKind.BASIC, now);
            attachments.removeIf(a -> a.kind() == AttachmentKind.PHOTO);
        }
    }

    /** Whether the applicant's 证件照 is uploaded (a rule of 确定申报 for both businesses). */
    public boolean hasPhoto() {
        return attachments.stream().anyMatch(a -> a.kind() == AttachmentKind.PHOTO);
    }

    /** The module the attachment belongs to, if the declaration has it. */
    public Optional<ModuleKind> attachmentModule(long attachmentId) {
        return attachments.stream()
                .filter(a -> Long.valueOf(attachmentId).equals(a.id()))
                .findFirst()
                .map(a -> a.kind().module());
    }

    /** The information modules of this declaration's business, in page order. */
    public List<ModuleKind> moduleKinds() {
        return ModuleKind.of(businessType);
    }

    /** Refuses a module that this declaration's business does not have (e.g. 原职称证书 on a full-time declaration). */
    public void requireModule(ModuleKind module) {
        if (!moduleKinds().contains(module)) {
            throw new ModuleLockedException("declaration.error.module-not-of-business", module);
        }
    }

    /**
     * Refuses a change to the module unless the declaration is a draft, or was returned with this module rejected.
     *
     * @throws ModuleLockedException {@code declaration.error.locked} (submitted, wait for a return) or
     *                               {@code declaration.error.module-locked} (returned, but this module was not rejected)
     */
    public void requireEditable(ModuleKind module) {
        requireModule(module);
        if (state == RETURNED && moduleState(module) == ModuleState.NORMAL) {
            throw new ModuleLockedException("declaration.error.module-locked", module);
        }
        if (state != DRAFT && state != RETURNED) {
            throw new ModuleLockedException("declaration.error.locked", module);
        }
    }

    private void edit(ModuleKind module, Instant now) {
        requireEditable(module);
        if (state == RETURNED) {
            modules.put(module, modules.get(module).modified());
        }
        // also bumps the version when only a child collection changes
        this.updatedAt = now;
    }

    private void applyBasic(BasicInfo b, String seriesCode) {
        this.declarationYear = Objects.requireNonNull(b.declarationYear(), "declarationYear");
        this.levelCode = Objects.requireNonNull(b.levelCode(), "levelCode");
        this.seriesCode = Objects.requireNonNull(seriesCode, "seriesCode");
        this.titleId = Objects.requireNonNull(b.titleId(), "titleId");
        this.specialtyId = Objects.requireNonNull(b.specialtyId(), "specialtyId");
        this.declarationMethodId = Objects.requireNonNull(b.declarationMethodId(), "declarationMethodId");
        this.declaringUnitId = Objects.requireNonNull(b.declaringUnitId(), "declaringUnitId");
        this.declaringUnitIsWorkUnit = Objects.requireNonNull(b.declaringUnitIsWorkUnit(), "declaringUnitIsWorkUnit");
        this.workUnitId = declaringUnitIsWorkUnit ? null : b.workUnitId();
        this.workStartDate = Objects.requireNonNull(b.workStartDate(), "workStartDate");
        this.professionalWorkStartDate =
                Objects.requireNonNull(b.professionalWorkStartDate(), "professionalWorkStartDate");
        this.graduationSchool = Objects.requireNonNull(b.graduationSchool(), "graduationSchool");
        this.graduationDate = Objects.requireNonNull(b.graduationDate(), "graduationDate");
        this.education = Objects.requireNonNull(b.education(), "education");
        this.majorStudied = Objects.requireNonNull(b.majorStudied(), "majorStudied");
        this.currentPosition = b.currentPosition();
    }

    /** Whether the module holds everything 确定申报 needs (the work-unit rule is a policy of its own). */
    public boolean isComplete(ModuleKind module) {
        if (!moduleKinds().contains(module)) {
            return false;
        }
        return switch (module) {
            case BASIC, PERFORMANCE -> missingFields(module).isEmpty();
            case EDUCATION -> !educationEntries.isEmpty();
            case WORK -> !workEntries.isEmpty();
            case ATTACHMENTS -> attachments.stream().anyMatch(a -> a.kind() == AttachmentKind.DIPLOMA);
            case ORIGINAL_CERTIFICATE ->
                attachments.stream().anyMatch(a -> a.kind() == AttachmentKind.ORIGINAL_CERTIFICATE);
            case TRANSFER_PAPERS -> attachments.stream().anyMatch(a -> a.kind().module() == module);
        };
    }

    /**
     * The fields of the module's form that 确定申报 needs and that are empty, by their names in the form, in form
     * order (e.g. {@code probationResult}). Empty for a complete module and for the modules whose completeness is a
     * matter of entries or uploads (学历学位, 工作经历 and the attachment modules).
     */
    public List<String> missingFields(ModuleKind module) {
        List<String> missing = new ArrayList<>();
        if (module == ModuleKind.BASIC && businessType == BusinessType.TRANSFER_IN) {
            return transfer == null ? TransferDetails.FIELDS : transfer.missingFields();
        } else if (module == ModuleKind.BASIC) {
            addIfBlank(missing, "graduationSchool", graduationSchool);
            addIfBlank(missing, "majorStudied", majorStudied);
        } else if (module == ModuleKind.PERFORMANCE) {
            addIfBlank(missing, "achievements", achievements);
            if (probationResult == null) {
                missing.add("probationResult");
            }
        }
        return missing;
    }

    private static void addIfBlank(List<String> missing, String field, String value) {
        if (value == null || value.isBlank()) {
            missing.add(field);
        }
    }

    public ModuleState moduleState(ModuleKind module) {
        ModuleStatus status = modules.get(module);
        return status == null ? ModuleState.NORMAL : status.state();
    }

    public Optional<String> moduleOpinion(ModuleKind module) {
        return Optional.ofNullable(modules.get(module)).map(ModuleStatus::opinion);
    }

    // ------------------------------------------------------------------------------------------------ transitions

    /**
     * 确定申报: a draft goes to the declaring unit; a returned declaration goes back to the unit that returned it
     * (SPEC §5 — a superior's return comes back to that superior, not down the chain again). The caller has checked
     * the submission policies.
     */
    public void submit(Actor applicant, Instant now) {
        require(DeclarationAction.SUBMIT);
        requireApplicant(applicant);
        Long target = state == RETURNED ? returningUnit() : null;
        currentUnitId = target != null ? target : declaringUnitId;
        openMarker = Boolean.TRUE;
        submittedAt = now;
        if (firstSubmittedAt == null) {
            firstSubmittedAt = now;
        }
        moveTo(SUBMITTED, DeclarationAction.SUBMIT, applicant, currentUnitId, null, Map.of(), now);
    }

    /** 通过 by the unit the declaration is with (the declaring unit, or a superior it was reported to). */
    public void approve(Actor unit, String opinion, Instant now) {
        require(DeclarationAction.APPROVE);
        requireCurrentUnit(unit);
        moveTo(UNIT_APPROVED, DeclarationAction.APPROVE, unit, null, opinion, Map.of(), now);
    }

    /**
     * 上报: the unit that approved it sends it on to a superior unit. Whether a matching effective reporting path
     * exists is the review feature's policy, checked before this.
     */
    public void reportTo(long superiorUnitId, Actor unit, String opinion, Instant now) {
        require(DeclarationAction.REPORT);
        requireCurrentUnit(unit);
        if (superiorUnitId == unit.unitId()) {
            throw new DeclarationException("declaration.error.report-to-self");
        }
        currentUnitId = superiorUnitId;
        moveTo(REPORTED, DeclarationAction.REPORT, unit, superiorUnitId, opinion, Map.of(), now);
    }

    /**
     * 终审通过 by the unit the declaration is with, as the end of the chain (whether that unit holds issuing authority
     * for the level is the review feature's policy). Registers {@link DeclarationFinallyApproved}.
     */
    public void finalApprove(Actor unit, String opinion, Instant now) {
        require(DeclarationAction.FINAL_APPROVE);
        requireCurrentUnit(unit);
        moveTo(FINAL_APPROVED, DeclarationAction.FINAL_APPROVE, unit, null, opinion, Map.of(), now);
        events.add(new DeclarationFinallyApproved(
                idOrZero(),
                applicantAccountId,
                declarationYear,
                levelCode,
                seriesCode,
                titleId,
                specialtyId,
                unit.unitId(),
                now,
                businessType,
                transferInfo()));
    }

    /**
     * 退回 to the applicant from any review state, by the unit it is with, with at least one module opinion (不通过).
     * The rejected modules become {@link ModuleState#REJECTED} with their opinion; the others {@code NORMAL}: only the
     * rejected ones may change until it is submitted again.
     */
    public void returnToApplicant(Actor unit, Map<ModuleKind, String> moduleOpinions, String opinion, Instant now) {
        require(DeclarationAction.RETURN);
        requireCurrentUnit(unit);
        if (moduleOpinions.isEmpty() || moduleOpinions.values().stream().anyMatch(o -> o == null || o.isBlank())) {
            throw new DeclarationException("declaration.error.return-needs-opinion");
        }
        moduleOpinions.keySet().forEach(this::requireModule);
        for (ModuleKind kind : moduleKinds()) {
            String moduleOpinion = moduleOpinions.get(kind);
            modules.put(kind, moduleOpinion == null ? ModuleStatus.normal() : ModuleStatus.rejected(moduleOpinion));
        }
        currentUnitId = null;
        moveTo(RETURNED, DeclarationAction.RETURN, unit, null, opinion, moduleOpinions, now);
    }

    /**
     * The certificate numbered {@code certificateNumber} has been issued (called by the certificate feature). Closes
     * the declaration.
     */
    public void certify(Actor actor, String certificateNumber, Instant now) {
        require(DeclarationAction.CERTIFY);
        currentUnitId = null;
        openMarker = null;
        moveTo(CERTIFIED, DeclarationAction.CERTIFY, actor, null, null, Map.of(), now, certificateNumber);
    }

    /**
     * A later step of the certificate's life (called by the certificate feature): 注销 of certificate
     * {@code certificateNumber}, or 补发 / 更正 that issued {@code certificateNumber} as its successor. The declaration
     * stays {@link DeclarationState#CERTIFIED}; the step, its reason and the number go into the history, and
     * {@link #statusKey()} shows it.
     */
    public void certificateChanged(
            DeclarationAction action, String certificateNumber, String reason, Actor actor, Instant now) {
        if (!action.changesCertificate()) {
            throw new IllegalArgumentException(action + " is no step of a certificate's life");
        }
        require(action);
        moveTo(state, action, actor, null, reason, Map.of(), now, certificateNumber);
    }

    /**
     * The label of where the declaration stands: its state's, except that after a certificate was revoked,
     * re-issued or corrected the latest of these steps shows (证书已注销, 已发证（已补发）, 已发证（已更正）); a transfer-in
     * confirmation's final approval reads 确认通过, as its button does.
     */
    public String statusKey() {
        for (int i = history.size() - 1; i >= 0; i--) {
            DeclarationAction action = history.get(i).action();
            if (action.changesCertificate()) {
                return "declaration.status."
                        + action.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
            }
            if (action == DeclarationAction.CERTIFY) {
                break;
            }
        }
        if (state == DeclarationState.FINAL_APPROVED && businessType == BusinessType.TRANSFER_IN) {
            return "declaration.state.confirmed";
        }
        return state.messageKey();
    }

    /** The number of the certificate the latest certificate step concerns (the one in force, or the revoked one). */
    public String certificateNumber() {
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).certificateNumber() != null) {
                return history.get(i).certificateNumber();
            }
        }
        return null;
    }

    /** 撤回: the applicant abandons a draft or a returned declaration. Closes it. */
    public void withdraw(Actor applicant, Instant now) {
        require(DeclarationAction.WITHDRAW);
        requireApplicant(applicant);
        currentUnitId = null;
        openMarker = null;
        moveTo(WITHDRAWN, DeclarationAction.WITHDRAW, applicant, null, null, Map.of(), now);
    }

    /** Whether the current state allows the action (a unit's decision also needs the declaration to be with it). */
    public boolean allows(DeclarationAction action) {
        return switch (action) {
            case SUBMIT, WITHDRAW -> state == DRAFT || state == RETURNED;
            case APPROVE, FINAL_APPROVE -> state == SUBMITTED || state == REPORTED;
            case REPORT -> state == UNIT_APPROVED;
            case RETURN -> state.isUnderReview();
            case CERTIFY -> state == FINAL_APPROVED;
            case REVOKE_CERTIFICATE, REISSUE_CERTIFICATE, CORRECT_CERTIFICATE -> state == CERTIFIED;
        };
    }

    private void require(DeclarationAction action) {
        if (!allows(action)) {
            throw new IllegalTransitionException(action, state);
        }
    }

    private void requireCurrentUnit(Actor unit) {
        if (unit.unitId() == null || currentUnitId == null || !currentUnitId.equals(unit.unitId())) {
            throw new NotCurrentUnitException();
        }
    }

    private void requireApplicant(Actor actor) {
        // the service refuses other users before; reaching here with another account is a programming error
        if (actor.accountId() != applicantAccountId || actor.unitId() != null) {
            throw new IllegalArgumentException("only the applicant may do this");
        }
    }

    private void moveTo(
            DeclarationState to,
            DeclarationAction action,
            Actor actor,
            Long toUnitId,
            String opinion,
            Map<ModuleKind, String> moduleOpinions,
            Instant now) {
        moveTo(to, action, actor, toUnitId, opinion, moduleOpinions, now, null);
    }

    /** Goes to state {@code to} by {@code action} (checked before), with its history row and events. */
    private void moveTo(
            DeclarationState to,
            DeclarationAction action,
            Actor actor,
            Long toUnitId,
            String opinion,
            Map<ModuleKind, String> moduleOpinions,
            Instant now,
            String certificateNumber) {
        DeclarationState from = state;
        state = to;
        history.add(new HistoryEntry(
                action, from, state, actor, toUnitId, blankToNull(opinion), moduleOpinions, now, certificateNumber));
        updatedAt = now;
        events.add(new DeclarationStateChanged(idOrZero(), action, from, state, actor.unitId(), currentUnitId, now));
    }

    /** The unit of the latest 退回 in the history (null if there is none). */
    private Long returningUnit() {
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).action() == DeclarationAction.RETURN) {
                return history.get(i).unitId();
            }
        }
        return null;
    }

    private long idOrZero() {
        return getId() == null ? 0L : getId(); // only an unsaved aggregate (unit tests) has no id
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** Whether the declaration is or was sent to the unit (current unit, or a unit in its history). */
    public boolean wasSentTo(long unitId) {
        return (currentUnitId != null && currentUnitId == unitId)
                || history.stream().anyMatch(h -> h.involves(unitId));
    }

    // ----------------------------------------------------------------------------------------------------- events

    @DomainEvents
    public Collection<Object> domainEvents() {
        return List.copyOf(events);
    }

    @AfterDomainEventPublication
    public void clearDomainEvents() {
        events.clear();
    }

    // ---------------------------------------------------------------------------------------------------- reading

    public long getApplicantAccountId() {
        return applicantAccountId;
    }

    public String getApplicantName() {
        return applicantName;
    }

    public String getApplicantIdNumber() {
        return applicantIdNumber;
    }

    public DeclarationState getState() {
        return state;
    }

    public Long getCurrentUnitId() {
        return currentUnitId;
    }

    public int getDeclarationYear() {
        return declarationYear;
    }

    public String getLevelCode() {
        return levelCode;
    }

    public String getSeriesCode() {
        return seriesCode;
    }

    public long getTitleId() {
        return titleId;
    }

    public long getSpecialtyId() {
        return specialtyId;
    }

    public BusinessType getBusinessType() {
        return businessType;
    }

    public Long getDeclarationMethodId() {
        return declarationMethodId;
    }

    public long getDeclaringUnitId() {
        return declaringUnitId;
    }

    public boolean isDeclaringUnitWorkUnit() {
        return declaringUnitIsWorkUnit;
    }

    public Long getWorkUnitId() {
        return workUnitId;
    }

    public LocalDate getWorkStartDate() {
        return workStartDate;
    }

    public LocalDate getProfessionalWorkStartDate() {
        return professionalWorkStartDate;
    }

    public LocalDate getGraduationDate() {
        return graduationDate;
    }

    public Education getEducation() {
        return education;
    }

    public Instant getFirstSubmittedAt() {
        return firstSubmittedAt;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    BasicInfo basicInfo() {
        return new BasicInfo(
                declarationYear,
                levelCode,
                titleId,
                specialtyId,
                declarationMethodId,
                declaringUnitId,
                declaringUnitIsWorkUnit,
                workUnitId,
                workStartDate,
                professionalWorkStartDate,
                graduationSchool,
                graduationDate,
                education,
                majorStudied,
                currentPosition);
    }

    /** The transfer-in data as the form has them (null for full-time recognition). */
    TransferInfo transferInfo() {
        if (transfer == null) {
            return null;
        }
        return new TransferInfo(
                seriesCode,
                levelCode,
                titleId,
                specialtyId,
                transfer.obtainedBy(),
                transfer.issuingAuthority(),
                transfer.authorityProvince(),
                transfer.certificateNumber(),
                transfer.obtainedOn(),
                transfer.previousUnit(),
                transfer.previousProvince(),
                transfer.transferDate(),
                declaringUnitId);
    }

    /** 取得时间 and 调入时间 of a transfer declaration (the submission policies' dates); null otherwise. */
    public LocalDate getTitleObtainedOn() {
        return transfer == null ? null : transfer.obtainedOn();
    }

    public LocalDate getTransferDate() {
        return transfer == null ? null : transfer.transferDate();
    }

    List<EducationRecord> educationRecords() {
        return educationEntries.stream().map(EducationEntry::toRecord).toList();
    }

    List<WorkRecord> workRecords() {
        return workEntries.stream().map(WorkEntry::toRecord).toList();
    }

    Performance performance() {
        return new Performance(achievements, probationResult);
    }

    List<Attachment> attachments() {
        return List.copyOf(attachments);
    }

    List<HistoryEntry> history() {
        return List.copyOf(history);
    }

    Instant updatedAt() {
        return updatedAt;
    }
}

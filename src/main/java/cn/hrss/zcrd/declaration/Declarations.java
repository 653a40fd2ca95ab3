package cn.hrss.zcrd.declaration;

import cn.hrss.zcrd.account.ApplicantDetails;
import cn.hrss.zcrd.account.Applicants;
import cn.hrss.zcrd.account.PortalUser;
import cn.hrss.zcrd.catalog.Level;
import cn.hrss.zcrd.catalog.TitleCatalog;
import cn.hrss.zcrd.declaration.internal.AttachmentContent;
import cn.hrss.zcrd.declaration.internal.AttachmentContentRepository;
import cn.hrss.zcrd.declaration.internal.AttachmentInspector;
import cn.hrss.zcrd.declaration.internal.DeclarationProperties;
import cn.hrss.zcrd.declaration.internal.DeclarationRepository;
import cn.hrss.zcrd.declaration.internal.FormChecks;
import cn.hrss.zcrd.declaration.internal.OneOpenDeclarationPolicy;
import cn.hrss.zcrd.declaration.internal.PhotoRules;
import cn.hrss.zcrd.declaration.internal.SubmissionFacts;
import cn.hrss.zcrd.declaration.internal.SubmissionPolicy;
import cn.hrss.zcrd.declaration.internal.SubmissionSnapshots;
import cn.hrss.zcrd.declaration.internal.SubmittedForm;
import cn.hrss.zcrd.shared.BusinessTime;
import cn.hrss.zcrd.shared.DatabaseFailover;
import cn.hrss.zcrd.shared.FieldProblem;
import cn.hrss.zcrd.shared.InvalidInputException;
import cn.hrss.zcrd.shared.NotFoundException;
import cn.hrss.zcrd.shared.RequestedIds;
import cn.hrss.zcrd.unit.BusinessType;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The applicant's side of full-time title recognition (SPEC §4) and transfer-in confirmation (外地调入确认, SPEC §5a):
 * 我的申报信息 / 我的外地调入信息, 新增 (a draft), the information modules each saved on its own, attachments,
 * 确定申报 and 撤回. Both businesses are the same {@link Declaration} life cycle; their rules differ
 * ({@link SubmissionPolicy#of(BusinessType)}).
 *
 * <p>Every method takes the acting {@link PortalUser} (from {@code CurrentPortalUser}, never from the request) and
 * refuses, with Spring Security's {@link AccessDeniedException}, anything on a declaration that user does not own —
 * a missing declaration looks the same. Refusals for the user come as {@link InvalidInputException} (field
 * problems), {@link ModuleLockedException} (module may not change now), {@link IllegalTransitionException},
 * {@link DeclarationRejectedException} (submission rules) or {@link DeclarationConflictException} (lost a race); in
 * each case nothing was stored.
 *
 * <p>A transaction interrupted by the database failing over (a Galera conflict, the writing node lost before the
 * commit) runs again by itself ({@link DatabaseFailover}): the applicant's click succeeds, at most a few seconds late.
 */
@Service
@Retryable(
        predicate = DatabaseFailover.Rerunnable.class,
        maxRetries = DatabaseFailover.MAX_RETRIES,
        delay = DatabaseFailover.FIRST_DELAY_MILLIS,
        multiplier = 2,
        maxDelay = DatabaseFailover.MAX_DELAY_MILLIS)
public class Declarations {

    private final DeclarationRepository declarations;
    private final AttachmentContentRepository contents;
    private final DeclarationAccess access;
    private final TitleCatalog catalog;
    private final Applicants applicants;
    private final FormChecks checks;
    private final AttachmentInspector inspector;
    private final DeclarationProperties properties;
    private final TransactionTemplate transaction;
    private final BusinessTime time;
    private final SubmissionSnapshots snapshots;

    Declarations(
            DeclarationRepository declarations,
            AttachmentContentRepository contents,
            DeclarationAccess access,
            TitleCatalog catalog,
            Applicants applicants,
            FormChecks checks,
            AttachmentInspector inspector,
            DeclarationProperties properties,
            PlatformTransactionManager transactions,
            BusinessTime time,
            SubmissionSnapshots snapshots) {
        this.declarations = declarations;
        this.contents = contents;
        this.access = access;
        this.catalog = catalog;
        this.applicants = applicants;
        this.checks = checks;
        this.inspector = inspector;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
        this.time = time;
        this.snapshots = snapshots;
    }

    /** 我的申报信息: the applicant's full-time recognition declarations, newest first. */
    @Transactional(readOnly = true)
    public List<DeclarationSummary> mine(PortalUser user) {
        return mine(user, BusinessType.FULL_TIME_RECOGNITION);
    }

    /** 我的申报信息 / 我的外地调入信息: the applicant's declarations of the business, newest first. */
    @Transactional(readOnly = true)
    public List<DeclarationSummary> mine(PortalUser user, BusinessType business) {
        DeclarationAccess.requirePerson(user);
        return declarations
                .findByApplicantAccountIdAndBusinessTypeOrderByCreatedAtDescIdDesc(user.accountId(), business)
                .stream()
                .map(access::summary)
                .toList();
    }

    /**
     * 外地调入确认 → 新增 → 保存: a new transfer-in confirmation draft of the signed-in person.
     *
     * @return the new declaration's id
     * @throws InvalidInputException with every field problem of the form
     */
    @Transactional
    public long createTransferDraft(PortalUser user, TransferInfo info) {
        DeclarationAccess.requirePerson(user);
        ApplicantDetails person = applicants.ofAccount(user.accountId());
        TransferInfo checked = checks.transfer(info, today());
        Declaration draft = Declaration.transferIn(
                user.accountId(), person.name(), person.idNumber(), checked, today().getYear(), now());
        return declarations.saveAndFlush(draft).getId();
    }

    /** Saves the 基本信息 module of a transfer-in confirmation. */
    @Transactional
    public void saveTransfer(long declarationId, PortalUser user, TransferInfo info) {
        Declaration d = editable(declarationId, user, ModuleKind.BASIC);
        d.changeTransfer(checks.transfer(info, today()), now());
        storeOpen(d);
    }

    /**
     * 新增申报信息 → 保存: a new draft of the signed-in applicant.
     *
     * @return the new declaration's id
     * @throws InvalidInputException with every field problem of the basic form
     */
    @Transactional
    public long createDraft(PortalUser user, BasicInfo basic) {
        DeclarationAccess.requirePerson(user);
        ApplicantDetails person = applicants.ofAccount(user.accountId());
        FormChecks.CheckedBasic checked = checks.basic(basic, today());
        Declaration draft = new Declaration(
                user.accountId(), person.name(), person.idNumber(), checked.basic(), checked.seriesCode(), now());
        return declarations.saveAndFlush(draft).getId();
    }

    /** 详细: the whole declaration, for its applicant or a unit it is or was sent to. */
    @Transactional(readOnly = true)
    public DeclarationDetails details(long declarationId, PortalUser user) {
        return access.details(access.readable(declarationId, user));
    }

    /** The applicant's own declaration, refused unless {@code module} may change now. */
    private Declaration editable(long declarationId, PortalUser user, ModuleKind module) {
        Declaration d = access.owned(declarationId, user);
        d.requireEditable(module);
        return d;
    }

    /** Saves the 基本信息 module. */
    @Transactional
    public void saveBasic(long declarationId, PortalUser user, BasicInfo basic) {
        Declaration d = editable(declarationId, user, ModuleKind.BASIC);
        FormChecks.CheckedBasic checked = checks.basic(basic, today());
        d.changeBasic(checked.basic(), checked.seriesCode(), now());
        storeOpen(d);
    }

    /** Saves the 学历学位 module: the entries replace the stored ones (an empty list empties the module). */
    @Transactional
    public void saveEducation(long declarationId, PortalUser user, List<EducationRecord> entries) {
        Declaration d = editable(declarationId, user, ModuleKind.EDUCATION);
        d.replaceEducation(checks.education(entries, today()), now());
        access.store(d);
    }

    /** Saves the 工作经历 module: the entries replace the stored ones. */
    @Transactional
    public void saveWork(long declarationId, PortalUser user, List<WorkRecord> entries) {
        Declaration d = editable(declarationId, user, ModuleKind.WORK);
        d.replaceWork(checks.work(entries, today()), now());
        access.store(d);
    }

    /** Saves the 专业技术工作业绩/见习期考核 module. */
    @Transactional
    public void savePerformance(long declarationId, PortalUser user, Performance performance) {
        Declaration d = editable(declarationId, user, ModuleKind.PERFORMANCE);
        d.changePerformance(checks.performance(performance), now());
        access.store(d);
    }

    /**
     * Adds an attachment (附件材料). The upload is read before any transaction starts, never more than one byte beyond
     * {@code zcrd.declaration.attachment-max-bytes}; its type is decided by content (PDF, JPEG, PNG, each really
     * parsed); the original name is kept only as sanitised data; the bytes go to the database with their SHA-256.
     *
     * @throws InvalidInputException at field {@code file} (too large, empty, wrong type, damaged, too many) or
     *                               {@code kind}
     */
    public AttachmentInfo addAttachment(
            long declarationId, PortalUser user, AttachmentKind kind, String originalName, InputStream content) {
        if (kind == null) {
            throw new InvalidInputException(FieldProblem.of("kind", "field.required"));
        }
        byte[] data;
        if (kind == AttachmentKind.PHOTO) {
            data = PhotoRules.read(content);
            PhotoRules.check(data, inspector);
        } else {
            data = inspector.read(content);
        }
        return transaction.execute(status -> storeAttachment(declarationId, user, kind, originalName, data));
    }

    /**
     * 证件照: uploads the applicant's ID photo into 基本信息, replacing the one before. Checked as a photo by content
     * ({@link PhotoRules}: JPEG or PNG, size, pixel dimensions, portrait 3:4-ish).
     *
     * @throws InvalidInputException at field {@code file}
     */
    public AttachmentInfo uploadPhoto(long declarationId, PortalUser user, String originalName, InputStream content) {
        return addAttachment(declarationId, user, AttachmentKind.PHOTO, originalName, content);
    }

    private AttachmentInfo storeAttachment(
            long declarationId, PortalUser user, AttachmentKind kind, String originalName, byte[] data) {
        Declaration d = access.owned(declarationId, user);
        if (!d.moduleKinds().contains(kind.module())) {
            throw new InvalidInputException(FieldProblem.of("kind", "declaration.attachment.kind-not-for-business"));
        }
        d.requireEditable(kind.module());
        if (kind == AttachmentKind.PHOTO) {
            d.removePhoto(now()); // one photo: the new one replaces it (its bytes go by ON DELETE CASCADE)
        }
        if (d.attachments().size() >= properties.maxAttachments()) {
            throw new InvalidInputException(FieldProblem.of(
                    "file", "declaration.attachment.too-many", String.valueOf(properties.maxAttachments())));
        }
        AttachmentInspector.Type type = inspector.inspect(data);
        String storedName = UUID.randomUUID() + "." + type.extension();
        d.addAttachment(
                kind,
                AttachmentInspector.sanitiseName(originalName),
                storedName,
                type.contentType(),
                data.length,
                sha256(data),
                now());
        Declaration saved = access.store(d);
        // the saved aggregate holds the managed copy of the new attachment: find it by its generated name
        Attachment attachment = saved.attachments().stream()
                .filter(a -> a.toInfo().storedName().equals(storedName))
                .findFirst()
                .orElseThrow();
        contents.saveAndFlush(new AttachmentContent(attachment.id(), data));
        return attachment.toInfo();
    }

    /** Removes an attachment (and its bytes) from its module (附件材料, 原职称证书 or 调动材料). */
    @Transactional
    public void removeAttachment(long declarationId, PortalUser user, long attachmentId) {
        Declaration d = access.owned(declarationId, user);
        // an unknown attachment on a locked declaration is refused as locked, as before it is looked for
        d.requireEditable(d.attachmentModule(attachmentId)
                .orElse(d.moduleKinds().get(d.moduleKinds().size() - 1)));
        if (!d.removeAttachment(attachmentId, now())) {
            throw new AccessDeniedException("no such attachment on this declaration");
        }
        access.store(d);
    }

    /**
     * Everything that would refuse 确定申报 now, each with the module (and field) where it is put right (empty when it
     * may be submitted), for the page to list, with links, before the button is pressed.
     */
    @Transactional(readOnly = true)
    public List<SubmissionProblem> submissionProblems(long declarationId, PortalUser user) {
        return problems(access.owned(declarationId, user));
    }

    /**
     * 确定申报: sends a draft, or a returned declaration after its rejected modules were changed, to the declaring
     * unit. Every rule is a {@link SubmissionPolicy}; all refusals are reported together.
     *
     * @throws DeclarationRejectedException with every rule that refuses
     * @throws IllegalTransitionException   when it is neither a draft nor returned
     * @throws DeclarationConflictException when a simultaneous action on it won
     */
    @Transactional
    public void submit(long declarationId, PortalUser user) {
        Declaration d = access.owned(declarationId, user);
        if (!d.allows(DeclarationAction.SUBMIT)) {
            throw new IllegalTransitionException(DeclarationAction.SUBMIT, d.getState());
        }
        List<SubmissionProblem> problems = problems(d);
        if (!problems.isEmpty()) {
            throw new DeclarationRejectedException(
                    problems.stream().map(SubmissionProblem::refusal).toList());
        }
        Instant now = now();
        d.submit(Actor.applicant(user.accountId(), user.displayName()), now);
        storeOpen(d);
        snapshots.take(d.getId(), submittedForm(d, now), now);
    }

    /** The declaration as submitted now, with the applicant's personal and contact data of this moment. */
    private SubmittedForm submittedForm(Declaration d, Instant now) {
        return SubmittedForm.of(access.details(d), applicants.ofAccount(d.getApplicantAccountId()), now);
    }

    /**
     * Stores a declaration that is (or stays) open. The unique key {@code uk_declaration_open} refuses it when another
     * declaration of the person for the same year and level is open — submitted at the same moment, or (a returned
     * declaration whose basic module changes year or level) already open there.
     */
    private void storeOpen(Declaration d) {
        try {
            access.store(d);
        } catch (DataIntegrityViolationException e) {
            throw new DeclarationRejectedException(List.of(OneOpenDeclarationPolicy.rejection(
                    d.getDeclarationYear(),
                    catalog.findLevel(d.getLevelCode()).map(Level::name).orElse(d.getLevelCode()))));
        }
    }

    /** What 撤回 did. */
    public enum Withdrawal {
        /** a draft (never submitted) was deleted with its modules and attachments */
        DRAFT_DELETED,
        /** a returned declaration was closed (已撤回); it stays in the list with its history */
        WITHDRAWN
    }

    /**
     * 撤回: deletes a draft — it was never submitted, no unit has seen it, nothing of it is kept — or closes a returned
     * declaration, which stays (已撤回) with its review history and no longer counts as open.
     *
     * @throws IllegalTransitionException when it is neither a draft nor returned
     */
    @Transactional
    public Withdrawal withdraw(long declarationId, PortalUser user) {
        Declaration d = access.owned(declarationId, user);
        boolean draft = d.getState() == DeclarationState.DRAFT;
        // the transition checks the state and the applicant in both cases
        d.withdraw(Actor.applicant(user.accountId(), user.displayName()), now());
        if (draft) {
            contents.deleteAllByIdInBatch(
                    d.attachments().stream().map(Attachment::id).toList());
            access.delete(d);
            return Withdrawal.DRAFT_DELETED;
        }
        access.store(d);
        return Withdrawal.WITHDRAWN;
    }

    /**
     * Whether the user may fetch the attachment: its applicant, or a unit the declaration is or was sent to (the
     * current unit or one in its history). {@code false} for an unknown attachment.
     */
    @Transactional(readOnly = true)
    public boolean canRead(long attachmentId, PortalUser user) {
        return declarations
                .findByAttachmentId(attachmentId)
                .map(d -> access.mayRead(d, user))
                .orElse(false);
    }

    /**
     * The bytes of an attachment for someone who {@link #canRead(long, PortalUser) may read it}.
     *
     * @throws NotFoundException     for an unknown attachment
     * @throws AccessDeniedException otherwise
     */
    @Transactional(readOnly = true)
    public AttachmentDownload attachment(long attachmentId, PortalUser user) {
        Declaration d = RequestedIds.found(declarations.findByAttachmentId(attachmentId), "attachment");
        if (!access.mayRead(d, user)) {
            throw new AccessDeniedException("attachment not readable by this user");
        }
        AttachmentInfo info = d.attachments().stream()
                .map(Attachment::toInfo)
                .filter(a -> a.id() == attachmentId)
                .findFirst()
                .orElseThrow();
        byte[] content = contents.findById(attachmentId).orElseThrow().content();
        return new AttachmentDownload(info.storedName(), info.contentType(), content, info.sha256());
    }

    private List<SubmissionProblem> problems(Declaration d) {
        long others = declarations.countByApplicantAccountIdAndDeclarationYearAndLevelCodeAndOpenMarkerTrueAndIdNot(
                d.getApplicantAccountId(), d.getDeclarationYear(), d.getLevelCode(), d.getId());
        SubmissionFacts facts = new SubmissionFacts(
                d,
                catalog.findLevel(d.getLevelCode()),
                Optional.ofNullable(d.getDeclarationMethodId()).flatMap(catalog::findDeclarationMethod),
                catalog.findTitle(d.getTitleId()),
                catalog.offers(d.getTitleId(), d.getSpecialtyId()),
                others,
                today());
        return SubmissionPolicy.of(d.getBusinessType()).stream()
                .flatMap(p -> p.problems(facts).stream())
                .toList();
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Instant now() {
        return time.clock().instant();
    }

    private LocalDate today() {
        return time.today();
    }
}

package cn.hrss.zcrd.declaration.internal;

import cn.hrss.zcrd.account.CurrentPortalUser;
import cn.hrss.zcrd.account.PortalAccountKind;
import cn.hrss.zcrd.account.PortalUser;
import cn.hrss.zcrd.catalog.Education;
import cn.hrss.zcrd.catalog.TitleCatalog;
import cn.hrss.zcrd.declaration.AttachmentInfo;
import cn.hrss.zcrd.declaration.AttachmentKind;
import cn.hrss.zcrd.declaration.DeclarationAction;
import cn.hrss.zcrd.declaration.DeclarationDetails;
import cn.hrss.zcrd.declaration.DeclarationException;
import cn.hrss.zcrd.declaration.DeclarationRejectedException;
import cn.hrss.zcrd.declaration.DeclarationState;
import cn.hrss.zcrd.declaration.Declarations;
import cn.hrss.zcrd.declaration.Degree;
import cn.hrss.zcrd.declaration.ModuleKind;
import cn.hrss.zcrd.declaration.Performance;
import cn.hrss.zcrd.declaration.ProbationResult;
import cn.hrss.zcrd.declaration.SubmissionProblem;
import cn.hrss.zcrd.shared.BusinessTime;
import cn.hrss.zcrd.shared.FieldProblem;
import cn.hrss.zcrd.shared.FileSizes;
import cn.hrss.zcrd.shared.InvalidInputException;
import cn.hrss.zcrd.shared.RequestedIds;
import cn.hrss.zcrd.unit.UnitDirectory;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.primefaces.model.file.UploadedFile;
import org.springframework.stereotype.Component;

/**
 * 详细: one declaration of the signed-in applicant, organised in its information modules. Each module is its own
 * form, saved on its own, and shows whether it is complete and its review mark (正常 / 被退回 with the opinion /
 * 已修改); only the modules the service reports editable get a form. 确定申报 and 撤回 sit on top, with what would
 * refuse 确定申报 listed before it is pressed. The declaration's id is read once, from the address, when the view is
 * opened; every call names the signed-in applicant and the service refuses anything that is not theirs.
 */
@Component("declarationView")
@ViewScoped
public class DeclarationView implements Serializable {

    private final Declarations declarations;
    private final TitleCatalog catalog;
    private final UnitDirectory directory;
    private final BusinessTime businessTime;
    private final long maxAttachmentBytes;

    private long id;
    private DeclarationDetails details;
    private List<SubmissionProblem> problems = List.of();
    private BasicForm basic;
    private TransferForm transfer;
    private List<EducationRow> educationRows = new ArrayList<>();
    private List<WorkRow> workRows = new ArrayList<>();
    private String achievements;
    private ProbationResult probationResult;
    private AttachmentKind attachmentKind;
    private transient UploadedFile file;
    private transient UploadedFile photoFile;

    DeclarationView(
            Declarations declarations,
            TitleCatalog catalog,
            UnitDirectory directory,
            BusinessTime businessTime,
            DeclarationProperties properties) {
        this.declarations = declarations;
        this.maxAttachmentBytes = properties.attachmentMaxBytes();
        this.catalog = catalog;
        this.directory = directory;
        this.businessTime = businessTime;
    }

    /**
     * Before the first rendering of the view (not on postbacks, which keep the id the view was opened with): the
     * declaration named by {@code ?id=}, if it is the applicant's — no such declaration is answered as not found (404),
     * someone else's is refused (403).
     */
    public void load() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces.isPostback() || details != null) {
            return;
        }
        id = RequestedIds.required("id");
        refresh();
    }

    /** Reads the declaration again and resets every module form to what is stored. */
    private void refresh() {
        // a person reads only their own declarations (the service refuses anyone else)
        details = declarations.details(id, user());
        transfer = details.isTransferIn()
                ? TransferForm.of(catalog, directory, details.transfer(), details.declaringUnitName())
                : null;
        basic = BasicForm.of(
                catalog,
                directory,
                businessTime.today().getYear(),
                details.basic(),
                details.declaringUnitName(),
                details.workUnitName());
        educationRows = new ArrayList<>(
                details.education().stream().map(EducationRow::of).toList());
        workRows = new ArrayList<>(details.work().stream().map(WorkRow::of).toList());
        achievements = details.performance().achievements();
        probationResult = details.performance().probationResult();
        attachmentKind = null;
        problems = details.submittable() ? declarations.submissionProblems(id, user()) : List.of();
    }

    // ---------------------------------------------------------------------------------------------- modules

    public void saveBasic() {
        save(
                NewDeclarationView.FORM,
                "declaration.page.module-saved",
                ModuleKind.BASIC,
                () -> declarations.saveBasic(id, user(), basic.toBasicInfo()));
    }

    /** Saves the 基本信息 module of a transfer-in confirmation. */
    public void saveTransfer() {
        save(
                NewTransferView.FORM,
                "declaration.page.module-saved",
                ModuleKind.BASIC,
                () -> declarations.saveTransfer(id, user(), transfer.toTransferInfo()));
    }

    public void saveEducation() {
        save(
                "education",
                "declaration.page.module-saved",
                ModuleKind.EDUCATION,
                () -> declarations.saveEducation(
                        id,
                        user(),
                        educationRows.stream().map(EducationRow::toRecord).toList()));
    }

    public void addEducation() {
        EducationRow row = new EducationRow();
        row.setDegree(Degree.NONE);
        educationRows.add(row);
    }

    public void removeEducation(int index) {
        if (index >= 0 && index < educationRows.size()) {
            educationRows.remove(index);
        }
    }

    public void saveWork() {
        save(
                "work",
                "declaration.page.module-saved",
                ModuleKind.WORK,
                () -> declarations.saveWork(
                        id, user(), workRows.stream().map(WorkRow::toRecord).toList()));
    }

    public void addWork() {
        workRows.add(new WorkRow());
    }

    public void removeWork(int index) {
        if (index >= 0 && index < workRows.size()) {
            workRows.remove(index);
        }
    }

    public void savePerformance() {
        save(
                "performance",
                "declaration.page.module-saved",
                ModuleKind.PERFORMANCE,
                () -> declarations.savePerformance(id, user(), new Performance(achievements, probationResult)));
    }

    /** 上传: the file's content decides whether it is taken (never its name or declared type). */
    public void upload() {
        upload(ModuleKind.ATTACHMENTS.name());
    }

    /** 上传 into an attachment module (附件材料, 原职称证书 or 调动材料), named as on the page. */
    public void upload(String moduleName) {
        ModuleKind module = ModuleKind.valueOf(moduleName);
        String formId = formOf(module);
        if (file == null || file.getFileName() == null || file.getFileName().isBlank()) {
            PageMessages.atFields(formId, List.of(FieldProblem.of("file", "declaration.page.file-required")));
            return;
        }
        save(formId, "declaration.page.uploaded", module, () -> {
            try (InputStream in = file.getInputStream()) {
                declarations.addAttachment(id, user(), attachmentKind, file.getFileName(), in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        file = null;
    }

    /** 上传证件照: replaces the photo; refusals (not an image, too large, wrong size) at the field. */
    public void uploadPhoto() {
        if (photoFile == null
                || photoFile.getFileName() == null
                || photoFile.getFileName().isBlank()) {
            PageMessages.atFields("photo", List.of(FieldProblem.of("file", "declaration.page.file-required")));
            return;
        }
        save("photo", "declaration.page.photo-uploaded", ModuleKind.BASIC, () -> {
            try (InputStream in = photoFile.getInputStream()) {
                declarations.uploadPhoto(id, user(), photoFile.getFileName(), in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        photoFile = null;
    }

    /** The 证件照 uploaded, or null. */
    public AttachmentInfo getPhoto() {
        return details.photo().orElse(null);
    }

    /** What the photo must be, with the bounds {@link PhotoRules} checks. */
    public String getPhotoNote() {
        return text(
                "declaration.page.photo-note",
                String.valueOf(PhotoRules.MAX_BYTES / 1024),
                String.valueOf(PhotoRules.MIN_WIDTH),
                String.valueOf(PhotoRules.MAX_WIDTH),
                String.valueOf(PhotoRules.MIN_HEIGHT),
                String.valueOf(PhotoRules.MAX_HEIGHT));
    }

    public UploadedFile getPhotoFile() {
        return photoFile;
    }

    public void setPhotoFile(UploadedFile photoFile) {
        this.photoFile = photoFile;
    }

    public void removeAttachment(long attachmentId) {
        save(
                "attachments",
                "declaration.page.attachment-removed",
                ModuleKind.ATTACHMENTS,
                () -> declarations.removeAttachment(id, user(), attachmentId));
    }

    /** The id of the form an attachment module's upload is in. */
    private static String formOf(ModuleKind module) {
        return switch (module) {
            case ORIGINAL_CERTIFICATE -> "original";
            case TRANSFER_PAPERS -> "papers";
            default -> "attachments";
        };
    }

    private void save(String formId, String doneKey, ModuleKind module, Runnable change) {
        try {
            change.run();
            refresh();
            PageMessages.info(doneKey, text(module.messageKey()));
        } catch (InvalidInputException e) {
            PageMessages.atFields(formId, e.problems());
        } catch (DeclarationException e) {
            PageMessages.refused(e);
            refresh();
        }
    }

    // ---------------------------------------------------------------------------------------------- actions

    /**
     * 确定申报 (after the page's confirmation): on success nothing on the page is editable any more. Refused by the
     * rules, the page says so once and the list of problems on top (each linked to its module or field) names every
     * one.
     */
    public void submit() {
        try {
            declarations.submit(id, user());
            refresh();
            PageMessages.info("declaration.page.submitted");
        } catch (DeclarationRejectedException e) {
            refresh();
            PageMessages.error("declaration.page.submit-refused");
        } catch (DeclarationException e) {
            refresh();
            PageMessages.refused(e);
        }
    }

    /**
     * 撤回 (after the page's confirmation, which says what it does): a draft is deleted, a returned declaration
     * closed; either way the list says which, once.
     */
    public String withdraw() {
        try {
            Declarations.Withdrawal done = declarations.withdraw(id, user());
            PageMessages.flash(withdrawnKey(done));
            return (details.isTransferIn() ? "/rsrc/person/transfers.xhtml" : "/rsrc/person/declarations.xhtml")
                    + "?faces-redirect=true";
        } catch (DeclarationException e) {
            refresh();
            PageMessages.refused(e);
            return null;
        }
    }

    // ---------------------------------------------------------------------------------------------- reading

    public long getId() {
        return id;
    }

    public DeclarationDetails getDetails() {
        return details;
    }

    /** The module, or null when the declaration's business has no such module. */
    public DeclarationDetails.Module module(String kind) {
        ModuleKind k = ModuleKind.valueOf(kind);
        return details.hasModule(k) ? details.module(k) : null;
    }

    public boolean editable(String kind) {
        DeclarationDetails.Module m = module(kind);
        return m != null && m.editable();
    }

    /** The attachments of one module. */
    public List<AttachmentInfo> attachmentsOf(String kind) {
        return details.attachmentsOf(ModuleKind.valueOf(kind));
    }

    /** The kinds of attachment the module takes. */
    public List<AttachmentKind> attachmentKinds(String kind) {
        return AttachmentKind.of(ModuleKind.valueOf(kind));
    }

    public TransferForm getTransfer() {
        return transfer;
    }

    public boolean isReturned() {
        return details.state() == DeclarationState.RETURNED;
    }

    /** The overall opinion of the latest 退回, if it had one. */
    public String getReturnOpinion() {
        return details.history().stream()
                .filter(h -> h.action() == DeclarationAction.RETURN)
                .max(Comparator.comparing(DeclarationDetails.HistoryItem::occurredAt))
                .map(DeclarationDetails.HistoryItem::opinion)
                .orElse(null);
    }

    /** The history, newest last, with the unit each entry names. */
    public List<DeclarationDetails.HistoryItem> getHistory() {
        return details.history();
    }

    public String historyUnit(DeclarationDetails.HistoryItem h) {
        return h.unitName() != null
                ? h.unitName()
                : Optional.ofNullable(h.toUnitName()).orElse("");
    }

    public List<Map.Entry<ModuleKind, String>> moduleOpinions(DeclarationDetails.HistoryItem h) {
        return new ArrayList<>(h.moduleOpinions().entrySet());
    }

    public List<SubmissionProblem> getProblems() {
        return problems;
    }

    public String problemText(SubmissionProblem p) {
        return cn.hrss.zcrd.shared.FacesMessages.text(p.refusal());
    }

    /**
     * Where the problem's link goes: the field's input when the field is named and its module's form is on the page
     * (e.g. {@code performance:probationResult}), else the module's box (e.g. {@code module-EDUCATION}).
     */
    public String problemAnchor(SubmissionProblem p) {
        if (p.field() != null && editable(p.module().name())) {
            String form = p.module() == ModuleKind.BASIC
                    ? (details.isTransferIn() ? NewTransferView.FORM : NewDeclarationView.FORM)
                    : p.module().name().toLowerCase(Locale.ROOT);
            return form + ":" + p.field();
        }
        return "module-" + p.module().name();
    }

    /** The confirmation 撤回 asks for: a draft is deleted, a returned declaration closed. */
    public String getWithdrawConfirmKey() {
        return withdrawConfirmKey(details.state());
    }

    static String withdrawConfirmKey(DeclarationState state) {
        return state == DeclarationState.DRAFT
                ? "declaration.page.delete-draft-confirm"
                : "declaration.page.withdraw-confirm";
    }

    static String withdrawnKey(Declarations.Withdrawal done) {
        return done == Declarations.Withdrawal.DRAFT_DELETED
                ? "declaration.page.draft-deleted"
                : "declaration.page.withdrawn";
    }

    public String time(Instant instant) {
        return businessTime.minutes(instant);
    }

    public String size(AttachmentInfo a) {
        return FileSizes.of(a.sizeBytes());
    }

    public String educationKey(Education education) {
        return education == null
                ? "declaration.form.none"
                : "declaration.education."
                        + education.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public Education[] getEducations() {
        return Education.values();
    }

    public Degree[] getDegrees() {
        return Degree.values();
    }

    public ProbationResult[] getProbationResults() {
        return ProbationResult.values();
    }

    public AttachmentKind[] getAttachmentKinds() {
        return AttachmentKind.values();
    }

    /** The size limit as the page states it, e.g. 5. */
    public String getMaxAttachmentMegabytes() {
        return java.math.BigDecimal.valueOf(maxAttachmentBytes)
                .divide(java.math.BigDecimal.valueOf(1024 * 1024), 1, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros()
                .toPlainString();
    }

    public BasicForm getBasic() {
        return basic;
    }

    public List<EducationRow> getEducationRows() {
        return educationRows;
    }

    public List<WorkRow> getWorkRows() {
        return workRows;
    }

    public String getAchievements() {
        return achievements;
    }

    public void setAchievements(String achievements) {
        this.achievements = achievements;
    }

    public ProbationResult getProbationResult() {
        return probationResult;
    }

    public void setProbationResult(ProbationResult probationResult) {
        this.probationResult = probationResult;
    }

    public AttachmentKind getAttachmentKind() {
        return attachmentKind;
    }

    public void setAttachmentKind(AttachmentKind attachmentKind) {
        this.attachmentKind = attachmentKind;
    }

    public UploadedFile getFile() {
        return file;
    }

    public void setFile(UploadedFile file) {
        this.file = file;
    }

    private static PortalUser user() {
        return CurrentPortalUser.requireKind(PortalAccountKind.PERSON);
    }

    private static String text(String key, Object... arguments) {
        return cn.hrss.zcrd.shared.FacesMessages.text(key, arguments);
    }
}

package cn.hrss.zcrd.review.internal;

import cn.hrss.zcrd.account.CurrentPortalUser;
import cn.hrss.zcrd.account.PortalAccountKind;
import cn.hrss.zcrd.account.PortalUser;
import cn.hrss.zcrd.declaration.ApplicantData;
import cn.hrss.zcrd.declaration.DeclarationApplicants;
import cn.hrss.zcrd.declaration.DeclarationDetails;
import cn.hrss.zcrd.declaration.DeclarationException;
import cn.hrss.zcrd.declaration.DeclarationState;
import cn.hrss.zcrd.declaration.Declarations;
import cn.hrss.zcrd.declaration.ModuleKind;
import cn.hrss.zcrd.review.ApprovalPolicy;
import cn.hrss.zcrd.review.ReviewDecisions;
import cn.hrss.zcrd.shared.BusinessTime;
import cn.hrss.zcrd.shared.FacesMessages;
import cn.hrss.zcrd.shared.InvalidInputException;
import cn.hrss.zcrd.shared.RequestedIds;
import cn.hrss.zcrd.unit.Unit;
import cn.hrss.zcrd.unit.Units;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * 审核 ({@code /rsrc/unit/review/declaration.xhtml?id=…}): the whole declaration — every module, the attachments,
 * the history — and, while it is with this unit for review, the decisions: 通过 (终审通过 where the unit holds
 * issuing authority for the level), 不通过 with an opinion on a module, 退回 (needs at least one module opinion).
 *
 * <p>The declaration's id is read once, when the view is created; a later request parameter cannot change it. A
 * unit the declaration was never sent to gets the refusal page (403).
 */
@Component("reviewDeclaration")
@ViewScoped
public class ReviewDeclarationView implements Serializable {

    private final Declarations declarations;
    private final ReviewDecisions decisions;
    private final long declarationId;
    private final long unitId;
    private final BusinessTime businessTime;
    private final List<ModuleReview> modules = new ArrayList<>();
    private DeclarationDetails details;
    private final ApplicantData applicant;
    private ApprovalPolicy.Outcome approval;
    private String opinion;

    ReviewDeclarationView(
            Declarations declarations,
            DeclarationApplicants applicants,
            ReviewDecisions decisions,
            Units units,
            BusinessTime businessTime) {
        this.declarations = declarations;
        this.decisions = decisions;
        this.businessTime = businessTime;
        PortalUser user = CurrentPortalUser.requireKind(PortalAccountKind.UNIT);
        this.unitId = units.findOfAccount(user.accountId())
                .map(Unit::getId)
                .orElseThrow(() -> new AccessDeniedException("unit account without unit"));
        this.declarationId = RequestedIds.required("id");
        reload();
        this.applicant = applicants.of(declarationId, user);
        // the modules of the declaration's business (full-time recognition or transfer-in)
        details.modules().forEach(m -> modules.add(new ModuleReview(m.kind())));
    }

    /** The page's view action: makes sure the view (and so the access check) is built before anything renders. */
    public void check() {
        // the constructor did it
    }

    private void reload() {
        PortalUser user = CurrentPortalUser.requireKind(PortalAccountKind.UNIT);
        details = declarations.details(declarationId, user);
        approval = isDecidable() ? decisions.approvalFor(declarationId, user) : null;
    }

    /** 通过 / 终审通过 */
    public void approve() {
        try {
            ApprovalPolicy.Outcome outcome = decisions.approve(declarationId, user(), opinion);
            FacesMessages.page(
                    FacesMessage.SEVERITY_INFO,
                    outcome != ApprovalPolicy.Outcome.FINAL_APPROVED
                            ? "review.decision.approved"
                            : details.isTransferIn()
                                    ? "review.decision.confirm-approved"
                                    : "review.decision.final-approved");
            opinion = null;
        } catch (DeclarationException e) {
            FacesMessages.page(FacesMessage.SEVERITY_ERROR, e.refusal());
        } catch (InvalidInputException e) {
            FacesMessages.atFields("review", e.problems());
        }
        reload();
    }

    /** 不通过 on a module: opens its opinion field. */
    public void reject(ModuleReview module) {
        module.setRejecting(true);
    }

    /** 取消 on a module's opinion. */
    public void cancelReject(ModuleReview module) {
        module.setRejecting(false);
        module.setOpinion(null);
    }

    /** 退回 with every module opinion entered. */
    public void returnToApplicant() {
        Map<ModuleKind, String> opinions = new EnumMap<>(ModuleKind.class);
        for (ModuleReview m : modules) {
            if (m.isRejecting() && m.getOpinion() != null && !m.getOpinion().isBlank()) {
                opinions.put(m.getKind(), m.getOpinion());
            }
        }
        try {
            decisions.returnToApplicant(declarationId, user(), opinions, opinion);
            FacesMessages.page(FacesMessage.SEVERITY_INFO, "review.decision.returned");
            modules.forEach(m -> {
                m.setRejecting(false);
                m.setOpinion(null);
            });
            opinion = null;
        } catch (DeclarationException e) {
            FacesMessages.page(FacesMessage.SEVERITY_ERROR, e.refusal());
        } catch (InvalidInputException e) {
            FacesMessages.page(FacesMessage.SEVERITY_ERROR, e.firstAsRefusal());
        }
        reload();
    }

    /** Whether the declaration is with this unit and waiting for its review (the decision buttons show). */
    public boolean isDecidable() {
        return details != null
                && details.currentUnitId() != null
                && details.currentUnitId() == unitId
                && (details.state() == DeclarationState.SUBMITTED || details.state() == DeclarationState.REPORTED);
    }

    public boolean isFinalApproval() {
        return approval == ApprovalPolicy.Outcome.FINAL_APPROVED;
    }

    public DeclarationDetails getDetails() {
        return details;
    }

    /** The applicant's personal data (性别, 出生日期, 手机, 邮箱). */
    public ApplicantData getApplicant() {
        return applicant;
    }

    /** Where the 认定表 (or 外地调入确认表) is downloaded; the download checks again that this unit may read it. */
    public String getFormUrl() {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath()
                + "/rsrc/declaration-files/" + declarationId + "/"
                + (details.isTransferIn() ? "transfer-form.pdf" : "recognition-form.pdf");
    }

    public List<ModuleReview> getModules() {
        return modules;
    }

    public DeclarationDetails.Module module(ModuleKind kind) {
        return details.module(kind);
    }

    public String time(Instant instant) {
        return businessTime.minutes(instant);
    }

    /** The label of an enum value under {@code prefix}, e.g. ({@code declaration.education.}, BACHELOR) → 大学本科. */
    public String label(String prefix, Enum<?> value) {
        return value == null
                ? ""
                : FacesMessages.text(
                        prefix + value.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    /** A history entry's module opinions, each as 「module：opinion」, in module order. */
    public List<String> moduleOpinions(DeclarationDetails.HistoryItem item) {
        List<String> lines = new ArrayList<>();
        for (ModuleKind kind :
                details.modules().stream().map(DeclarationDetails.Module::kind).toList()) {
            String text = item.moduleOpinions().get(kind);
            if (text != null) {
                lines.add(FacesMessages.text(
                        "review.history.module-opinion", FacesMessages.text(kind.messageKey()), text));
            }
        }
        return lines;
    }

    /** Where an attachment is downloaded (served by the declaration feature). */
    public String attachmentUrl(long attachmentId) {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath()
                + "/rsrc/declaration-files/attachments/" + attachmentId;
    }

    public String getOpinion() {
        return opinion;
    }

    public void setOpinion(String opinion) {
        this.opinion = opinion;
    }

    private static PortalUser user() {
        return CurrentPortalUser.requireKind(PortalAccountKind.UNIT);
    }

    /** One information module on the page: its 不通过 state and opinion while the reviewer fills them in. */
    public static final class ModuleReview implements Serializable {

        private final ModuleKind kind;
        private boolean rejecting;
        private String opinion;

        ModuleReview(ModuleKind kind) {
            this.kind = kind;
        }

        public ModuleKind getKind() {
            return kind;
        }

        public String getKey() {
            return kind.name();
        }

        public boolean isRejecting() {
            return rejecting;
        }

        public void setRejecting(boolean rejecting) {
            this.rejecting = rejecting;
        }

        public String getOpinion() {
            return opinion;
        }

        public void setOpinion(String opinion) {
            this.opinion = opinion;
        }
    }
}

package cn.hrss.zcrd.certificate.internal.pages;

import cn.hrss.zcrd.account.BackOfficeAccessDeniedException;
import cn.hrss.zcrd.certificate.CertificateLibrary;
import cn.hrss.zcrd.certificate.CertificateOperator;
import cn.hrss.zcrd.certificate.CertificateQuery;
import cn.hrss.zcrd.certificate.CertificateRefusedException;
import cn.hrss.zcrd.certificate.CertificateStatus;
import cn.hrss.zcrd.certificate.CertificateSuccession;
import cn.hrss.zcrd.certificate.TitleCertificate;
import cn.hrss.zcrd.certificate.TitleCertificates;
import cn.hrss.zcrd.shared.BusinessTime;
import cn.hrss.zcrd.shared.FacesMessages;
import cn.hrss.zcrd.shared.FieldProblem;
import cn.hrss.zcrd.shared.ListForm;
import cn.hrss.zcrd.shared.NotFoundException;
import cn.hrss.zcrd.shared.PagedRows;
import cn.hrss.zcrd.shared.RefusedException;
import cn.hrss.zcrd.shared.RequestedIds;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * 职称认定证书管理 ({@code /sdmanager/certificates/manage.xhtml}, unit operators): the unit's certificates queried by
 * name, ID number, number, 公布时间 and status, paged in the database; 下载 fetches the signed PDF through
 * {@link CertificateFilesController} (checked there again); {@code ?certificate=id} opens one with its details and
 * 注销 with a required reason, 补发 (a reason) and 更正 (corrected title, specialty, 公布时间 and a reason) — the services
 * need a UKEY session and refuse a fallback one with the reason.
 */
@Component("certificateManagement")
@ViewScoped
public class CertificateManagementView implements Serializable {

    static final String TABLE = "certificates:list";

    private final TitleCertificates certificates;
    private final CertificateSuccession succession;
    private final BusinessTime businessTime;
    private final CertificateOperator operator;
    private final CertificateRows rows;
    private final ListForm form = new ListForm();
    private String number;
    private String status;
    private TitleCertificate selected;
    private String reason;
    private String reissueReason;
    private String correctedTitle;
    private String correctedSpecialty;
    private LocalDate correctedPublishDate;
    private String correctionReason;

    CertificateManagementView(
            CertificateLibrary library,
            TitleCertificates certificates,
            CertificateSuccession succession,
            BusinessTime businessTime) {
        this.certificates = certificates;
        this.succession = succession;
        this.businessTime = businessTime;
        this.operator = PageRefusals.operatorOrNull(library);
        this.rows = new CertificateRows(certificates);
        Optional<Long> requested = RequestedIds.optional("certificate");
        if (isBound() && requested.isPresent()) {
            select(requested.get());
            if (selected == null) {
                throw new NotFoundException("certificate");
            }
        }
    }

    /** 查询 */
    public void search() {
        rows.apply(getFormQuery());
        PagedRows.firstPage(TABLE);
    }

    /** The query of the form as submitted (what 查询 applies; 导出Excel exports it). */
    public CertificateQuery getFormQuery() {
        return new CertificateQuery(
                PageRefusals.blankToNull(form.getName()),
                PageRefusals.blankToNull(form.getIdNumber()),
                PageRefusals.blankToNull(number),
                form.getFrom(),
                form.getTo(),
                status == null || status.isBlank() ? null : CertificateStatus.valueOf(status));
    }

    /** 确认注销: with the reason; answers with a redirect to the certificate, now 已注销. */
    public String revoke() {
        if (selected == null) {
            return null;
        }
        try {
            if (certificates.revoke(selected.id(), reason).isPresent()) {
                FacesMessages.page(
                        FacesMessage.SEVERITY_INFO, "certificate.manage.revoke-requested", selected.number());
            } else {
                FacesMessages.page(FacesMessage.SEVERITY_INFO, "certificate.manage.revoked", selected.number());
            }
            FacesMessages.keepForRedirect();
            return "/sdmanager/certificates/manage.xhtml?faces-redirect=true&certificate=" + selected.id();
        } catch (RefusedException e) {
            if (CertificateRefusedException.REASON_REQUIRED.equals(e.refusal().messageKey())) {
                FacesMessages.atFields(
                        "revoke",
                        List.of(FieldProblem.of(
                                "reason",
                                e.refusal().messageKey(),
                                e.refusal().arguments().isEmpty()
                                        ? new Object[] {TitleCertificates.MAX_REASON}
                                        : e.refusal().arguments().toArray())));
            } else {
                PageRefusals.show(e);
            }
        } catch (BackOfficeAccessDeniedException e) {
            PageRefusals.show(e);
        }
        select(selected.id());
        rows.refresh();
        return null;
    }

    /** 补发: with the reason; the new certificate is signed in the background (a batch of one). */
    public String reissue() {
        return selected == null
                ? null
                : succeed("reissue", "reissueReason", () -> succession.reissue(selected.id(), reissueReason));
    }

    /** 更正: the corrected values and the reason. */
    public String correct() {
        return selected == null
                ? null
                : succeed(
                        "correct",
                        "correctionReason",
                        () -> succession.correct(
                                selected.id(),
                                new CertificateSuccession.Correction(
                                        correctedTitle, correctedSpecialty, correctedPublishDate, correctionReason)));
    }

    private String succeed(String form, String reasonField, Supplier<CertificateSuccession.Started> start) {
        try {
            boolean requested = start.get().requested();
            return FacesMessages.infoAfterRedirect(
                    "/sdmanager/certificates/manage.xhtml?faces-redirect=true&certificate=" + selected.id(),
                    requested ? "certificate.manage.succession-requested" : "certificate.manage.succession-started",
                    selected.number());
        } catch (CertificateRefusedException e) {
            String field = switch (e.messageKey()) {
                case CertificateRefusedException.SUCCESSION_REASON_REQUIRED -> reasonField;
                case CertificateRefusedException.CORRECTION_INVALID, CertificateRefusedException.NOTHING_CORRECTED ->
                    "correctedSpecialty";
                default -> null;
            };
            if (field == null) {
                PageRefusals.show(e);
            } else {
                FacesMessages.atFields(
                        form,
                        List.of(FieldProblem.of(
                                field, e.messageKey(), e.arguments().toArray())));
            }
        } catch (BackOfficeAccessDeniedException | RefusedException e) {
            PageRefusals.show(e); // RefusedException: approval.already-pending
        }
        select(selected.id());
        return null;
    }

    private void select(long id) {
        try {
            selected = certificates.get(id);
            correctedTitle = selected.titleName();
            correctedSpecialty = selected.specialtyName();
            correctedPublishDate = selected.publishDate();
        } catch (CertificateRefusedException e) {
            selected = null;
            FacesMessages.page(FacesMessage.SEVERITY_ERROR, "certificate.manage.unknown");
        }
    }

    public boolean isBound() {
        return operator != null;
    }

    public boolean isUkeySession() {
        return PageRefusals.ukeySession();
    }

    public CertificateRows getRows() {
        return rows;
    }

    public TitleCertificate getSelected() {
        return selected;
    }

    public List<String> getStatuses() {
        return Arrays.stream(CertificateStatus.values()).map(Enum::name).toList();
    }

    public String statusLabel(String name) {
        return FacesMessages.text(CertificateStatus.valueOf(name).messageKey());
    }

    public int getMaxReason() {
        return TitleCertificates.MAX_REASON;
    }

    /** Where 下载 fetches the PDF (the controller checks the operator again). */
    public String downloadUrl(TitleCertificate certificate) {
        return CertificateFilesController.BACK_OFFICE + certificate.id();
    }

    public String time(Instant instant) {
        return businessTime.minutes(instant);
    }

    public String date(LocalDate date) {
        return businessTime.date(date);
    }

    /** The query form (name, ID number; from/to: the 公布时间 range). */
    public ListForm getForm() {
        return form;
    }

    public String getNumber() {
        return number;
    }

    public void setNumber(String number) {
        this.number = number;
    }

    public String getStatus() {
        return status;
    }

    /** Only a known status is taken (a crafted value falls back to any). */
    public void setStatus(String status) {
        this.status = status != null
                        && Arrays.stream(CertificateStatus.values())
                                .anyMatch(s -> s.name().equals(status))
                ? status
                : null;
    }

    public String getReissueReason() {
        return reissueReason;
    }

    public void setReissueReason(String reissueReason) {
        this.reissueReason = reissueReason;
    }

    public String getCorrectedTitle() {
        return correctedTitle;
    }

    public void setCorrectedTitle(String correctedTitle) {
        this.correctedTitle = correctedTitle;
    }

    public String getCorrectedSpecialty() {
        return correctedSpecialty;
    }

    public void setCorrectedSpecialty(String correctedSpecialty) {
        this.correctedSpecialty = correctedSpecialty;
    }

    public LocalDate getCorrectedPublishDate() {
        return correctedPublishDate;
    }

    public void setCorrectedPublishDate(LocalDate correctedPublishDate) {
        this.correctedPublishDate = correctedPublishDate;
    }

    public String getCorrectionReason() {
        return correctionReason;
    }

    public void setCorrectionReason(String correctionReason) {
        this.correctionReason = correctionReason;
    }

    public int getMaxName() {
        return CertificateSuccession.MAX_NAME;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}

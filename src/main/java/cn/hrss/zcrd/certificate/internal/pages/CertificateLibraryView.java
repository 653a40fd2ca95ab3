package cn.hrss.zcrd.certificate.internal.pages;

import cn.hrss.zcrd.account.BackOfficeAccessDeniedException;
import cn.hrss.zcrd.certificate.BatchProgress;
import cn.hrss.zcrd.certificate.CertificateIssuance;
import cn.hrss.zcrd.certificate.CertificateLibrary;
import cn.hrss.zcrd.certificate.CertificateOperator;
import cn.hrss.zcrd.certificate.CertificateRefusedException;
import cn.hrss.zcrd.certificate.LibraryQuery;
import cn.hrss.zcrd.shared.BusinessTime;
import cn.hrss.zcrd.shared.FacesMessages;
import cn.hrss.zcrd.shared.FieldProblem;
import cn.hrss.zcrd.shared.ListForm;
import cn.hrss.zcrd.shared.PagedRows;
import cn.hrss.zcrd.shared.RowSelection;
import cn.hrss.zcrd.unit.IssuingAuthorityInfo;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.primefaces.PrimeFaces;
import org.springframework.stereotype.Component;

/**
 * 证书库管理 → 职称认定 ({@code /sdmanager/certificates/library.xhtml}, unit operators): the unit's final-approved
 * people awaiting a certificate, queried and paged in the database; the ticked ones — or everyone the query finds —
 * go into a background batch with 职称认定人员证书入库 and the 公布时间. The unit's running and recent batches come
 * from the database, so their progress bars survive a reload; the page polls while one is unfinished. A fallback
 * session may look and query; the service refuses it issuing, and the page shows why.
 */
@Component("certificateLibrary")
@ViewScoped
public class CertificateLibraryView implements Serializable {

    static final String TABLE = "library:entries";
    static final int RECENT_BATCHES = 10;
    static final int YEARS_BACK = 10;

    private final CertificateIssuance issuance;
    private final BusinessTime businessTime;
    private final CertificateOperator operator;
    private final LibraryRows rows;
    private final ListForm form = new ListForm();
    private final RowSelection selection = new RowSelection();
    private LocalDate publishDate;
    private List<BatchProgress> batches = List.of();
    private final IssuingAuthorityInfo stopped;

    CertificateLibraryView(CertificateLibrary library, CertificateIssuance issuance, BusinessTime businessTime) {
        this.issuance = issuance;
        this.businessTime = businessTime;
        this.operator = PageRefusals.operatorOrNull(library);
        this.rows = new LibraryRows(library);
        // a suspended or withdrawn authority: the list is read-only, with the bureau's reason
        this.stopped = operator == null ? null : library.stoppedAuthority().orElse(null);
        loadBatches();
    }

    /** The unit's suspended or withdrawn authority (the list is then read-only), or null. */
    public IssuingAuthorityInfo getStopped() {
        return stopped;
    }

    /** 查询 */
    public void search() {
        rows.apply(getFormQuery());
        selection.clear();
        firstPage();
    }

    /** The query of the form as submitted (what 查询 applies; 导出Excel exports it). */
    public LibraryQuery getFormQuery() {
        return new LibraryQuery(
                PageRefusals.blankToNull(form.getName()),
                PageRefusals.blankToNull(form.getIdNumber()),
                PageRefusals.blankToNull(form.getLevelCode()),
                PageRefusals.blankToNull(form.getSeriesCode()),
                form.getFrom(),
                form.getTo(),
                form.getYear());
    }

    /**
     * 职称认定人员证书入库: the ticked people, or everyone the applied query finds, with the 公布时间. Answers with a
     * redirect (a reload starts nothing again); a refusal stays on the page with its reason.
     */
    public String issue() {
        if (publishDate == null) {
            FacesMessages.atFields(
                    "library", List.of(FieldProblem.of("publishDate", "certificate.library.publish-date.required")));
            return null;
        }
        List<Long> ids = selection.ids();
        try {
            long batchId = selection.isAllMatching()
                    ? issuance.startAll(rows.query(), publishDate)
                    : issuance.start(ids, publishDate);
            BatchProgress started = issuance.progress(batchId);
            return FacesMessages.infoAfterRedirect(
                    "/sdmanager/certificates/library.xhtml?faces-redirect=true",
                    "certificate.library.started",
                    started.total(),
                    batchId);
        } catch (CertificateRefusedException e) {
            if (CertificateRefusedException.PUBLISH_DATE_REQUIRED.equals(e.messageKey())) {
                FacesMessages.atFields(
                        "library",
                        List.of(FieldProblem.of("publishDate", "certificate.library.publish-date.required")));
            } else {
                PageRefusals.show(e);
            }
        } catch (BackOfficeAccessDeniedException e) {
            PageRefusals.show(e);
        }
        rows.refresh();
        loadBatches();
        return null;
    }

    /** 继续: an interrupted batch now. */
    public void resume(long batchId) {
        try {
            issuance.resume(batchId);
            FacesMessages.page(FacesMessage.SEVERITY_INFO, "certificate.library.batch.resumed", batchId);
        } catch (CertificateRefusedException | BackOfficeAccessDeniedException e) {
            PageRefusals.show(e);
        }
        loadBatches();
    }

    /**
     * The poll: the batches again; when one finished since the last look, the library too (its people left it);
     * when none is unfinished any more, polling stops.
     */
    public void poll() {
        long unfinishedBefore = unfinished();
        loadBatches();
        PrimeFaces faces = PrimeFaces.current();
        if (unfinished() < unfinishedBefore) {
            rows.refresh();
            faces.ajax().update(TABLE, "library:all-matching-label");
        }
        if (unfinished() == 0) {
            faces.executeScript("if (window.PF && PF('batchPoll')) { PF('batchPoll').stop(); }");
        }
    }

    private long unfinished() {
        return batches.stream().filter(b -> !b.finished()).count();
    }

    private void loadBatches() {
        batches = isBound() ? issuance.recent(RECENT_BATCHES) : List.of();
    }

    private static void firstPage() {
        PagedRows.firstPage(TABLE);
    }

    /** Whether the operator acts for an issuing unit (else the page only says so). */
    public boolean isBound() {
        return operator != null;
    }

    public boolean isUkeySession() {
        return PageRefusals.ukeySession();
    }

    public boolean isAnyUnfinished() {
        return unfinished() > 0;
    }

    public CertificateOperator getOperator() {
        return operator;
    }

    public LibraryRows getRows() {
        return rows;
    }

    /** How many the applied query finds (the "all matching" choice). */
    public long getMatching() {
        return isBound() ? rows.total() : 0;
    }

    /** The query form (name, ID number, level, series, year; from/to: the days of final approval). */
    public ListForm getForm() {
        return form;
    }

    public List<BatchProgress> getBatches() {
        return batches;
    }

    /** The ticked people, or everyone the query finds. */
    public RowSelection getSelection() {
        return selection;
    }

    public String time(Instant instant) {
        return businessTime.minutes(instant);
    }

    public String date(LocalDate date) {
        return businessTime.date(date);
    }

    public LocalDate getPublishDate() {
        return publishDate;
    }

    public void setPublishDate(LocalDate publishDate) {
        this.publishDate = publishDate;
    }

    /** The 申报年度 choices, newest first. */
    public List<Integer> getYears() {
        return businessTime.declarationYears(YEARS_BACK);
    }
}

package cn.hrss.zcrd.unit.internal;

import cn.hrss.zcrd.audit.AuditTrail;
import cn.hrss.zcrd.audit.ListExportAudit;
import cn.hrss.zcrd.shared.BusinessTime;
import cn.hrss.zcrd.shared.FacesMessages;
import cn.hrss.zcrd.shared.XlsxExport;
import cn.hrss.zcrd.shared.XlsxExport.Column;
import cn.hrss.zcrd.unit.IssuingAuthorities;
import cn.hrss.zcrd.unit.IssuingAuthorityInfo;
import cn.hrss.zcrd.unit.IssuingAuthorityStatus;
import java.util.List;
import org.primefaces.model.StreamedContent;
import org.springframework.stereotype.Component;

/**
 * 导出Excel of 职称认定证书发放权限审核: the status filter through {@link IssuingAuthorities#reviewQueue} — the
 * reviewer's scope, as on the page (a short list, read once); audited.
 */
@Component("authorityExport")
public class AuthorityExport {

    static final String LIST = "backoffice.menu.authority-review";

    private final IssuingAuthorities authorities;
    private final AuditTrail trail;
    private final BusinessTime time;

    AuthorityExport(IssuingAuthorities authorities, AuditTrail trail, BusinessTime time) {
        this.authorities = authorities;
        this.trail = trail;
        this.time = time;
    }

    /** The applications with {@code status} (null: all) as the page lists them. */
    public StreamedContent applications(IssuingAuthorityStatus status) {
        List<IssuingAuthorityInfo> rows = authorities.reviewQueue(status);
        ListExportAudit.Filter filter = ListExportAudit.filter().with("status", status);
        XlsxExport<IssuingAuthorityInfo> export = XlsxExport.of(
                Column.text("unit.authority.review.unit", 28, IssuingAuthorityInfo::unitName),
                Column.text("unit.authority.levels", 16, IssuingAuthorityInfo::levelList),
                Column.text("unit.authority.bureau", 20, IssuingAuthorityInfo::bureauName),
                Column.text("unit.authority.applied-at", 17, a -> time.minutes(a.appliedAt())),
                Column.text(
                        "unit.authority.status",
                        8,
                        a -> FacesMessages.text(a.status().messageKey())));
        return ListExportAudit.download(export, LIST, time, XlsxExport.Pages.of(rows), trail, filter);
    }
}

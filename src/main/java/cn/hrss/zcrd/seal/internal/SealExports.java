package cn.hrss.zcrd.seal.internal;

import cn.hrss.zcrd.audit.AuditTrail;
import cn.hrss.zcrd.audit.ListExportAudit;
import cn.hrss.zcrd.shared.BusinessTime;
import cn.hrss.zcrd.shared.FacesMessages;
import cn.hrss.zcrd.shared.XlsxExport;
import cn.hrss.zcrd.shared.XlsxExport.Column;
import java.util.List;
import org.primefaces.model.StreamedContent;
import org.springframework.stereotype.Component;

/**
 * 导出Excel of the seal lists: 印章印模审核 (the pending impressions of the reviewer's region, as the page lists them)
 * and 电子印章 (the seals within the reviewer's scope) — through the same desk methods and scope checks as the
 * pages; audited.
 */
@Component("sealExports")
public class SealExports {

    private final SealImpressionDesk impressions;
    private final ElectronicSealDesk seals;
    private final AuditTrail trail;
    private final BusinessTime time;

    SealExports(SealImpressionDesk impressions, ElectronicSealDesk seals, AuditTrail trail, BusinessTime time) {
        this.impressions = impressions;
        this.seals = seals;
        this.trail = trail;
        this.time = time;
    }

    /** 印章印模审核: the pending impressions the page lists. */
    public StreamedContent impressions() {
        List<SealImpression> rows = impressions.queue();
        XlsxExport<SealImpression> export = XlsxExport.of(
                Column.text("seal.review.column.unit", 28, SealImpression::getUnitName),
                Column.text("seal.review.column.credit-code", 20, SealImpression::getCreditCode),
                Column.number("seal.column.version", 6, SealImpression::getSealVersion),
                Column.text("seal.column.size", 10, s -> s.getWidth() + "×" + s.getHeight()),
                Column.text("seal.column.uploaded", 17, s -> time.minutes(s.getUploadedAt())));
        return ListExportAudit.download(
                export, "seal.review.title", time, XlsxExport.Pages.of(rows), trail, ListExportAudit.filter());
    }

    /** 电子印章: the seals within the reviewer's scope. */
    public StreamedContent electronicSeals() {
        List<ElectronicSealDesk.Listing> rows = seals.withinScope();
        XlsxExport<ElectronicSealDesk.Listing> export = XlsxExport.of(
                Column.text("seal.review.column.unit", 28, ElectronicSealDesk.Listing::unitName),
                Column.text("seal.review.column.credit-code", 20, ElectronicSealDesk.Listing::creditCode),
                Column.number("seal.column.version", 6, ElectronicSealDesk.Listing::sealVersion),
                Column.text("eseal.column.serial", 34, ElectronicSealDesk.Listing::serialHex),
                Column.text("eseal.column.made", 17, s -> time.minutes(s.activatedAt())),
                Column.text("eseal.column.not-after", 17, s -> time.minutes(s.notAfter())),
                Column.text("eseal.column.state", 8, s -> FacesMessages.text("eseal.state." + s.state())));
        return ListExportAudit.download(
                export, "eseal.title", time, XlsxExport.Pages.of(rows), trail, ListExportAudit.filter());
    }
}

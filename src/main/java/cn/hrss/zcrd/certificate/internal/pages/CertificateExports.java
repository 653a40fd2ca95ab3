package cn.hrss.zcrd.certificate.internal.pages;

import cn.hrss.zcrd.audit.AuditTrail;
import cn.hrss.zcrd.audit.ListExportAudit;
import cn.hrss.zcrd.certificate.CertificateLibrary;
import cn.hrss.zcrd.certificate.CertificateQuery;
import cn.hrss.zcrd.certificate.LibraryEntry;
import cn.hrss.zcrd.certificate.LibraryQuery;
import cn.hrss.zcrd.certificate.TitleCertificate;
import cn.hrss.zcrd.certificate.TitleCertificates;
import cn.hrss.zcrd.shared.BusinessTime;
import cn.hrss.zcrd.shared.FacesMessages;
import cn.hrss.zcrd.shared.XlsxExport;
import cn.hrss.zcrd.shared.XlsxExport.Column;
import java.util.function.UnaryOperator;
import org.primefaces.model.StreamedContent;
import org.springframework.stereotype.Component;

/**
 * 导出Excel of 证书库管理 → 职称认定 and 职称认定证书管理: the form's filters through the same service page queries as
 * the lists, in their default order and keyset-paged (the operator's own unit, its rights checked by the services on
 * every page); audited.
 */
@Component("certificateExports")
public class CertificateExports {

    private final CertificateLibrary library;
    private final TitleCertificates certificates;
    private final AuditTrail trail;
    private final BusinessTime time;

    CertificateExports(
            CertificateLibrary library, TitleCertificates certificates, AuditTrail trail, BusinessTime time) {
        this.library = library;
        this.certificates = certificates;
        this.trail = trail;
        this.time = time;
    }

    XlsxExport<LibraryEntry> libraryColumns(UnaryOperator<String> text) {
        return XlsxExport.of(
                Column.text("certificate.library.column.name", 10, LibraryEntry::holderName),
                Column.text("certificate.library.column.id-number", 20, LibraryEntry::idNumber),
                Column.text("certificate.library.column.level", 8, LibraryEntry::levelName),
                Column.text("certificate.library.column.series", 14, LibraryEntry::seriesName),
                Column.text("certificate.library.column.title", 16, LibraryEntry::titleName),
                Column.text("certificate.library.column.specialty", 16, LibraryEntry::specialtyName),
                Column.number("certificate.library.column.year", 8, LibraryEntry::declarationYear),
                Column.text("certificate.library.column.approved", 17, e -> time.minutes(e.finalApprovedAt())),
                Column.text(
                        "certificate.library.column.batch",
                        18,
                        e -> e.issued()
                                ? e.certificateNumber()
                                : text.apply(
                                        e.inBatch() ? "certificate.library.in-batch" : "certificate.library.waiting")));
    }

    XlsxExport<TitleCertificate> certificateColumns(UnaryOperator<String> text) {
        return XlsxExport.of(
                Column.text("certificate.manage.column.number", 22, TitleCertificate::number),
                Column.text("certificate.manage.column.name", 10, TitleCertificate::holderName),
                Column.text("certificate.manage.column.id-number", 20, TitleCertificate::idNumber),
                Column.text("certificate.manage.column.title", 16, TitleCertificate::titleName),
                Column.text("certificate.manage.column.level", 8, TitleCertificate::levelName),
                Column.text("certificate.manage.column.publish-date", 12, c -> time.date(c.publishDate())),
                Column.text(
                        "certificate.manage.column.status",
                        8,
                        c -> text.apply(c.status().messageKey())));
    }

    /** 证书库管理 → 职称认定 as the form filters it. */
    public StreamedContent library(LibraryQuery query) {
        ListExportAudit.Filter filter = ListExportAudit.filter()
                .with("name", query.name())
                .withIdNumber("idNumber", query.idNumber())
                .with("level", query.levelCode())
                .with("series", query.seriesCode())
                .with("approvedFrom", query.approvedFrom())
                .with("approvedTo", query.approvedTo())
                .with("year", query.year());
        return ListExportAudit.download(
                libraryColumns(FacesMessages::text),
                "certificate.library.title",
                time,
                (last, size) -> library.findAfter(query, last, size),
                trail,
                filter);
    }

    /** 职称认定证书管理 as the form filters it. */
    public StreamedContent certificates(CertificateQuery query) {
        ListExportAudit.Filter filter = ListExportAudit.filter()
                .with("name", query.name())
                .withIdNumber("idNumber", query.idNumber())
                .with("number", query.number())
                .with("from", query.issuedFrom())
                .with("to", query.issuedTo())
                .with("status", query.status());
        return ListExportAudit.download(
                certificateColumns(FacesMessages::text),
                "certificate.manage.title",
                time,
                (last, size) -> certificates.findAfter(query, last, size),
                trail,
                filter);
    }
}

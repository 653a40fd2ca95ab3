package cn.hrss.zcrd.declaration.internal;

import cn.hrss.zcrd.catalog.Education;
import cn.hrss.zcrd.declaration.AttachmentInfo;
import cn.hrss.zcrd.declaration.DeclarationDetails;
import cn.hrss.zcrd.declaration.EducationRecord;
import cn.hrss.zcrd.declaration.ModuleKind;
import cn.hrss.zcrd.declaration.WorkRecord;
import cn.hrss.zcrd.shared.BusinessTime;
import cn.hrss.zcrd.shared.CjkFont;
import cn.hrss.zcrd.shared.FileSizes;
import com.itextpdf.io.image.ImageDataFactory;
import com.itextpdf.kernel.colors.ColorConstants;
import com.itextpdf.kernel.colors.DeviceGray;
import com.itextpdf.kernel.geom.PageSize;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.layout.Document;
import com.itextpdf.layout.borders.Border;
import com.itextpdf.layout.element.Cell;
import com.itextpdf.layout.element.Image;
import com.itextpdf.layout.element.Paragraph;
import com.itextpdf.layout.element.Table;
import com.itextpdf.layout.properties.HorizontalAlignment;
import com.itextpdf.layout.properties.TextAlignment;
import com.itextpdf.layout.properties.UnitValue;
import com.itextpdf.layout.properties.VerticalAlignment;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Lays out the recognition form (职称认定表) as a bureau files it: A4, Chinese text in an embedded subset of the
 * platform font, a title, one bordered table per part — the person with the 证件照 at the top right, declaration,
 * education, work, performance, attachments (all as submitted), module marks and review history (as they stand), the
 * applicant's pledge, an opinion box per reviewing unit with its seal, and the 认定结果 with the certificate number —
 * and "第 x 页 共 y 页" on every page. Labels come from the message bundle (Chinese).
 */
@Component
public class RecognitionFormRenderer {

    private static final Locale FORM_LOCALE = Locale.SIMPLIFIED_CHINESE;
    private static final DeviceGray HEADER = new DeviceGray(0.88f);
    private static final DeviceGray LABEL = new DeviceGray(0.96f);
    private static final float FONT_SIZE = 10;
    /** a one-inch photo (25 × 35 mm) in points */
    private static final float PHOTO_WIDTH = 71;

    private static final float PHOTO_HEIGHT = 99;
    /** a unit seal of 40–42 mm printed at about that size */
    private static final float SEAL_SIZE = 90;

    private final CjkFont font;
    private final MessageSource messages;
    private final BusinessTime time;

    RecognitionFormRenderer(CjkFont font, MessageSource messages, BusinessTime time) {
        this.font = font;
        this.messages = messages;
        this.time = time;
    }

    /**
     * The form of a declaration.
     *
     * @param submitted the declaration and the applicant's data as submitted (the snapshot of the latest 确定申报)
     * @param current   the declaration as it stands: status, module marks, history, opinions, result
     * @param photo     the 证件照 submitted (null: an empty frame labelled 照片)
     * @param seals     the approved seal impression (PNG) of each reviewing unit that has one, by unit id
     */
    public byte[] render(SubmittedForm submitted, DeclarationDetails current, byte[] photo, Map<Long, byte[]> seals) {
        DeclarationDetails d = submitted.declaration();
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try (PdfDocument pdf = new PdfDocument(new PdfWriter(out));
                Document doc = new Document(pdf, PageSize.A4, false)) {
            font.use(doc); // main font, and the fallbacks for rare characters of names
            doc.setFontSize(FONT_SIZE);
            doc.setMargins(48, 40, 56, 40);
            // 外地调入确认表: the same form with the transfer data and its own modules
            String title = text(d.isTransferIn() ? "transfer.form.title" : "declaration.form.title");
            pdf.getDocumentInfo().setTitle(title + " " + d.applicantName());
            pdf.getDocumentInfo().setCreator("zcrd");

            doc.add(new Paragraph(title)
                    .setFontSize(20)
                    .setTextAlignment(TextAlignment.CENTER)
                    .setMarginBottom(4));
            doc.add(new Paragraph(text(
                            "declaration.form.heading",
                            String.valueOf(d.basic().declarationYear()),
                            text(current.statusKey()),
                            String.valueOf(current.id())))
                    .setTextAlignment(TextAlignment.CENTER)
                    .setMarginBottom(2));
            doc.add(new Paragraph(text("declaration.form.submitted-as", time(submitted.submittedAt())))
                    .setFontSize(8)
                    .setTextAlignment(TextAlignment.CENTER)
                    .setMarginBottom(8));

            doc.add(personTable(submitted, photo));
            if (d.isTransferIn()) {
                doc.add(transferTable(d));
                doc.add(workTable(d));
                doc.add(attachmentTable(d, ModuleKind.ORIGINAL_CERTIFICATE));
                doc.add(attachmentTable(d, ModuleKind.TRANSFER_PAPERS));
            } else {
                doc.add(declarationTable(d));
                doc.add(educationTable(d));
                doc.add(workTable(d));
                doc.add(performanceTable(d));
                doc.add(attachmentTable(d, ModuleKind.ATTACHMENTS));
            }
            doc.add(moduleTable(current));
            doc.add(historyTable(current));
            doc.add(pledgeTable());
            doc.add(opinionTable(current, seals));
            doc.add(resultTable(current));
            doc.add(new Paragraph(
                            text("declaration.form.generated", time(time.clock().instant())))
                    .setFontSize(8)
                    .setTextAlignment(TextAlignment.RIGHT));

            int pages = pdf.getNumberOfPages();
            for (int i = 1; i <= pages; i++) {
                PageSize size = new PageSize(pdf.getPage(i).getPageSize());
                doc.showTextAligned(
                        new Paragraph(text("declaration.form.page", String.valueOf(i), String.valueOf(pages)))
                                .setFontSize(9),
                        size.getWidth() / 2,
                        28,
                        i,
                        TextAlignment.CENTER,
                        VerticalAlignment.BOTTOM,
                        0);
            }
        }
        return out.toByteArray();
    }

    /**
     * 个人信息 with the photo at the top right, as paper forms have it: four rows of label / value pairs beside a
     * one-inch frame (the photo scaled into it, or an empty frame labelled 照片).
     */
    private Table personTable(SubmittedForm submitted, byte[] photo) {
        SubmittedForm.Person person = submitted.person();
        DeclarationDetails d = submitted.declaration();
        Table t = new Table(UnitValue.createPercentArray(new float[] {15, 26, 15, 26, 18}))
                .useAllAvailableWidth()
                .setMarginBottom(8);
        section(t, "declaration.form.section.person", 5);
        t.addCell(label("declaration.form.applicant-name"));
        t.addCell(cell(person.name()));
        t.addCell(label("declaration.form.sex"));
        t.addCell(cell(person.sex() == null ? null : text(person.sex().messageKey())));
        t.addCell(photoCell(photo));
        pair(
                t,
                "declaration.form.id-number",
                person.idNumber(),
                "declaration.form.birth-date",
                date(person.birthDate()));
        pair(t, "declaration.form.mobile", person.mobile(), "declaration.form.email", person.email());
        pair(
                t,
                "declaration.field.declaration-year",
                String.valueOf(d.basic().declarationYear()),
                "declaration.field.level",
                d.levelName());
        return t;
    }

    private Cell photoCell(byte[] photo) {
        Cell frame = new Cell(4, 1)
                .setPadding(3)
                .setHeight(PHOTO_HEIGHT + 6)
                .setVerticalAlignment(VerticalAlignment.MIDDLE)
                .setHorizontalAlignment(HorizontalAlignment.CENTER)
                .setTextAlignment(TextAlignment.CENTER);
        if (photo == null) {
            return frame.add(new Paragraph(text("declaration.form.photo")).setFontColor(ColorConstants.GRAY));
        }
        Image image = new Image(ImageDataFactory.create(photo));
        image.scaleToFit(PHOTO_WIDTH, PHOTO_HEIGHT);
        image.setHorizontalAlignment(HorizontalAlignment.CENTER);
        return frame.add(image);
    }

    private Table declarationTable(DeclarationDetails d) {
        var b = d.basic();
        boolean atWorkUnit = Boolean.TRUE.equals(b.declaringUnitIsWorkUnit());
        Table t = fourColumns();
        section(t, "declaration.form.section.declaration", 4);
        pair(
                t,
                "declaration.field.declaration-year",
                String.valueOf(b.declarationYear()),
                "declaration.field.level",
                d.levelName());
        pair(t, "declaration.field.series", d.seriesName(), "declaration.field.title", d.titleName());
        wide(t, "declaration.field.specialty", d.specialtyName());
        wide(t, "declaration.field.method", d.declarationMethodName());
        wide(t, "declaration.field.declaring-unit", d.declaringUnitName());
        pair(
                t,
                "declaration.field.declaring-unit-is-work-unit",
                text(atWorkUnit ? "declaration.yes" : "declaration.no"),
                "declaration.field.current-position",
                b.currentPosition());
        wide(t, "declaration.field.work-unit", atWorkUnit ? d.declaringUnitName() : d.workUnitName());
        pair(
                t,
                "declaration.field.work-start-date",
                date(b.workStartDate()),
                "declaration.field.professional-work-start-date",
                date(b.professionalWorkStartDate()));
        wide(t, "declaration.field.graduation-school", b.graduationSchool());
        pair(
                t,
                "declaration.field.graduation-date",
                date(b.graduationDate()),
                "declaration.field.education",
                b.education() == null ? null : text(educationKey(b.education())));
        wide(t, "declaration.field.major-studied", b.majorStudied());
        return t;
    }

    private Table educationTable(DeclarationDetails d) {
        Table t = new Table(UnitValue.createPercentArray(new float[] {18, 20, 18, 10, 10, 24}))
                .useAllAvailableWidth()
                .setMarginBottom(8);
        section(t, ModuleKind.EDUCATION.messageKey(), 6);
        headers(
                t,
                "declaration.field.period",
                "declaration.field.school",
                "declaration.field.major",
                "declaration.field.education-level",
                "declaration.field.degree",
                "declaration.field.diploma-number");
        if (d.education().isEmpty()) {
            none(t, 6);
        }
        for (EducationRecord e : d.education()) {
            t.addCell(cell(period(e.startDate(), e.endDate())));
            t.addCell(cell(e.school()));
            t.addCell(cell(e.major()));
            t.addCell(cell(text(educationKey(e.level()))));
            t.addCell(cell(text(e.degree().messageKey())));
            t.addCell(cell(e.diplomaNumber()));
        }
        return t;
    }

    private Table workTable(DeclarationDetails d) {
        Table t = new Table(UnitValue.createPercentArray(new float[] {25, 45, 30}))
                .useAllAvailableWidth()
                .setMarginBottom(8);
        section(t, ModuleKind.WORK.messageKey(), 3);
        headers(t, "declaration.field.period", "declaration.field.unit-name", "declaration.field.duty");
        if (d.work().isEmpty()) {
            none(t, 3);
        }
        for (WorkRecord w : d.work()) {
            t.addCell(cell(period(w.startDate(), w.endDate())));
            t.addCell(cell(w.unitName()));
            t.addCell(cell(w.duty()));
        }
        return t;
    }

    private Table performanceTable(DeclarationDetails d) {
        Table t = fourColumns();
        section(t, ModuleKind.PERFORMANCE.messageKey(), 4);
        t.addCell(label("declaration.field.achievements"));
        t.addCell(cell(d.performance().achievements()).setMinHeight(60));
        t.addCell(label("declaration.field.probation-result"));
        t.addCell(cell(
                d.performance().probationResult() == null
                        ? null
                        : text(d.performance().probationResult().messageKey())));
        return t;
    }

    private Table transferTable(DeclarationDetails d) {
        var tr = d.transfer();
        Table t = fourColumns();
        section(t, "transfer.form.section.title-held", 4);
        pair(t, "declaration.field.series", d.seriesName(), "declaration.field.level", d.levelName());
        pair(t, "transfer.field.title", d.titleName(), "declaration.field.specialty", d.specialtyName());
        pair(
                t,
                "transfer.field.obtained-by",
                tr.obtainedBy() == null ? null : text(tr.obtainedBy().messageKey()),
                "transfer.field.obtained-on",
                date(tr.obtainedOn()));
        pair(
                t,
                "transfer.field.issuing-authority",
                tr.issuingAuthority(),
                "transfer.field.authority-province",
                tr.authorityProvince());
        wide(t, "transfer.field.certificate-number", tr.certificateNumber());
        pair(
                t,
                "transfer.field.previous-unit",
                tr.previousUnit(),
                "transfer.field.previous-province",
                tr.previousProvince());
        pair(
                t,
                "transfer.field.transfer-date",
                date(tr.transferDate()),
                "declaration.field.declaring-unit",
                d.declaringUnitName());
        return t;
    }

    private Table attachmentTable(DeclarationDetails d, ModuleKind module) {
        Table t = new Table(UnitValue.createPercentArray(new float[] {18, 37, 11, 34}))
                .useAllAvailableWidth()
                .setMarginBottom(8);
        section(t, module.messageKey(), 4);
        headers(
                t,
                "declaration.field.attachment-kind",
                "declaration.field.file-name",
                "declaration.field.file-size",
                "declaration.field.sha256");
        List<AttachmentInfo> attachments = d.attachmentsOf(module);
        if (attachments.isEmpty()) {
            none(t, 4);
        }
        for (AttachmentInfo a : attachments) {
            t.addCell(cell(text(a.kind().messageKey())));
            t.addCell(cell(a.originalName()));
            t.addCell(cell(FileSizes.of(a.sizeBytes())));
            t.addCell(cell(a.sha256()).setFontSize(6));
        }
        return t;
    }

    private Table moduleTable(DeclarationDetails d) {
        Table t = new Table(UnitValue.createPercentArray(new float[] {30, 15, 55}))
                .useAllAvailableWidth()
                .setMarginBottom(8);
        section(t, "declaration.form.section.modules", 3);
        headers(t, "declaration.field.module", "declaration.field.module-state", "declaration.field.opinion");
        for (DeclarationDetails.Module m : d.modules()) {
            t.addCell(cell(text(m.kind().messageKey())));
            t.addCell(cell(text(m.state().messageKey())));
            t.addCell(cell(m.opinion()));
        }
        return t;
    }

    private Table historyTable(DeclarationDetails d) {
        Table t = new Table(UnitValue.createPercentArray(new float[] {17, 12, 24, 13, 34}))
                .useAllAvailableWidth()
                .setMarginBottom(8);
        section(t, "declaration.form.section.history", 5);
        headers(
                t,
                "declaration.form.history.time",
                "declaration.form.history.action",
                "declaration.form.history.unit",
                "declaration.form.history.actor",
                "declaration.form.history.opinion");
        if (d.history().isEmpty()) {
            t.addCell(new Cell(1, 5)
                    .add(new Paragraph(text("declaration.form.no-history")))
                    .setTextAlignment(TextAlignment.CENTER)
                    .setPadding(4));
        }
        for (DeclarationDetails.HistoryItem h : d.history()) {
            t.addCell(cell(time(h.occurredAt())));
            t.addCell(cell(text(h.action().messageKey(d.businessType()))));
            String unit = h.unitName() != null ? h.unitName() : h.toUnitName();
            t.addCell(cell(unit));
            t.addCell(cell(h.actorName()));
            t.addCell(cell(opinion(h)));
        }
        return t;
    }

    /** 申报人承诺 with a signature line (a printed copy is signed by hand). */
    private Table pledgeTable() {
        Table t = new Table(UnitValue.createPercentArray(new float[] {20, 80}))
                .useAllAvailableWidth()
                .setMarginBottom(8)
                .setKeepTogether(true);
        section(t, "declaration.form.section.signatures", 2);
        t.addCell(label("declaration.form.pledge-label"));
        t.addCell(new Cell()
                .setPadding(4)
                .add(new Paragraph(text("declaration.form.pledge")))
                .add(new Paragraph(text("declaration.form.applicant-signature"))
                        .setTextAlignment(TextAlignment.RIGHT)
                        .setMarginTop(16)));
        return t;
    }

    /**
     * 审核意见: a box per unit that reviewed the declaration ({@link FormOpinions}) — its level, its name, its
     * decision and opinions, and at the bottom right its 经办人, the date and, on an approving box, its approved seal.
     * Before any unit decided, the declaring unit's empty box with the seal line, for a printed copy.
     */
    private Table opinionTable(DeclarationDetails current, Map<Long, byte[]> seals) {
        // wide enough for the longest level, 审批（发证）单位意见, on one line
        Table t = new Table(UnitValue.createPercentArray(new float[] {24, 76}))
                .useAllAvailableWidth()
                .setMarginBottom(8);
        section(t, "declaration.form.section.opinions", 2);
        List<FormOpinions.Opinion> opinions = FormOpinions.of(current);
        if (opinions.isEmpty()) {
            t.addCell(label("declaration.form.unit-opinion"));
            t.addCell(new Cell()
                    .setPadding(4)
                    .setMinHeight(70)
                    .add(new Paragraph(text("declaration.form.unit-seal"))
                            .setTextAlignment(TextAlignment.RIGHT)
                            .setMarginTop(40)));
        }
        for (FormOpinions.Opinion o : opinions) {
            t.addCell(new Cell()
                    .setBackgroundColor(LABEL)
                    .setPadding(4)
                    .setKeepTogether(true)
                    .add(new Paragraph(text(o.levelKey())))
                    .add(new Paragraph(o.unitName() == null ? "" : o.unitName())
                            .setFontSize(8)
                            .setMarginTop(4)));
            t.addCell(opinionCell(current, o, o.approving() ? seals.get(o.unitId()) : null));
        }
        return t;
    }

    private Cell opinionCell(DeclarationDetails current, FormOpinions.Opinion o, byte[] seal) {
        Cell box = new Cell().setPadding(4).setMinHeight(SEAL_SIZE + 10).setKeepTogether(true);
        box.add(new Paragraph(text("declaration.form.opinion.decision") + "："
                + text(o.decision().messageKey(current.businessType()))));
        if (o.opinions().isEmpty()) {
            box.add(new Paragraph(text("declaration.form.opinion.none")).setFontColor(ColorConstants.GRAY));
        }
        for (FormOpinions.Line line : o.opinions()) {
            box.add(new Paragraph(
                    line.module() == null ? line.text() : text(line.module().messageKey()) + "：" + line.text()));
        }
        Table signed = new Table(UnitValue.createPercentArray(new float[] {55, 45}))
                .useAllAvailableWidth()
                .setMarginTop(4);
        Cell sealCell = new Cell()
                .setBorder(Border.NO_BORDER)
                .setPadding(0)
                .setTextAlignment(TextAlignment.RIGHT)
                .setVerticalAlignment(VerticalAlignment.MIDDLE);
        if (seal != null) {
            Image image = new Image(ImageDataFactory.create(seal));
            image.scaleToFit(SEAL_SIZE, SEAL_SIZE);
            image.setHorizontalAlignment(HorizontalAlignment.RIGHT);
            sealCell.add(image);
        }
        signed.addCell(sealCell);
        signed.addCell(new Cell()
                .setBorder(Border.NO_BORDER)
                .setPadding(0)
                .setVerticalAlignment(VerticalAlignment.BOTTOM)
                .add(new Paragraph(text("declaration.form.opinion.reviewer", o.reviewer() == null ? "" : o.reviewer())))
                .add(new Paragraph(text("declaration.form.opinion.date", chineseDate(o.at())))));
        return box.add(signed);
    }

    /**
     * 认定结果 (确认结果 for a transfer-in confirmation): the final approval — unit, decision, date — and the
     * certificate's number and issue date once issued.
     */
    private Table resultTable(DeclarationDetails current) {
        Table t = fourColumns().setKeepTogether(true);
        section(t, current.isTransferIn() ? "transfer.form.section.result" : "declaration.form.section.result", 4);
        var approval = FormOpinions.finalApproval(current);
        if (approval.isEmpty()) {
            t.addCell(label("declaration.form.result.decision"));
            t.addCell(new Cell(1, 3)
                    .add(new Paragraph(text("declaration.form.result.pending")))
                    .setPadding(4));
            return t;
        }
        DeclarationDetails.HistoryItem approved = approval.get();
        wide(t, "declaration.form.result.unit", approved.unitName());
        pair(
                t,
                "declaration.form.result.decision",
                text(approved.action().messageKey(current.businessType())),
                "declaration.form.result.date",
                chineseDate(approved.occurredAt()));
        var issued = FormOpinions.issuance(current);
        pair(
                t,
                "declaration.form.result.certificate",
                current.certificateNumber() == null
                        ? text("declaration.form.result.not-issued")
                        : current.certificateNumber(),
                "declaration.form.result.certified-on",
                issued.map(h -> chineseDate(h.occurredAt())).orElse(""));
        return t;
    }

    private String opinion(DeclarationDetails.HistoryItem h) {
        String modules = h.moduleOpinions().entrySet().stream()
                .map(e -> text(e.getKey().messageKey()) + "：" + e.getValue())
                .collect(Collectors.joining("\n"));
        String opinion = h.certificateNumber() == null
                ? h.opinion()
                : (h.opinion() == null ? "" : h.opinion() + "\n")
                        + text("declaration.form.history.certificate", h.certificateNumber());
        if (opinion == null) {
            return modules;
        }
        return modules.isEmpty() ? opinion : opinion + "\n" + modules;
    }

    private static String educationKey(Education education) {
        return "declaration.education."
                + education.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static Table fourColumns() {
        return new Table(UnitValue.createPercentArray(new float[] {20, 30, 20, 30}))
                .useAllAvailableWidth()
                .setMarginBottom(8);
    }

    private void section(Table t, String key, int columns) {
        t.addHeaderCell(new Cell(1, columns)
                .add(new Paragraph(text(key)))
                .setBackgroundColor(HEADER)
                .setFontSize(11)
                .setPadding(3));
    }

    private void headers(Table t, String... keys) {
        for (String key : keys) {
            t.addHeaderCell(label(key));
        }
    }

    private void pair(Table t, String label1, String value1, String label2, String value2) {
        t.addCell(label(label1));
        t.addCell(cell(value1));
        t.addCell(label(label2));
        t.addCell(cell(value2));
    }

    private void wide(Table t, String label, String value) {
        t.addCell(label(label));
        t.addCell(new Cell(1, 3).add(new Paragraph(value == null ? "" : value)).setPadding(4));
    }

    private void none(Table t, int columns) {
        t.addCell(new Cell(1, columns)
                .add(new Paragraph(text("declaration.form.none")))
                .setTextAlignment(TextAlignment.CENTER)
                .setPadding(4));
    }

    private Cell label(String key) {
        return new Cell()
                .add(new Paragraph(text(key)))
                .setBackgroundColor(LABEL)
                .setPadding(4);
    }

    private static Cell cell(String value) {
        return new Cell().add(new Paragraph(value == null ? "" : value)).setPadding(4);
    }

    private String period(LocalDate start, LocalDate end) {
        return date(start) + " — " + (end == null ? text("declaration.field.until-now") : date(end));
    }

    private String date(LocalDate date) {
        return time.date(date);
    }

    private String time(Instant instant) {
        return time.minutes(instant);
    }

    private String chineseDate(Instant instant) {
        return instant == null ? "" : BusinessTime.chineseDate(time.dateOf(instant));
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, FORM_LOCALE);
    }
}

package cn.hrss.zcrd.certificate;

import cn.hrss.zcrd.certificate.internal.CertificateLayouts;
import cn.hrss.zcrd.shared.CjkFont;
import cn.hrss.zcrd.signing.SealAppearance;
import com.itextpdf.kernel.colors.ColorConstants;
import com.itextpdf.kernel.colors.DeviceRgb;
import com.itextpdf.kernel.font.PdfFont;
import com.itextpdf.kernel.geom.PageSize;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.kernel.pdf.canvas.PdfCanvas;
import com.itextpdf.layout.Document;
import com.itextpdf.layout.borders.Border;
import com.itextpdf.layout.element.Cell;
import com.itextpdf.layout.element.Paragraph;
import com.itextpdf.layout.element.Table;
import com.itextpdf.layout.properties.TextAlignment;
import com.itextpdf.layout.properties.UnitValue;
import java.io.ByteArrayOutputStream;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Lays out the certificate page; the seal itself is added by the signature, at the layout's place. */
@Component
class CertificatePdfRenderer {

    private static final Locale CERTIFICATE_LOCALE = Locale.SIMPLIFIED_CHINESE;
    private static final DeviceRgb FRAME = new DeviceRgb(0xA6, 0x1B, 0x1B);

    private final CjkFont font;
    private final MessageSource messages;
    private final CertificateLayouts layouts;

    CertificatePdfRenderer(CjkFont font, MessageSource messages, CertificateLayouts layouts) {
        this.font = font;
        this.messages = messages;
        this.layouts = layouts;
    }

    byte[] render(CertificateContent c) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try (PdfDocument pdf = new PdfDocument(new PdfWriter(out));
             Document page = new Document(pdf, PageSize.A4)) {
            PdfFont documentFont = font.newDocumentFont();
            page.setFont(documentFont);
            page.setMargins(90, 72, 72, 72);
            pdf.getDocumentInfo().setTitle(text("certificate.pdf.title") + " " + c.certificateNumber());
            drawFrame(new PdfCanvas(pdf.addNewPage()));

            page.add(new Paragraph(text("certificate.pdf.title")).setFontSize(30)
                    .setTextAlignment(TextAlignment.CENTER).setFontColor(FRAME).setMarginBottom(36));
            Table table = new Table(UnitValue.createPercentArray(new float[] {35, 65})).useAllAvailableWidth();
            row(table, "certificate.pdf.holder", c.holderName());
            row(table, "certificate.pdf.id-number", c.maskedIdNumber());
            row(table, "certificate.pdf.series", c.series());
            row(table, "certificate.pdf.title-name", c.title());
            row(table, "certificate.pdf.level", c.level());
            row(table, "certificate.pdf.specialty", c.specialty());
            row(table, "certificate.pdf.publish-date",
                    c.publishDate().format(DateTimeFormatter.ofPattern("yyyy年M月d日")));
            row(table, "certificate.pdf.number", c.certificateNumber());
            page.add(table);
            page.add(new Paragraph(text("certificate.pdf.statement")).setFontSize(12).setMarginTop(36)
                    .setFirstLineIndent(24));
            page.add(new Paragraph(c.issuingUnit()).setFontSize(14).setTextAlignment(TextAlignment.RIGHT)
                    .setMarginTop(60));
        }
        return out.toByteArray();
    }

    SealAppearance sealAppearance(byte[] sealImage) {
        var layout = layouts.current();
        return new SealAppearance(layout.sealPage(), layout.sealX(), layout.sealY(), layout.sealSize(),
                layout.sealSize(), sealImage, text("certificate.pdf.signature-reason"),
                text("certificate.pdf.signature-location"));
    }

    byte[] devSampleSeal() {
        return layouts.devSampleSeal();
    }

    private void row(Table table, String labelKey, String value) {
        table.addCell(new Cell().add(new Paragraph(text(labelKey))).setFontSize(14).setBorder(Border.NO_BORDER)
                .setPaddingBottom(10));
        table.addCell(new Cell().add(new Paragraph(value)).setFontSize(14).setBorder(Border.NO_BORDER)
                .setPaddingBottom(10));
    }

    private static void drawFrame(PdfCanvas canvas) {
        PageSize a4 = PageSize.A4;
        canvas.setStrokeColor(FRAME).setLineWidth(6).rectangle(28, 28, a4.getWidth() - 56, a4.getHeight() - 56)
                .stroke();
        canvas.setStrokeColor(ColorConstants.ORANGE).setLineWidth(1.5f)
                .rectangle(40, 40, a4.getWidth() - 80, a4.getHeight() - 80).stroke();
    }

    private String text(String key) {
        return messages.getMessage(key, null, CERTIFICATE_LOCALE);
    }
}

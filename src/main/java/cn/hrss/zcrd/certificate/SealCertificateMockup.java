package cn.hrss.zcrd.certificate;

import cn.hrss.zcrd.certificate.internal.CertificateLayout;
import cn.hrss.zcrd.certificate.internal.CertificateLayouts;
import cn.hrss.zcrd.seal.CertificateMockup;
import cn.hrss.zcrd.seal.SealPlacement;
import cn.hrss.zcrd.shared.CjkFont;
import com.itextpdf.io.image.ImageData;
import com.itextpdf.io.image.ImageDataFactory;
import com.itextpdf.kernel.colors.DeviceRgb;
import com.itextpdf.kernel.geom.PageSize;
import com.itextpdf.kernel.geom.Rectangle;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfPage;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.kernel.pdf.canvas.PdfCanvas;
import com.itextpdf.kernel.pdf.extgstate.PdfExtGState;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The certificate page of {@link CertificatePdfRenderer} with sample data and a seal image drawn where the layout of
 * {@code seal-templates/} puts the signature's appearance — what a unit's certificates will look like with that
 * seal. Unsigned and marked as a preview across the page; one render plus one stamping pass (tens of ms).
 */
@Component
class SealCertificateMockup implements CertificateMockup {

    private static final Locale CERTIFICATE_LOCALE = Locale.SIMPLIFIED_CHINESE;
    private static final DeviceRgb WATERMARK = new DeviceRgb(0x99, 0x99, 0x99);

    private final CertificatePdfRenderer renderer;
    private final CertificateLayouts layouts;
    private final CjkFont font;
    private final MessageSource messages;
    private final Clock clock;

    SealCertificateMockup(CertificatePdfRenderer renderer, CertificateLayouts layouts, CjkFont font,
                          MessageSource messages, Clock clock) {
        this.renderer = renderer;
        this.layouts = layouts;
        this.font = font;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public SealPlacement sealPlacement() {
        CertificateLayout layout = layouts.current();
        return new SealPlacement(PageSize.A4.getWidth(), PageSize.A4.getHeight(), layout.sealX(), layout.sealY(),
                layout.sealSize(), layout.sealSize());
    }

    @Override
    public byte[] previewPdf(byte[] sealPng, String issuingUnit) {
        CertificateContent sample = new CertificateContent(text("seal.mockup.holder"), text("seal.mockup.id-number"),
                text("seal.mockup.title"), text("seal.mockup.series"), text("seal.mockup.specialty"),
                text("seal.mockup.level"), LocalDate.now(clock), issuingUnit, text("seal.mockup.number"));
        byte[] page = renderer.render(sample);
        ByteArrayOutputStream out = new ByteArrayOutputStream(page.length + sealPng.length + 8192);
        try (PdfDocument pdf = new PdfDocument(new PdfReader(new ByteArrayInputStream(page)), new PdfWriter(out))) {
            CertificateLayout layout = layouts.current();
            PdfPage target = pdf.getPage(Math.min(layout.sealPage(), pdf.getNumberOfPages()));
            PdfCanvas canvas = new PdfCanvas(target);
            drawWatermark(canvas, target.getPageSize());
            ImageData seal = ImageDataFactory.createPng(sealPng);
            canvas.addImageFittedIntoRectangle(seal, fitted(seal, layout), false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The seal's square of the layout, the image centred in it keeping its proportions. */
    private static Rectangle fitted(ImageData seal, CertificateLayout layout) {
        float size = layout.sealSize();
        float scale = Math.min(size / seal.getWidth(), size / seal.getHeight());
        float width = seal.getWidth() * scale;
        float height = seal.getHeight() * scale;
        return new Rectangle(layout.sealX() + (size - width) / 2, layout.sealY() + (size - height) / 2, width, height);
    }

    private void drawWatermark(PdfCanvas canvas, Rectangle page) {
        canvas.saveState().setExtGState(new PdfExtGState().setFillOpacity(0.35f)).beginText()
                .setFontAndSize(font.newDocumentFont(), 40).setFillColor(WATERMARK)
                .setTextMatrix(0.8660f, 0.5f, -0.5f, 0.8660f, page.getWidth() * 0.18f, page.getHeight() * 0.38f)
                .showText(text("seal.mockup.watermark")).endText().restoreState();
    }

    private String text(String key) {
        return messages.getMessage(key, null, CERTIFICATE_LOCALE);
    }
}

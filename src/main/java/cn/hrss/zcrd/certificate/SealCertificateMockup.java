package cn.hrss.zcrd.certificate;

import cn.hrss.zcrd.certificate.internal.CertificateLayout;
import cn.hrss.zcrd.certificate.internal.OnePassCertificateDocuments;
import cn.hrss.zcrd.seal.CertificateMockup;
import cn.hrss.zcrd.seal.SealPlacement;
import cn.hrss.zcrd.shared.BusinessTime;
import java.net.URI;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The certificate page with sample data and a seal image drawn where the layout of {@code seal-templates/} puts the
 * signature's appearance — what a unit's certificates will look like with that seal. Made by the certificate
 * pipeline itself ({@link OnePassCertificateDocuments#preview}), unsigned and marked as a preview across the page.
 */
@Component
class SealCertificateMockup implements CertificateMockup {

    private static final Locale CERTIFICATE_LOCALE = Locale.SIMPLIFIED_CHINESE;
    private static final URI SAMPLE_ADDRESS = URI.create("https://example.invalid/verify?sample");

    private final OnePassCertificateDocuments documents;
    private final MessageSource messages;
    private final BusinessTime time;

    SealCertificateMockup(OnePassCertificateDocuments documents, MessageSource messages, BusinessTime time) {
        this.documents = documents;
        this.messages = messages;
        this.time = time;
    }

    @Override
    public SealPlacement sealPlacement() {
        CertificateLayout layout = documents.layout();
        return new SealPlacement(595, 842, layout.sealX(), layout.sealY(), layout.sealSize(), layout.sealSize());
    }

    @Override
    public byte[] previewPdf(byte[] sealPng, String issuingUnit) {
        CertificateContent sample = new CertificateContent(
                text("seal.mockup.holder"),
                text("seal.mockup.id-number"),
                text("seal.mockup.title"),
                text("seal.mockup.series"),
                text("seal.mockup.specialty"),
                text("seal.mockup.level"),
                time.today(),
                issuingUnit,
                text("seal.mockup.number"),
                null);
        return documents.preview(sample, SAMPLE_ADDRESS, sealPng);
    }

    private String text(String key) {
        return messages.getMessage(key, null, CERTIFICATE_LOCALE);
    }
}

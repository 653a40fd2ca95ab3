package cn.hrss.zcrd.certificate.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The certificate layout of {@code seal-templates/}, read once at start. */
@Component
public class CertificateLayouts {

    private final CertificateLayout layout;
    private final byte[] devSampleSeal;

    CertificateLayouts(@Value("${zcrd.certificate.layout-file}") Path layoutFile) {
        this.layout = CertificateLayout.load(layoutFile);
        try {
            this.devSampleSeal = Files.readAllBytes(layout.devSampleSeal());
        } catch (IOException e) {
            throw new IllegalStateException("Sample seal " + layout.devSampleSeal() + " cannot be read", e);
        }
    }

    public CertificateLayout current() {
        return layout;
    }

    public byte[] devSampleSeal() {
        return devSampleSeal.clone();
    }
}

package cn.hrss.zcrd.certificate.internal;

import cn.hrss.zcrd.certificate.SpecimenCertificateService;
import java.io.IOException;
import org.omnifaces.util.Faces;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import org.springframework.web.context.annotation.RequestScope;

/**
 * Development page of the back office (system admins; only where {@code zcrd.dev.specimen-enabled}): sign a specimen
 * certificate through the token and download it.
 */
@Component("specimenView")
@RequestScope
@ConditionalOnBooleanProperty("zcrd.dev.specimen-enabled")
public class SpecimenCertificateView {

    private final SpecimenCertificateService specimens;
    private String holderName;

    SpecimenCertificateView(SpecimenCertificateService specimens) {
        this.specimens = specimens;
    }

    public void download() throws IOException {
        byte[] pdf = specimens.issueSpecimen(holderName.strip());
        Faces.sendFile(pdf, "specimen-certificate.pdf", true);
    }

    public boolean isEnabled() {
        return true;
    }

    public String getHolderName() {
        return holderName;
    }

    public void setHolderName(String holderName) {
        this.holderName = holderName;
    }
}

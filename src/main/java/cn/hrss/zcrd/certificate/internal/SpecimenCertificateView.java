package cn.hrss.zcrd.certificate.internal;

import cn.hrss.zcrd.certificate.SpecimenCertificateService;
import java.io.IOException;
import org.omnifaces.util.Faces;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.context.annotation.RequestScope;

/** Development page of the back office: sign a specimen certificate through the token and download it. */
@Component("specimenView")
@RequestScope
public class SpecimenCertificateView {

    private final SpecimenCertificateService specimens;
    private final boolean enabled;
    private String holderName;

    SpecimenCertificateView(
            SpecimenCertificateService specimens, @Value("${zcrd.dev.specimen-enabled:false}") boolean enabled) {
        this.specimens = specimens;
        this.enabled = enabled;
    }

    public void download() throws IOException {
        if (!enabled) {
            throw new IllegalStateException("specimen signing is disabled");
        }
        byte[] pdf = specimens.issueSpecimen(holderName.strip());
        Faces.sendFile(pdf, "specimen-certificate.pdf", true);
    }

    public boolean isEnabled() {
        return enabled;
    }

    public String getHolderName() {
        return holderName;
    }

    public void setHolderName(String holderName) {
        this.holderName = holderName;
    }
}

package cn.hrss.zcrd.backoffice.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.web.context.annotation.RequestScope;

/**
 * {@code /sdmanager/preparing.xhtml?feature=…}: the page behind back-office menu entries whose feature another
 * part of the system delivers later (issuing-authority review, seal review, the certificate library, dictionary).
 */
@Component("backOfficePreparingView")
@RequestScope
public class BackOfficePreparingView {

    static final Set<String> FEATURES =
            Set.of("authority-review", "seal-review", "certificate-intake", "certificate-management", "dictionary");

    private final String feature;

    BackOfficePreparingView(HttpServletRequest request) {
        String requested = request.getParameter("feature");
        this.feature = FEATURES.contains(requested) ? requested : null;
    }

    /** Message key of the feature's menu name. */
    public String getTitleKey() {
        return feature == null ? "backoffice.menu.unknown" : "backoffice.menu." + feature;
    }
}

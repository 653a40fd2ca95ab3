package cn.hrss.zcrd.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.web.context.annotation.RequestScope;

/** The page behind menu entries of features still being built: names the feature, never a dead link. */
@Component("preparingView")
@RequestScope
public class PreparingView {

    static final Set<String> FEATURES = Set.of(
            "declarations",
            "certificates",
            "review",
            "report",
            "paths",
            "path-review",
            "transfer",
            "authority",
            "seal");

    private final String feature;

    PreparingView(HttpServletRequest request) {
        String requested = request.getParameter("feature");
        this.feature = FEATURES.contains(requested) ? requested : null;
    }

    /** Message key of the feature's menu name, or of a generic name for an unknown one. */
    public String getTitleKey() {
        return feature == null ? "menu.unknown-feature" : "menu." + feature;
    }
}

package cn.hrss.zcrd.web.internal;

import jakarta.faces.FacesException;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;
import jakarta.faces.view.ViewDeclarationLanguage;
import java.io.IOException;

/**
 * Builds the view of a page request (not a postback) at the end of RESTORE_VIEW instead of at the start of rendering.
 * PrimeFaces' CSP listener keeps the page's nonce in the view map unless the view is transient, and it asks before
 * the view is built — when a page that declares itself stateless ({@code ui:param stateless}) is not yet known to be
 * transient. Without this, every visitor's view of the home or login page would make a session for that nonce. The
 * faces implementation builds a view once: rendering finds it built.
 */
public class StatelessViewsFirst implements PhaseListener {

    private static final long serialVersionUID = 1L;

    @Override
    public PhaseId getPhaseId() {
        return PhaseId.RESTORE_VIEW;
    }

    @Override
    public void afterPhase(PhaseEvent event) {
        FacesContext context = event.getFacesContext();
        UIViewRoot view = context.getViewRoot();
        if (context.isPostback() || view == null || context.getResponseComplete()) {
            return;
        }
        ViewDeclarationLanguage language =
                context.getApplication().getViewHandler().getViewDeclarationLanguage(context, view.getViewId());
        if (language == null) {
            return;
        }
        try {
            language.buildView(context, view);
        } catch (IOException e) {
            throw new FacesException(e);
        }
    }

    @Override
    public void beforePhase(PhaseEvent event) {
        // nothing before restoring
    }
}

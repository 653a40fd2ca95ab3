package cn.hrss.zcrd.shared;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;

/** Shows service-side problems on a faces page: each at its field, in the UI language, from the bundle. */
public final class FacesMessages {

    private FacesMessages() {}

    /** Adds each problem to the input {@code formId:field}; the page's {@code p:message for="field"} shows it. */
    public static void atFields(String formId, List<FieldProblem> problems) {
        FacesContext context = FacesContext.getCurrentInstance();
        for (FieldProblem problem : problems) {
            String text = text(problem.messageKey(), problem.arguments().toArray());
            context.addMessage(
                    formId + ":" + problem.field(), new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
        }
        context.validationFailed();
    }

    /** A message for the whole page (shown by {@code p:messages globalOnly}). */
    public static void page(FacesMessage.Severity severity, String key, Object... arguments) {
        String text = text(key, arguments);
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, text));
    }

    /** A refusal for the whole page. */
    public static void page(FacesMessage.Severity severity, Refusal refusal) {
        page(severity, refusal.messageKey(), refusal.arguments().toArray());
    }

    /** Keeps this request's messages for the page a redirect shows next (an action answering with a redirect). */
    public static void keepForRedirect() {
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
    }

    /**
     * An action's answer after it has done its work: the info message {@code key} kept for the next page, and
     * {@code outcome} (a {@code faces-redirect}, so a reload does nothing again) returned for the action to return.
     */
    public static String infoAfterRedirect(String outcome, String key, Object... arguments) {
        page(FacesMessage.SEVERITY_INFO, key, arguments);
        keepForRedirect();
        return outcome;
    }

    /** The text of a refusal in the UI language. */
    public static String text(Refusal refusal) {
        return text(refusal.messageKey(), refusal.arguments().toArray());
    }

    public static String text(String key, Object... arguments) {
        FacesContext context = FacesContext.getCurrentInstance();
        ResourceBundle bundle = context.getApplication().getResourceBundle(context, "msg");
        String pattern = bundle.getString(key);
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, bundle.getLocale()).format(arguments);
    }
}

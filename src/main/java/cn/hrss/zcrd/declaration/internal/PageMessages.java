package cn.hrss.zcrd.declaration.internal;

import cn.hrss.zcrd.declaration.DeclarationException;
import cn.hrss.zcrd.declaration.DeclarationRejectedException;
import cn.hrss.zcrd.shared.FacesMessages;
import cn.hrss.zcrd.shared.FieldProblem;
import cn.hrss.zcrd.shared.Refusal;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How the declaration pages show the service's refusals: rules and state refusals on the page, field problems at their fields. */
final class PageMessages {

    /** {@code education[2].school} → the input of row 2 in the module's {@code ui:repeat id="rows"} */
    private static final Pattern ENTRY_FIELD = Pattern.compile("(?:education|work)\\[(\\d+)]\\.(\\w+)");

    private PageMessages() {}

    /** Every rule that refused (all of them for 确定申报), or the one refusal, as page errors. */
    static void refused(DeclarationException e) {
        if (e instanceof DeclarationRejectedException rejected) {
            rejected(rejected.rejections());
        } else {
            FacesMessages.page(FacesMessage.SEVERITY_ERROR, e.refusal());
        }
        FacesContext.getCurrentInstance().validationFailed();
    }

    static void rejected(List<Refusal> rejections) {
        for (Refusal r : rejections) {
            FacesMessages.page(
                    FacesMessage.SEVERITY_ERROR, r.messageKey(), r.arguments().toArray());
        }
    }

    static void info(String key, Object... arguments) {
        FacesMessages.page(FacesMessage.SEVERITY_INFO, key, arguments);
    }

    /** One error for the page (the details page's refused 确定申报: the problems list on top says what). */
    static void error(String key) {
        FacesMessages.page(FacesMessage.SEVERITY_ERROR, key);
        FacesContext.getCurrentInstance().validationFailed();
    }

    /** A message for the page the action redirects to. */
    static void flash(String key) {
        FacesMessages.keepForRedirect();
        info(key);
    }

    /**
     * Field problems of a module form: an entry's field goes to its input in the row, a problem of the whole list
     * (too many entries, reported under the list form's own name) to the page. The basic form's 最高学历 is a field
     * named {@code education} too, and goes to its input like any other.
     */
    static void atFields(String formId, List<FieldProblem> problems) {
        List<FieldProblem> fields = new ArrayList<>();
        for (FieldProblem p : problems) {
            Matcher m = ENTRY_FIELD.matcher(p.field());
            if (m.matches()) {
                fields.add(new FieldProblem("rows:" + m.group(1) + ":" + m.group(2), p.messageKey(), p.arguments()));
            } else if (p.field().equals(formId)) {
                FacesMessages.page(
                        FacesMessage.SEVERITY_ERROR,
                        p.messageKey(),
                        p.arguments().toArray());
            } else {
                fields.add(p);
            }
        }
        FacesMessages.atFields(formId, fields);
    }
}

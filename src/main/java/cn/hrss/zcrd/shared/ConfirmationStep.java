package cn.hrss.zcrd.shared;

import jakarta.faces.application.FacesMessage;
import java.io.Serializable;
import java.util.List;
import java.util.function.Supplier;

/**
 * The two steps of a registration page (SPEC §2): 立即注册 checks the form and, when it is all well, shows the data
 * to confirm; 确认注册 stores it, or — when a check fails at that moment (e.g. a concurrent registration) — goes
 * back to the form with the problems at their fields. Nothing is stored before confirmation.
 */
public final class ConfirmationStep implements Serializable {

    private final String formId;
    private boolean confirming;

    public ConfirmationStep(String formId) {
        this.formId = formId;
    }

    /** 立即注册: shows the confirmation when there are no problems, else the problems at their fields. */
    public boolean review(List<FieldProblem> problems) {
        confirming = problems.isEmpty();
        if (!confirming) {
            FacesMessages.atFields(formId, problems);
        }
        return confirming;
    }

    /**
     * 立即注册 through a throttled {@code check}: as {@link #review(List)}, but an address's used-up budget
     * ({@link RefusedException}) is said on the page and nothing is shown to confirm.
     */
    public boolean review(Supplier<List<FieldProblem>> check) {
        try {
            return review(check.get());
        } catch (RefusedException overBudget) {
            FacesMessages.page(FacesMessage.SEVERITY_ERROR, overBudget.refusal());
            return false;
        }
    }

    /** 返回修改 */
    public void edit() {
        confirming = false;
    }

    /** 确认注册: runs {@code store} and answers {@code outcome}, or goes back to the form on refusal. */
    public String confirm(Runnable store, String outcome) {
        try {
            store.run();
            return outcome;
        } catch (InvalidInputException e) {
            confirming = false;
            FacesMessages.atFields(formId, e.problems());
            return null;
        }
    }

    public boolean isConfirming() {
        return confirming;
    }
}

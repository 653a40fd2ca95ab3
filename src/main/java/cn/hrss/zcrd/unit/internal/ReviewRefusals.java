package cn.hrss.zcrd.unit.internal;

import cn.hrss.zcrd.account.BackOfficeAccessDeniedException;
import cn.hrss.zcrd.account.BackOfficePolicy;
import cn.hrss.zcrd.shared.FacesMessages;
import cn.hrss.zcrd.shared.FieldProblem;
import cn.hrss.zcrd.shared.InvalidInputException;
import cn.hrss.zcrd.shared.RefusedException;
import cn.hrss.zcrd.unit.UnitRuleException;
import jakarta.faces.application.FacesMessage;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.springframework.security.access.AccessDeniedException;

/** How the unit module's review pages (发放权限审核, 单位核验) show a refused 通过 / 驳回 of their form {@code review}. */
final class ReviewRefusals {

    private ReviewRefusals() {}

    /**
     * The outcome of {@code decision}; when it is refused, null and the reason shown: a rule whose key
     * {@code needsOpinion} accepts at the field {@code opinionField}, input problems at theirs, any other on the page.
     */
    static String shown(Supplier<String> decision, String opinionField, Predicate<String> needsOpinion) {
        try {
            return decision.get();
        } catch (BackOfficeAccessDeniedException e) {
            FacesMessages.page(FacesMessage.SEVERITY_ERROR, e.refusal());
        } catch (InvalidInputException e) {
            FacesMessages.atFields("review", e.problems());
        } catch (UnitRuleException e) {
            if (needsOpinion.test(e.messageKey())) {
                FacesMessages.atFields("review", List.of(FieldProblem.of(opinionField, e.messageKey())));
            } else {
                FacesMessages.page(FacesMessage.SEVERITY_ERROR, e.refusal());
            }
        } catch (RefusedException e) {
            FacesMessages.page(FacesMessage.SEVERITY_ERROR, e.refusal()); // approval.already-pending
        } catch (AccessDeniedException e) {
            FacesMessages.page(FacesMessage.SEVERITY_ERROR, BackOfficePolicy.OUT_OF_SCOPE);
        }
        return null;
    }
}

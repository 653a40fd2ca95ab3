package cn.hrss.zcrd.account;

import cn.hrss.zcrd.shared.Captcha;
import cn.hrss.zcrd.shared.FieldProblem;
import cn.hrss.zcrd.shared.InvalidInputException;
import cn.hrss.zcrd.shared.RateLimit;
import cn.hrss.zcrd.shared.RateLimits;
import cn.hrss.zcrd.shared.RefusedException;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;

/**
 * What a registration form (个人注册, 单位注册) passes before it is checked against what is registered, so that an
 * anonymous requester cannot probe ID numbers or credit codes in bulk:
 * <ol>
 *   <li>the client address's budget of checked forms (limit {@code registration});</li>
 *   <li>room in its budget of "already registered" answers (limit {@code registration-probe}) — checked for every
 *   form, not only for registered numbers, so a used-up budget tells nothing either way;</li>
 *   <li>a solved captcha (every time: the page solves a fresh one for each submission).</li>
 * </ol>
 * An "already registered" answer then spends one token of the probe budget ({@link #mayTellRegistered}).
 * Call it outside any database transaction (see {@link RateLimit}).
 */
@Service
public class RegistrationThrottle {

    private final RateLimit forms;
    private final RateLimit probes;
    private final Captcha captcha;

    RegistrationThrottle(RateLimits limits, Captcha captcha) {
        this.forms = limits.named("registration");
        this.probes = limits.named("registration-probe");
        this.captcha = captcha;
    }

    /**
     * Before the form is checked.
     *
     * @throws RefusedException      ({@code register.throttled}, {@code register.probe-throttled}, with the minutes
     *                               to wait) when the address used up a budget
     * @throws InvalidInputException at the field {@code captcha} when the captcha is missing or wrong
     */
    public void admit(String address, String captchaSolution) {
        RateLimit.Decision form = forms.tryTake(address);
        if (!form.allowed()) {
            throw new RefusedException("register.throttled", form.retryAfterMinutes());
        }
        RateLimit.Decision probe = probes.peek(address);
        if (!probe.allowed()) {
            throw new RefusedException("register.probe-throttled", probe.retryAfterMinutes());
        }
        Captcha.Verdict verdict = captcha.verify(captchaSolution);
        if (verdict != Captcha.Verdict.PASSED) {
            throw new InvalidInputException(FieldProblem.of("captcha", verdict.messageKey()));
        }
    }

    /**
     * A registration form checked the throttled way: {@link #admit}, then {@code formCheck}; a problem with message
     * key {@code registeredKey} ("already registered") costs a token of the probe budget.
     *
     * @return the problems to show at their fields (the captcha's at {@code captcha}); empty when all is well
     * @throws RefusedException when the address used up a budget (show it on the page; nothing was said about the
     *                          number)
     */
    public List<FieldProblem> check(
            String address, String captchaSolution, Supplier<List<FieldProblem>> formCheck, String registeredKey) {
        try {
            admit(address, captchaSolution);
        } catch (InvalidInputException captchaProblem) {
            return captchaProblem.problems();
        }
        List<FieldProblem> problems = formCheck.get();
        if (problems.stream().anyMatch(problem -> problem.messageKey().equals(registeredKey))) {
            mayTellRegistered(address);
        }
        return problems;
    }

    /**
     * Spends one "already registered" answer of the address.
     *
     * @throws RefusedException ({@code register.probe-throttled}) when none is left: the page then says nothing about
     *                          the number
     */
    public void mayTellRegistered(String address) {
        RateLimit.Decision probe = probes.tryTake(address);
        if (!probe.allowed()) {
            throw new RefusedException("register.probe-throttled", probe.retryAfterMinutes());
        }
    }
}

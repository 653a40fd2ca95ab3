package cn.hrss.zcrd.declaration;

import cn.hrss.zcrd.account.PortalUser;
import cn.hrss.zcrd.shared.FieldProblem;
import cn.hrss.zcrd.shared.InvalidInputException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A unit's decisions on a declaration that is with it (SPEC §5), as entry points for the review feature's pages:
 * 通过, 上报, 终审通过 and 退回 with module opinions. The acting unit is the signed-in unit account's unit; a unit the
 * declaration was never sent to gets {@link AccessDeniedException}, one it is no longer with
 * {@link NotCurrentUnitException}. Reporting paths and issuing authority are the review feature's policies, to be
 * checked before calling {@link #report} and {@link #finalApprove}.
 */
@Service
public class DeclarationReviews {

    static final int MAX_OPINION = 1000;

    private final DeclarationAccess access;
    private final Clock clock;

    DeclarationReviews(DeclarationAccess access, Clock clock) {
        this.access = access;
        this.clock = clock;
    }

    /** 通过. */
    @Transactional
    public void approve(long declarationId, PortalUser unitUser, String opinion) {
        decide(declarationId, unitUser, (d, unit, now) -> d.approve(unit, checkedOpinion(opinion), now));
    }

    /** 上报 to a superior unit (after 通过). */
    @Transactional
    public void report(long declarationId, PortalUser unitUser, long superiorUnitId, String opinion) {
        decide(declarationId, unitUser, (d, unit, now) -> {
            if (!access.unitExists(superiorUnitId)) {
                throw new InvalidInputException(FieldProblem.of("superiorUnitId", "declaration.unit.unknown"));
            }
            if (!access.unitVerified(superiorUnitId)) {
                throw new InvalidInputException(FieldProblem.of("superiorUnitId", "declaration.unit.unverified"));
            }
            d.reportTo(superiorUnitId, unit, checkedOpinion(opinion), now);
        });
    }

    /** 终审通过 (publishes {@link DeclarationFinallyApproved}). */
    @Transactional
    public void finalApprove(long declarationId, PortalUser unitUser, String opinion) {
        decide(declarationId, unitUser, (d, unit, now) -> d.finalApprove(unit, checkedOpinion(opinion), now));
    }

    /**
     * 退回 to the applicant with at least one module opinion (不通过); only those modules may change afterwards.
     *
     * @param moduleOpinions the opinion per rejected module
     * @param opinion        an optional overall opinion
     */
    @Transactional
    public void returnToApplicant(
            long declarationId, PortalUser unitUser, Map<ModuleKind, String> moduleOpinions, String opinion) {
        decide(declarationId, unitUser, (d, unit, now) -> {
            Map<ModuleKind, String> opinions = new EnumMap<>(ModuleKind.class);
            List<FieldProblem> problems = new ArrayList<>();
            moduleOpinions.forEach((module, text) -> {
                if (text != null && !text.isBlank()) {
                    opinions.put(module, text.strip());
                    if (text.strip().length() > MAX_OPINION) {
                        problems.add(FieldProblem.of(
                                "opinion." + module.name(), "declaration.text.too-long", String.valueOf(MAX_OPINION)));
                    }
                }
            });
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            d.returnToApplicant(unit, opinions, checkedOpinion(opinion), now);
        });
    }

    /** One decision on the declaration by the acting unit. */
    private interface Step {
        void take(Declaration declaration, Actor unit, Instant now);
    }

    /** Reads the declaration as the signed-in unit's (refused when it was never sent there), decides, stores it. */
    private void decide(long declarationId, PortalUser unitUser, Step step) {
        Actor unit = access.unitActor(unitUser);
        Declaration d = access.readable(declarationId, unitUser);
        step.take(d, unit, clock.instant());
        access.store(d);
    }

    private static String checkedOpinion(String opinion) {
        if (opinion != null && opinion.strip().length() > MAX_OPINION) {
            throw new InvalidInputException(
                    FieldProblem.of("opinion", "declaration.text.too-long", String.valueOf(MAX_OPINION)));
        }
        return opinion;
    }
}

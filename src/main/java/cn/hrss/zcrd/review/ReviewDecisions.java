package cn.hrss.zcrd.review;

import cn.hrss.zcrd.account.PortalUser;
import cn.hrss.zcrd.audit.AuditEntry;
import cn.hrss.zcrd.audit.AuditTrail;
import cn.hrss.zcrd.catalog.Title;
import cn.hrss.zcrd.catalog.TitleCatalog;
import cn.hrss.zcrd.declaration.DeclarationDetails;
import cn.hrss.zcrd.declaration.DeclarationException;
import cn.hrss.zcrd.declaration.DeclarationReviews;
import cn.hrss.zcrd.declaration.Declarations;
import cn.hrss.zcrd.declaration.ModuleKind;
import cn.hrss.zcrd.shared.InvalidInputException;
import cn.hrss.zcrd.shared.Refusal;
import cn.hrss.zcrd.unit.IssuingAuthorities;
import cn.hrss.zcrd.unit.ReportingPathInfo;
import cn.hrss.zcrd.unit.ReportingPaths;
import cn.hrss.zcrd.unit.Unit;
import cn.hrss.zcrd.unit.Units;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A unit's decisions in the review chain (SPEC §5), on top of the declaration's state machine
 * ({@link DeclarationReviews}): 通过 — which is 终审通过 where the unit holds issuing authority for the level
 * ({@link ApprovalPolicy}) —, 退回 with module opinions, and 数据上报 along the matching effective reporting path
 * ({@link ReportingPathPolicy}).
 *
 * <p>The acting unit is always the signed-in unit account's. A declaration never sent to it is refused with
 * {@link AccessDeniedException} (an unknown id looks the same); one no longer with it, in the wrong state, or just
 * decided by someone else comes back as a {@link DeclarationException} with a Chinese message key — of two
 * simultaneous decisions exactly one is taken (optimistic locking). Every decision and every refusal is on the
 * audit trail.
 */
@Service
public class ReviewDecisions {

    private final DeclarationReviews reviews;
    private final Declarations declarations;
    private final Units units;
    private final IssuingAuthorities authorities;
    private final ReportingPaths paths;
    private final AuditTrail audit;
    private final TitleCatalog catalog;
    private final TransactionTemplate eachInItsOwnTransaction;

    ReviewDecisions(
            DeclarationReviews reviews,
            Declarations declarations,
            Units units,
            IssuingAuthorities authorities,
            ReportingPaths paths,
            AuditTrail audit,
            TitleCatalog catalog,
            PlatformTransactionManager transactions) {
        this.reviews = reviews;
        this.declarations = declarations;
        this.units = units;
        this.authorities = authorities;
        this.paths = paths;
        this.audit = audit;
        this.catalog = catalog;
        this.eachInItsOwnTransaction = new TransactionTemplate(transactions);
    }

    /** What 通过 by this unit would be for the declaration (the button says 通过 or 终审通过). */
    @Transactional(readOnly = true)
    public ApprovalPolicy.Outcome approvalFor(long declarationId, PortalUser unitUser) {
        DeclarationDetails d = declarations.details(declarationId, unitUser);
        return ApprovalPolicy.outcome(
                authorities.holds(unitId(unitUser), d.basic().levelCode()));
    }

    /**
     * 通过 by the unit the declaration is with: 终审通过 (publishes {@code DeclarationFinallyApproved}) when the unit
     * holds issuing authority for its level, otherwise 审核通过 (then report it upwards).
     */
    @Transactional
    public ApprovalPolicy.Outcome approve(long declarationId, PortalUser unitUser, String opinion) {
        return audited("DECLARATION_APPROVED", declarationId, () -> {
            DeclarationDetails d = declarations.details(declarationId, unitUser);
            ApprovalPolicy.Outcome outcome = ApprovalPolicy.outcome(
                    authorities.holds(unitId(unitUser), d.basic().levelCode()));
            if (outcome == ApprovalPolicy.Outcome.FINAL_APPROVED) {
                reviews.finalApprove(declarationId, unitUser, opinion);
                audit.record(AuditEntry.action("DECLARATION_FINAL_APPROVED")
                        .target("DECLARATION", declarationId)
                        .detail(d.applicantName() + " " + d.levelName() + " " + d.seriesName())
                        .build());
            } else {
                reviews.approve(declarationId, unitUser, opinion);
                audit.record(AuditEntry.action("DECLARATION_APPROVED")
                        .target("DECLARATION", declarationId)
                        .detail(d.applicantName())
                        .build());
            }
            return outcome;
        });
    }

    /** 退回 to the applicant with at least one module opinion (不通过); only those modules may change then. */
    @Transactional
    public void returnToApplicant(
            long declarationId, PortalUser unitUser, Map<ModuleKind, String> moduleOpinions, String opinion) {
        audited("DECLARATION_RETURNED", declarationId, () -> {
            reviews.returnToApplicant(declarationId, unitUser, moduleOpinions, opinion);
            audit.record(AuditEntry.action("DECLARATION_RETURNED")
                    .target("DECLARATION", declarationId)
                    .detail(String.join(
                            ",",
                            moduleOpinions.entrySet().stream()
                                    .filter(e -> e.getValue() != null
                                            && !e.getValue().isBlank())
                                    .map(e -> e.getKey().name())
                                    .toList()))
                    .build());
            return null;
        });
    }

    /**
     * 数据上报: reports each declaration (approved by this unit, not yet reported) to the superior of the effective
     * reporting path that matches its level and series. Each one is reported, or refused, on its own: a refusal
     * (no matching path, path not yet effective, wrong state, lost race) does not hold back the others.
     */
    public ReportResult report(Collection<Long> declarationIds, PortalUser unitUser, String opinion) {
        long unitId = unitId(unitUser);
        List<ReportResult.Reported> reported = new ArrayList<>();
        List<ReportResult.Refused> refused = new ArrayList<>();
        for (long id : new LinkedHashSet<>(declarationIds)) {
            try {
                ReportResult.Reported done =
                        eachInItsOwnTransaction.execute(status -> reportOne(id, unitId, unitUser, opinion));
                reported.add(done);
            } catch (ReportRefusedException e) {
                refused.add(new ReportResult.Refused(id, e.applicantName, e.refusal));
            } catch (DeclarationException e) {
                refused.add(new ReportResult.Refused(id, null, e.refusal()));
            } catch (AccessDeniedException e) {
                // never sent to this unit, or no such declaration: the same answer for both
                refused.add(new ReportResult.Refused(id, null, Refusal.of("review.report.not-found")));
            } catch (InvalidInputException e) {
                refused.add(new ReportResult.Refused(id, null, e.firstAsRefusal()));
            }
        }
        return new ReportResult(reported, refused);
    }

    private ReportResult.Reported reportOne(long id, long unitId, PortalUser unitUser, String opinion) {
        return audited("DECLARATION_REPORTED", id, () -> {
            DeclarationDetails d = declarations.details(id, unitUser);
            ReportingPathPolicy.Choice choice = ReportingPathPolicy.choose(
                    d.basic().levelCode(),
                    seriesCode(d),
                    d.levelName(),
                    d.seriesName(),
                    paths.pathsFor(unitId, d.basic().levelCode(), seriesCode(d)));
            if (choice.refusal().isPresent()) {
                throw new ReportRefusedException(
                        d.applicantName(), choice.refusal().get());
            }
            ReportingPathInfo path = choice.path().orElseThrow();
            reviews.report(id, unitUser, path.superiorUnitId(), opinion);
            audit.record(AuditEntry.action("DECLARATION_REPORTED")
                    .target("DECLARATION", id)
                    .detail(d.applicantName() + " → " + path.superiorUnitName())
                    .build());
            return new ReportResult.Reported(id, d.applicantName(), path.superiorUnitName());
        });
    }

    /** The series of the declaration's title (the declaration keeps the same code for its queue). */
    private String seriesCode(DeclarationDetails d) {
        return catalog.findTitle(d.basic().titleId()).map(Title::seriesCode).orElse("");
    }

    /** Runs a decision; a refusal of any kind is recorded on the audit trail (in its own transaction) and rethrown. */
    private <T> T audited(String action, long declarationId, Supplier<T> decision) {
        try {
            return decision.get();
        } catch (AccessDeniedException e) {
            audit.record(AuditEntry.action(action)
                    .target("DECLARATION", declarationId)
                    .refused()
                    .detail("not sent to this unit")
                    .build());
            throw e;
        } catch (DeclarationException e) {
            audit.record(AuditEntry.action(action)
                    .target("DECLARATION", declarationId)
                    .refused()
                    .detail(e.messageKey())
                    .build());
            throw e;
        } catch (ReportRefusedException e) {
            audit.record(AuditEntry.action(action)
                    .target("DECLARATION", declarationId)
                    .refused()
                    .detail(e.refusal.messageKey())
                    .build());
            throw e;
        }
    }

    private long unitId(PortalUser user) {
        if (user == null || !user.isUnit()) {
            throw new AccessDeniedException("only a unit reviews");
        }
        return units.findOfAccount(user.accountId())
                .map(Unit::getId)
                .orElseThrow(() -> new AccessDeniedException("unit account without unit"));
    }

    /** A reporting rule refused one declaration of a 数据上报. */
    static final class ReportRefusedException extends RuntimeException {

        final String applicantName;
        final Refusal refusal;

        ReportRefusedException(String applicantName, Refusal refusal) {
            super(refusal.messageKey());
            this.applicantName = applicantName;
            this.refusal = refusal;
        }
    }
}

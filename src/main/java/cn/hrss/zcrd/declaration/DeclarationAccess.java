package cn.hrss.zcrd.declaration;

import cn.hrss.zcrd.account.PortalUser;
import cn.hrss.zcrd.catalog.DeclarationMethod;
import cn.hrss.zcrd.catalog.Level;
import cn.hrss.zcrd.catalog.Series;
import cn.hrss.zcrd.catalog.Specialty;
import cn.hrss.zcrd.catalog.Title;
import cn.hrss.zcrd.catalog.TitleCatalog;
import cn.hrss.zcrd.declaration.internal.DeclarationRepository;
import cn.hrss.zcrd.declaration.internal.UnitLookup;
import cn.hrss.zcrd.shared.RequestedIds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Loading a declaration for a user (who may read it, who may change it), saving it with the optimistic-lock failure
 * turned into {@link DeclarationConflictException}, and the read model with names resolved. Shared by the services.
 */
@Component
class DeclarationAccess {

    private final DeclarationRepository declarations;
    private final UnitLookup units;
    private final TitleCatalog catalog;

    DeclarationAccess(DeclarationRepository declarations, UnitLookup units, TitleCatalog catalog) {
        this.declarations = declarations;
        this.units = units;
        this.catalog = catalog;
    }

    /**
     * The declaration if the user is the applicant it belongs to: a missing one is not found (404), someone else's
     * is refused (403). Ids are sequential, so telling the two apart reveals nothing a user could not guess.
     */
    Declaration owned(long id, PortalUser user) {
        Declaration d = RequestedIds.found(declarations.findById(id), "declaration");
        if (!isOwner(d, user)) {
            throw new AccessDeniedException("not the applicant's declaration");
        }
        return d;
    }

    /** The declaration if the user owns it or is a unit it is or was sent to. */
    Declaration readable(long id, PortalUser user) {
        Declaration d = RequestedIds.found(declarations.findById(id), "declaration");
        if (!mayRead(d, user)) {
            throw new AccessDeniedException("declaration not readable by this user");
        }
        return d;
    }

    boolean mayRead(Declaration d, PortalUser user) {
        if (isOwner(d, user)) {
            return true;
        }
        return user.isUnit()
                && units.unitOfAccount(user.accountId()).map(d::wasSentTo).orElse(false);
    }

    static boolean isOwner(Declaration d, PortalUser user) {
        return user.isPerson() && d.getApplicantAccountId() == user.accountId();
    }

    static void requirePerson(PortalUser user) {
        if (!user.isPerson()) {
            throw new AccessDeniedException("only an individual may declare");
        }
    }

    /** The acting unit of a unit account, as an actor in the history. */
    Actor unitActor(PortalUser user) {
        if (!user.isUnit()) {
            throw new AccessDeniedException("only a unit may review");
        }
        long unitId = units.unitOfAccount(user.accountId())
                .orElseThrow(() -> new AccessDeniedException("unit account without unit"));
        // the unit's 经办人 acts on its one account, whose display name is the unit's own name
        String reviewer = units.contactPerson(unitId).orElse(user.displayName());
        return Actor.ofUnit(user.accountId(), reviewer, unitId);
    }

    boolean unitExists(long unitId) {
        return units.exists(unitId);
    }

    boolean unitVerified(long unitId) {
        return units.verified(unitId);
    }

    /**
     * Saves and flushes, so a lost race shows here as a domain exception (and domain events are published): the
     * version check failed (optimistic lock), or MariaDB chose this transaction as a deadlock victim — two
     * transactions that both read the row, then both insert a history row (a shared lock on the declaration for the
     * foreign key) and then both update it.
     */
    Declaration store(Declaration d) {
        try {
            return declarations.saveAndFlush(d);
        } catch (ConcurrencyFailureException e) {
            throw new DeclarationConflictException();
        }
    }

    /** Deletes the declaration (its modules, attachments and history with it); a conflict as {@link #store}. */
    void delete(Declaration d) {
        try {
            declarations.delete(d);
            declarations.flush();
        } catch (ConcurrencyFailureException e) {
            throw new DeclarationConflictException();
        }
    }

    DeclarationSummary summary(Declaration d) {
        return new DeclarationSummary(
                d.getId(),
                d.getDeclarationYear(),
                levelName(d),
                titleName(d),
                catalog.findSpecialty(d.getSpecialtyId()).map(Specialty::name).orElse(null),
                d.getState(),
                d.getCreatedAt(),
                d.getSubmittedAt(),
                d.getFirstSubmittedAt() != null,
                d.statusKey(),
                d.certificateNumber(),
                d.getBusinessType());
    }

    DeclarationDetails details(Declaration d) {
        List<HistoryEntry> history = d.history();
        Set<Long> unitIds =
                new HashSet<>(Arrays.asList(d.getDeclaringUnitId(), d.getWorkUnitId(), d.getCurrentUnitId()));
        history.forEach(h -> {
            unitIds.add(h.unitId());
            unitIds.add(h.toUnitId());
        });
        unitIds.remove(null);
        Map<Long, String> names = units.names(unitIds);
        List<DeclarationDetails.Module> modules = new ArrayList<>();
        for (ModuleKind kind : d.moduleKinds()) {
            modules.add(new DeclarationDetails.Module(
                    kind,
                    d.moduleState(kind),
                    d.moduleOpinion(kind).orElse(null),
                    d.isComplete(kind),
                    d.canEdit(kind)));
        }
        return new DeclarationDetails(
                d.getId(),
                d.getVersion(),
                d.getState(),
                d.getApplicantName(),
                d.getApplicantIdNumber(),
                d.basicInfo(),
                levelName(d),
                catalog.findSeries(d.getSeriesCode()).map(Series::name).orElse(d.getSeriesCode()),
                titleName(d),
                catalog.findSpecialty(d.getSpecialtyId()).map(Specialty::name).orElse(null),
                Optional.ofNullable(d.getDeclarationMethodId())
                        .flatMap(catalog::findDeclarationMethod)
                        .map(DeclarationMethod::name)
                        .orElse(null),
                names.get(d.getDeclaringUnitId()),
                Optional.ofNullable(d.getWorkUnitId()).map(names::get).orElse(null),
                d.educationRecords(),
                d.workRecords(),
                d.performance(),
                d.attachments().stream().map(Attachment::toInfo).toList(),
                modules,
                history.stream().map(h -> h.toItem(names)).toList(),
                d.getCurrentUnitId(),
                Optional.ofNullable(d.getCurrentUnitId()).map(names::get).orElse(null),
                d.getCreatedAt(),
                d.updatedAt(),
                d.getFirstSubmittedAt(),
                d.getSubmittedAt(),
                d.statusKey(),
                d.certificateNumber(),
                d.getBusinessType(),
                d.transferInfo());
    }

    private String levelName(Declaration d) {
        return catalog.findLevel(d.getLevelCode()).map(Level::name).orElse(d.getLevelCode());
    }

    private String titleName(Declaration d) {
        return catalog.findTitle(d.getTitleId()).map(Title::name).orElse(null);
    }
}

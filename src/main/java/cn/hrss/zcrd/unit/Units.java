package cn.hrss.zcrd.unit;

import cn.hrss.zcrd.account.PortalAccountKind;
import cn.hrss.zcrd.account.PortalAccounts;
import cn.hrss.zcrd.catalog.Regions;
import cn.hrss.zcrd.shared.CreditCode;
import cn.hrss.zcrd.shared.FieldProblem;
import cn.hrss.zcrd.shared.Formats;
import cn.hrss.zcrd.shared.InvalidInputException;
import cn.hrss.zcrd.unit.internal.UnitRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Unit registration (单位注册) and a unit's own data. */
@Service
public class Units {

    /** Another unit already holds this name (compared by {@link UnitNameKey}). */
    static final String NAME_TAKEN = "unit.name.taken";

    private final UnitRepository units;
    private final PortalAccounts accounts;
    private final Regions regions;
    private final Clock clock;

    Units(UnitRepository units, PortalAccounts accounts, Regions regions, Clock clock) {
        this.units = units;
        this.accounts = accounts;
        this.regions = regions;
        this.clock = clock;
    }

    /** Every problem of a registration form, each at its field; empty when it may be confirmed. */
    @Transactional(readOnly = true)
    public List<FieldProblem> check(UnitRegistration form) {
        List<FieldProblem> problems = new ArrayList<>();
        Optional<String> nameProblem = Formats.unitName(form.name());
        if (nameProblem.isPresent()) {
            problems.add(FieldProblem.of("name", nameProblem.get()));
        } else if (units.existsByNameKey(UnitNameKey.of(form.name()))) {
            problems.add(FieldProblem.of("name", NAME_TAKEN));
        }
        Optional<CreditCode.Problem> codeProblem = CreditCode.problem(form.creditCode());
        if (codeProblem.isPresent()) {
            problems.add(FieldProblem.of(
                    "creditCode",
                    Formats.isBlank(form.creditCode())
                            ? "field.required"
                            : codeProblem.get().messageKey()));
        } else if (units.existsByCreditCode(CreditCode.of(form.creditCode()).value())) {
            problems.add(FieldProblem.of("creditCode", "creditcode.taken"));
        }
        regions.choiceProblem(form.regionCode()).ifPresent(key -> problems.add(FieldProblem.of("city", key)));
        if (form.unitType() == null) {
            problems.add(FieldProblem.of("unitType", "field.required"));
        }
        if (form.competentUnitId() != null) {
            Optional<Unit> competent = units.findById(form.competentUnitId());
            if (competent.isEmpty()) {
                problems.add(FieldProblem.of("competentSearch", "unit.competent.unknown"));
            } else if (!competent.get().isVerified()) {
                problems.add(FieldProblem.of("competentSearch", "unit.competent.unverified"));
            }
        }
        Formats.personName(form.contactPerson()).ifPresent(key -> problems.add(FieldProblem.of("contactPerson", key)));
        Formats.phone(form.phone()).ifPresent(key -> problems.add(FieldProblem.of("phone", key)));
        accounts.passwordProblem(form.password(), form.passwordConfirmation(), form.creditCode())
                .ifPresent(problems::add);
        return problems;
    }

    /**
     * Creates the unit and its login after the unit confirmed the data. Checks everything again; a credit code
     * registered meanwhile by a concurrent request is refused at the field and nothing is stored.
     */
    @Transactional
    public Unit register(UnitRegistration form) {
        List<FieldProblem> problems = check(form);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String code = CreditCode.of(form.creditCode()).value();
        String name = form.name().strip();
        try {
            long accountId = accounts.create(PortalAccountKind.UNIT, code, name, form.password());
            return units.saveAndFlush(new Unit(
                    accountId,
                    code,
                    name,
                    form.regionCode(),
                    form.unitType(),
                    form.competentUnitId(),
                    form.contactPerson().strip(),
                    form.phone().strip(),
                    clock.instant()));
        } catch (DataIntegrityViolationException e) {
            // a concurrent registration took the name or the credit code first: the index says which
            boolean nameTaken = String.valueOf(e.getMostSpecificCause().getMessage())
                    .toLowerCase(java.util.Locale.ROOT)
                    .contains("uk_unit_name_key");
            throw new InvalidInputException(
                    nameTaken
                            ? FieldProblem.of("name", NAME_TAKEN)
                            : FieldProblem.of("creditCode", "creditcode.taken"));
        }
    }

    @Transactional(readOnly = true)
    public Unit ofAccount(long accountId) {
        return units.findByAccountId(accountId).orElseThrow();
    }

    /** The unit behind a portal account, if the account is a unit's. */
    @Transactional(readOnly = true)
    public Optional<Unit> findOfAccount(long accountId) {
        return units.findByAccountId(accountId);
    }

    @Transactional(readOnly = true)
    public Optional<Unit> find(long unitId) {
        return units.findById(unitId);
    }

    /** The only change a unit may make to its registered data: contact person and phone. */
    @Transactional
    public void changeContact(long accountId, String contactPerson, String phone) {
        List<FieldProblem> problems = new ArrayList<>();
        Formats.personName(contactPerson).ifPresent(key -> problems.add(FieldProblem.of("contactPerson", key)));
        Formats.phone(phone).ifPresent(key -> problems.add(FieldProblem.of("phone", key)));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        units.findByAccountId(accountId).orElseThrow().changeContact(contactPerson.strip(), phone.strip());
    }
}

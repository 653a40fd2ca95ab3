package cn.hrss.zcrd.account;

import cn.hrss.zcrd.account.internal.Applicant;
import cn.hrss.zcrd.account.internal.ApplicantRepository;
import cn.hrss.zcrd.shared.BusinessTime;
import cn.hrss.zcrd.shared.FieldProblem;
import cn.hrss.zcrd.shared.Formats;
import cn.hrss.zcrd.shared.IdNumber;
import cn.hrss.zcrd.shared.InvalidInputException;
import cn.hrss.zcrd.shared.PrintableText;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Individual registration (个人注册) and the individual's own data. */
@Service
public class Applicants {

    private final ApplicantRepository applicants;
    private final PortalAccounts accounts;
    private final PrintableText printable;
    private final BusinessTime time;

    /** The youngest age at which a person may register: the minimum working age of the Labour Law (§15). */
    static final int MIN_AGE = 16;

    Applicants(ApplicantRepository applicants, PortalAccounts accounts, PrintableText printable, BusinessTime time) {
        this.applicants = applicants;
        this.accounts = accounts;
        this.printable = printable;
        this.time = time;
    }

    /** Every problem of a registration form, each at its field; empty when it may be confirmed. */
    @Transactional(readOnly = true)
    public List<FieldProblem> check(PersonRegistration form) {
        List<FieldProblem> problems = new ArrayList<>();
        Optional<String> nameProblem = Formats.personName(form.name());
        if (nameProblem.isPresent()) {
            problems.add(FieldProblem.of("name", nameProblem.get()));
        } else {
            // a rare character the certificate font cannot draw would print as an empty box on the certificate
            printable.problem("name", form.name().strip()).ifPresent(problems::add);
        }
        Optional<IdNumber.Problem> idProblem = IdNumber.problem(form.idNumber(), today());
        if (idProblem.isPresent()) {
            problems.add(FieldProblem.of(
                    "idNumber",
                    Formats.isBlank(form.idNumber())
                            ? "field.required"
                            : idProblem.get().messageKey()));
        } else if (IdNumber.of(form.idNumber(), today())
                .birthDate()
                .plusYears(MIN_AGE)
                .isAfter(today())) {
            problems.add(FieldProblem.of("idNumber", "idnumber.too-young"));
        } else if (applicants.existsByIdNumber(
                IdNumber.of(form.idNumber(), today()).value())) {
            problems.add(FieldProblem.of("idNumber", "idnumber.taken"));
        }
        Formats.mobile(form.mobile()).ifPresent(key -> problems.add(FieldProblem.of("mobile", key)));
        Formats.email(form.email()).ifPresent(key -> problems.add(FieldProblem.of("email", key)));
        accounts.passwordProblem(form.password(), form.passwordConfirmation(), form.idNumber())
                .ifPresent(problems::add);
        return problems;
    }

    /** What the confirmation step shows: the data as it will be stored, with birth date and sex derived. */
    public RegistrationPreview preview(PersonRegistration form) {
        IdNumber id = IdNumber.of(form.idNumber(), today());
        return new RegistrationPreview(
                form.name().strip(),
                id.value(),
                id.birthDate(),
                id.sex(),
                form.mobile().strip(),
                form.email().strip());
    }

    /**
     * Creates the account after the applicant confirmed the data. Checks everything again; a duplicate ID
     * number — also one registered a moment ago by a concurrent request — is refused at the field.
     */
    @Transactional
    public ApplicantDetails register(PersonRegistration form) {
        List<FieldProblem> problems = check(form);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        RegistrationPreview data = preview(form);
        try {
            long accountId = accounts.create(PortalAccountKind.PERSON, data.idNumber(), data.name(), form.password());
            return applicants
                    .saveAndFlush(new Applicant(
                            accountId,
                            data.idNumber(),
                            data.name(),
                            data.birthDate(),
                            data.sex(),
                            data.mobile(),
                            data.email(),
                            time.clock().instant()))
                    .details();
        } catch (DataIntegrityViolationException e) {
            throw new InvalidInputException(FieldProblem.of("idNumber", "idnumber.taken"));
        }
    }

    @Transactional(readOnly = true)
    public ApplicantDetails ofAccount(long accountId) {
        return applicants.findByAccountId(accountId).orElseThrow().details();
    }

    /** The only change an applicant may make to the registered data: mobile and e-mail. */
    @Transactional
    public void changeContact(long accountId, String mobile, String email) {
        List<FieldProblem> problems = new ArrayList<>();
        Formats.mobile(mobile).ifPresent(key -> problems.add(FieldProblem.of("mobile", key)));
        Formats.email(email).ifPresent(key -> problems.add(FieldProblem.of("email", key)));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        applicants.findByAccountId(accountId).orElseThrow().changeContact(mobile.strip(), email.strip());
    }

    private LocalDate today() {
        return time.today();
    }

    /** The registration data as it will be stored. */
    public record RegistrationPreview(
            String name, String idNumber, LocalDate birthDate, cn.hrss.zcrd.shared.Sex sex, String mobile, String email)
            implements Serializable {}
}

package cn.hrss.zcrd.account;

import cn.hrss.zcrd.account.internal.BackOfficeAccountRepository;
import cn.hrss.zcrd.account.internal.PasswordPolicy;
import cn.hrss.zcrd.account.internal.SecretSealer;
import cn.hrss.zcrd.account.internal.TotpCodes;
import cn.hrss.zcrd.shared.FieldProblem;
import cn.hrss.zcrd.shared.InvalidInputException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A back-office user's own credentials for the password fallback: the password they choose (first login or later)
 * and the TOTP authenticator they enrol (RFC 6238; the secret sealed in the database by {@link SecretSealer}).
 * Trusted, low-level API like {@link BackOfficeAccounts}: it checks input, not who calls.
 */
@Service
public class BackOfficeCredentials {

    private final BackOfficeAccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final BackOfficeProperties properties;
    private final SecretSealer sealer;
    private final TotpCodes totp;
    private final Clock clock;

    BackOfficeCredentials(
            BackOfficeAccountRepository accounts,
            PasswordEncoder passwordEncoder,
            BackOfficeProperties properties,
            SecretSealer sealer,
            TotpCodes totp,
            Clock clock) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.properties = properties;
        this.sealer = sealer;
        this.totp = totp;
        this.clock = clock;
    }

    /**
     * The user's own new password (first login or later).
     *
     * @throws InvalidInputException when it breaks the password policy (field {@code password})
     */
    @Transactional
    public void changeOwnPassword(long accountId, String password, String confirmation) {
        BackOfficeAccount account = accounts.require(accountId);
        Optional<FieldProblem> problem =
                PasswordPolicy.check("password", password, confirmation, account.getUsername());
        if (problem.isPresent()) {
            throw new InvalidInputException(problem.get());
        }
        if (account.getPasswordHash() != null && passwordEncoder.matches(password, account.getPasswordHash())) {
            throw new InvalidInputException(FieldProblem.of("password", "backoffice.setup.password.same"));
        }
        account.ownPassword(passwordEncoder.encode(password), clock.instant());
    }

    /** A fresh secret to enrol (kept by the page until confirmed; nothing stored yet). */
    public TotpEnrolment newTotpEnrolment(long accountId) {
        BackOfficeAccount account = accounts.require(accountId);
        byte[] secret = TotpCodes.newSecret();
        return new TotpEnrolment(
                TotpCodes.base32(secret), TotpCodes.uri(properties.totpIssuer(), account.getUsername(), secret));
    }

    /**
     * Stores the enrolled secret when {@code code} is a current code of it; that code's time step counts as used.
     *
     * @throws InvalidInputException (field {@code code}) when the code does not fit
     */
    @Transactional
    public void confirmTotp(long accountId, TotpEnrolment enrolment, String code) {
        BackOfficeAccount account = accounts.require(accountId);
        byte[] secret = TotpCodes.fromBase32(enrolment.secret());
        OptionalLong step = totp.matchingStep(secret, code);
        if (step.isEmpty()) {
            throw new InvalidInputException(FieldProblem.of("code", "backoffice.setup.totp.wrong"));
        }
        account.totp(sealer.seal(secret, account.getId()), step.getAsLong(), clock.instant());
    }

    /**
     * Finishes the set-up of a fallback session: the own password (required when a one-time password was used)
     * and the TOTP enrolment, both checked before anything is stored. Returns the signed-in user the session
     * continues as (no longer in set-up).
     *
     * @throws InvalidInputException for a weak or repeated password (field {@code password}) or a wrong code
     *                               (field {@code code}); nothing is stored
     */
    @Transactional
    public BackOfficeUser completeSetup(
            long accountId, String password, String confirmation, TotpEnrolment enrolment, String code) {
        BackOfficeAccount account = accounts.require(accountId);
        List<FieldProblem> problems = new ArrayList<>();
        if (account.isPasswordChangeRequired()) {
            PasswordPolicy.check("password", password, confirmation, account.getUsername())
                    .ifPresent(problems::add);
            if (problems.isEmpty() && passwordEncoder.matches(password, account.getPasswordHash())) {
                problems.add(FieldProblem.of("password", "backoffice.setup.password.same"));
            }
        }
        byte[] secret = TotpCodes.fromBase32(enrolment.secret());
        OptionalLong step = totp.matchingStep(secret, code);
        if (step.isEmpty()) {
            problems.add(FieldProblem.of("code", "backoffice.setup.totp.wrong"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (account.isPasswordChangeRequired()) {
            account.ownPassword(passwordEncoder.encode(password), clock.instant());
        }
        account.totp(sealer.seal(secret, account.getId()), step.getAsLong(), clock.instant());
        return new BackOfficeUser(account, AuthenticationMethod.PASSWORD, null, false);
    }

    /** Installs a known TOTP secret (Base32) without a code: provisioning (dev admin, tests) only. */
    @Transactional
    public void installTotp(long accountId, String base32Secret) {
        BackOfficeAccount account = accounts.require(accountId);
        byte[] secret = TotpCodes.fromBase32(base32Secret);
        account.totp(sealer.seal(secret, account.getId()), totp.currentStep() - 2, clock.instant());
    }
}

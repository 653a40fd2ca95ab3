package cn.hrss.zcrd.account;

import cn.hrss.zcrd.account.internal.BackOfficeAccountRepository;
import cn.hrss.zcrd.account.internal.LoginGuard;
import cn.hrss.zcrd.account.internal.PasswordPolicy;
import cn.hrss.zcrd.account.internal.SecretSealer;
import cn.hrss.zcrd.account.internal.TotpCodes;
import cn.hrss.zcrd.account.internal.UkeyBindingRepository;
import cn.hrss.zcrd.catalog.Regions;
import cn.hrss.zcrd.shared.FieldProblem;
import cn.hrss.zcrd.shared.InvalidInputException;
import cn.hrss.zcrd.shared.NotFoundException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.userdetails.AuthenticationUserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Back-office accounts, their UKEY bindings, and how a login (UKEY, or password + TOTP) finds its account.
 *
 * <p>This is the trusted, low-level API (used by the administration pages, the ops commands and tests); it checks
 * input but not who calls. The back-office pages go through the {@code backoffice} module, which checks the
 * signed-in admin with {@link BackOfficeGuard} and records every change on the audit trail.
 */
@Service
public class BackOfficeAccounts {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{2,63}");
    private static final String OTP_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
    private static final int OTP_LENGTH = 14;
    private static final int MAX_SEARCH = 500;

    private final BackOfficeAccountRepository accounts;
    private final UkeyBindingRepository bindings;
    private final PasswordEncoder passwordEncoder;
    private final Regions regions;
    private final BackOfficeProperties properties;
    private final SecretSealer sealer;
    private final TotpCodes totp;
    private final BackOfficePasswordLogin passwordLogin;
    private final LoginGuard guard;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    BackOfficeAccounts(
            BackOfficeAccountRepository accounts,
            UkeyBindingRepository bindings,
            PasswordEncoder passwordEncoder,
            Regions regions,
            BackOfficeProperties properties,
            LoginGuard guard,
            TotpCodes totp,
            Clock clock) {
        this.accounts = accounts;
        this.totp = totp;
        this.bindings = bindings;
        this.passwordEncoder = passwordEncoder;
        this.regions = regions;
        this.properties = properties;
        this.sealer = SecretSealer.fromKeyFile(properties.totpKeyFile());
        this.clock = clock;
        this.guard = guard;
        this.passwordLogin = new BackOfficePasswordLogin(accounts, guard, passwordEncoder, sealer, totp, clock);
    }

    // ------------------------------------------------------------------------------------------- accounts

    /**
     * An account whose password (if any) is its own — for provisioning and tests. Bureau roles belong to the
     * province until given a region. Without TOTP enrolled, a password login still lands in set-up.
     */
    @Transactional
    public BackOfficeAccount create(String username, String displayName, BackOfficeRole role, String rawPassword) {
        BackOfficeAccount account = new BackOfficeAccount(
                username,
                displayName,
                role,
                rawPassword == null ? null : passwordEncoder.encode(rawPassword),
                clock.instant());
        if (role != BackOfficeRole.UNIT_OPERATOR) {
            account.scope(regions.province().code(), null);
        }
        return accounts.save(account);
    }

    /** Checks {@code form} the way {@link #create(NewBackOfficeAccount)} does; empty when it is acceptable. */
    @Transactional(readOnly = true)
    public List<FieldProblem> check(NewBackOfficeAccount form, boolean creating) {
        List<FieldProblem> problems = new ArrayList<>();
        if (creating) {
            if (form.username() == null || form.username().isBlank()) {
                problems.add(FieldProblem.of("username", "field.required"));
            } else if (!USERNAME.matcher(form.username().strip()).matches()) {
                problems.add(FieldProblem.of("username", "backoffice.account.username.invalid"));
            } else if (accounts.findByUsername(form.username().strip()).isPresent()) {
                problems.add(FieldProblem.of("username", "backoffice.account.username.taken"));
            }
        }
        if (form.displayName() == null || form.displayName().isBlank()) {
            problems.add(FieldProblem.of("displayName", "field.required"));
        } else if (form.displayName().strip().length() > 100) {
            problems.add(FieldProblem.of("displayName", "backoffice.account.display-name.too-long", 100));
        }
        if (form.role() == null) {
            problems.add(FieldProblem.of("role", "field.required"));
        }
        if (form.role() == BackOfficeRole.UNIT_OPERATOR) {
            // an operator's region is their unit's
            if (form.unitId() == null) {
                problems.add(FieldProblem.of("unit", "backoffice.account.unit.required"));
            }
        } else {
            regions.choiceProblem(form.regionCode()).ifPresent(key -> problems.add(FieldProblem.of("region", key)));
        }
        return problems;
    }

    /**
     * Creates an account from the admin's form; with the password fallback it gets a one-time password, valid for
     * {@link BackOfficeProperties#oneTimePasswordValidity()}, to be replaced at the first login.
     *
     * @return the account and its one-time password (shown once, never stored in clear), or null without fallback
     * @throws InvalidInputException when the form has problems; nothing is stored
     */
    @Transactional
    public CreatedAccount create(NewBackOfficeAccount form) {
        List<FieldProblem> problems = check(form, true);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Instant now = clock.instant();
        BackOfficeAccount account = new BackOfficeAccount(
                form.username().strip(), form.displayName().strip(), form.role(), null, now);
        account.scope(form.regionCode(), form.role() == BackOfficeRole.UNIT_OPERATOR ? form.unitId() : null);
        String oneTimePassword = null;
        if (form.passwordFallback()) {
            oneTimePassword = oneTimePassword();
            account.oneTimePassword(
                    passwordEncoder.encode(oneTimePassword), now.plus(properties.oneTimePasswordValidity()), now);
        }
        return new CreatedAccount(accounts.save(account), oneTimePassword);
    }

    /** An account just created (or reset) and its one-time password, or null. */
    public record CreatedAccount(BackOfficeAccount account, String oneTimePassword) {

        @Override
        public String toString() {
            return "CreatedAccount[" + account.getUsername() + "]";
        }
    }

    /**
     * New name, role and scope; the account's open sessions end (their rights may have changed). A change of role,
     * unit or region also suspends its UKEY bindings until a system admin {@link #confirmBinding confirms} them.
     */
    @Transactional
    public BackOfficeAccount update(long accountId, NewBackOfficeAccount form) {
        List<FieldProblem> problems = check(form, false);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        BackOfficeAccount account = get(accountId);
        Long newUnit = form.role() == BackOfficeRole.UNIT_OPERATOR ? form.unitId() : null;
        boolean rightsChange = account.getRole() != form.role()
                || !Objects.equals(account.getRegionCode(), form.regionCode())
                || !Objects.equals(account.getUnitId(), newUnit);
        if (rightsChange) {
            Instant now = clock.instant();
            bindings.findByAccountId(accountId).forEach(binding -> binding.suspend(now));
        }
        account.assign(
                form.displayName().strip(),
                form.role(),
                form.regionCode(),
                form.role() == BackOfficeRole.UNIT_OPERATOR ? form.unitId() : null,
                clock.instant());
        return account;
    }

    /** Disables or enables; either way every open session of the account ends at its next request. */
    @Transactional
    public BackOfficeAccount setEnabled(long accountId, boolean enabled) {
        BackOfficeAccount account = get(accountId);
        account.enable(enabled, clock.instant());
        return account;
    }

    /** A new one-time password; the authenticator must be enrolled again; open sessions end. */
    @Transactional
    public String resetFallback(long accountId) {
        BackOfficeAccount account = get(accountId);
        Instant now = clock.instant();
        String oneTimePassword = oneTimePassword();
        account.oneTimePassword(
                passwordEncoder.encode(oneTimePassword), now.plus(properties.oneTimePasswordValidity()), now);
        return oneTimePassword;
    }

    /** UKEY only from now on: no password, no authenticator; open sessions end. */
    @Transactional
    public void removeFallback(long accountId) {
        get(accountId).noPassword(clock.instant());
    }

    @Transactional(readOnly = true)
    public Optional<BackOfficeAccount> find(long accountId) {
        return accounts.findById(accountId);
    }

    @Transactional(readOnly = true)
    public Optional<BackOfficeAccount> findByUsername(String username) {
        return accounts.findByUsername(username);
    }

    /**
     * Accounts whose region is one of {@code regionCodes} (a scope, see {@code Regions.codesWithin}), optionally
     * only those whose username or name contains {@code text}; at most 500, by username.
     */
    @Transactional(readOnly = true)
    public List<BackOfficeAccount> search(Collection<String> regionCodes, String text) {
        if (regionCodes.isEmpty()) {
            return List.of();
        }
        String pattern = text == null || text.isBlank()
                ? null
                : "%" + text.strip().toLowerCase(Locale.ROOT).replace("%", "").replace("_", "") + "%";
        return accounts.search(regionCodes, pattern, PageRequest.of(0, MAX_SEARCH));
    }

    /** The operator accounts of an issuing unit (发证单位操作员), oldest first; empty when it has none. */
    @Transactional(readOnly = true)
    public List<BackOfficeAccount> operatorsOf(long unitId) {
        return accounts.findByUnitIdOrderByIdAsc(unitId);
    }

    /**
     * 待发放UKEY: enabled accounts whose region is one of {@code regionCodes} and that hold no UKEY (every binding
     * revoked, or none), oldest first; at most 500.
     */
    @Transactional(readOnly = true)
    public List<BackOfficeAccount> awaitingUkey(Collection<String> regionCodes) {
        return regionCodes.isEmpty() ? List.of() : accounts.withoutUkey(regionCodes, PageRequest.of(0, MAX_SEARCH));
    }

    /**
     * Where an issuing unit's back-office access stands, for its portal page: no operator account yet, an account
     * waiting for its UKEY, or an account holding one (valid until its certificate's end).
     */
    @Transactional(readOnly = true)
    public UnitOperatorUkey operatorUkey(long unitId) {
        List<BackOfficeAccount> operators = accounts.findByUnitIdOrderByIdAsc(unitId).stream()
                .filter(BackOfficeAccount::isEnabled)
                .toList();
        if (operators.isEmpty()) {
            return new UnitOperatorUkey(null, UnitOperatorUkey.State.NO_ACCOUNT, null);
        }
        for (BackOfficeAccount operator : operators) {
            Optional<UkeyBinding> held = bindings.findByAccountNewestFirst(operator.getId()).stream()
                    .filter(b -> !b.isRevoked())
                    .findFirst();
            if (held.isPresent()) {
                return new UnitOperatorUkey(
                        operator.getUsername(),
                        UnitOperatorUkey.State.ISSUED,
                        held.get().getNotAfter());
            }
        }
        return new UnitOperatorUkey(operators.get(0).getUsername(), UnitOperatorUkey.State.AWAITING_UKEY, null);
    }

    // ------------------------------------------------------------------------------- own password + TOTP

    /**
     * The user's own new password (first login or later).
     *
     * @throws InvalidInputException when it breaks the password policy (field {@code password})
     */
    @Transactional
    public void changeOwnPassword(long accountId, String password, String confirmation) {
        BackOfficeAccount account = get(accountId);
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
        BackOfficeAccount account = get(accountId);
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
        BackOfficeAccount account = get(accountId);
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
        BackOfficeAccount account = get(accountId);
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
        BackOfficeAccount account = get(accountId);
        byte[] secret = TotpCodes.fromBase32(base32Secret);
        account.totp(sealer.seal(secret, account.getId()), totp.currentStep() - 2, clock.instant());
    }

    // -------------------------------------------------------------------------------------- UKEY bindings

    @Transactional
    public UkeyBinding bindUkey(long accountId, X509Certificate certificate) {
        return bindUkey(accountId, certificate, UkeyIssuance.BOUND, null);
    }

    @Transactional
    public UkeyBinding bindUkey(long accountId, X509Certificate certificate, UkeyIssuance issuance, String tokenLabel) {
        BackOfficeAccount account = get(accountId);
        return bindings.save(
                new UkeyBinding(account, CertificateIdentity.of(certificate), issuance, tokenLabel, clock.instant()));
    }

    /**
     * Marks the binding revoked: from now on its certificate logs nobody in and its open sessions end at their next
     * request. (Publishing the certificate on the CA's CRL is the caller's part.)
     *
     * @return the binding, or empty when there is none with this id
     */
    @Transactional
    public Optional<UkeyBinding> revokeBinding(long bindingId, String reason) {
        Optional<UkeyBinding> binding = bindings.findWithAccount(bindingId);
        binding.filter(b -> !b.isRevoked()).ifPresent(b -> b.revoke(reason, clock.instant()));
        return binding;
    }

    /**
     * Lifts the suspension of a binding (after its account's role, unit or region changed): its UKEY logs in again.
     *
     * @return the binding, or empty when there is none with this id
     */
    @Transactional
    public Optional<UkeyBinding> confirmBinding(long bindingId) {
        Optional<UkeyBinding> binding = bindings.findWithAccount(bindingId);
        binding.filter(UkeyBinding::isSuspended).ifPresent(UkeyBinding::confirm);
        return binding;
    }

    @Transactional(readOnly = true)
    public Optional<UkeyBinding> findBinding(long bindingId) {
        return bindings.findWithAccount(bindingId);
    }

    @Transactional(readOnly = true)
    public List<UkeyBinding> bindingsOf(long accountId) {
        return bindings.findByAccountNewestFirst(accountId);
    }

    /** Every revoked binding (what the UKEY CA's CRL must list). */
    @Transactional(readOnly = true)
    public List<UkeyBinding> revokedBindings() {
        return bindings.findRevoked();
    }

    @Transactional(readOnly = true)
    public boolean isBound(X509Certificate certificate) {
        return bindings.findByFingerprint(CertificateIdentity.fingerprint(certificate))
                .isPresent();
    }

    // ----------------------------------------------------------------------------------------- sessions

    /**
     * Whether an open session may go on: the account still exists, is enabled, its session stamp is unchanged
     * (no disable, role, scope or password reset since the login) and, for a UKEY session, its binding is not
     * revoked or suspended. One primary-key lookup (two for UKEY sessions).
     */
    @Transactional(readOnly = true)
    public boolean sessionStillValid(BackOfficeUser user) {
        List<Object[]> state = accounts.sessionState(user.getAccountId());
        if (state.isEmpty()
                || !Boolean.TRUE.equals(state.get(0)[0])
                || ((Number) state.get(0)[1]).longValue() != user.sessionStamp()) {
            return false;
        }
        return user.bindingId() == null || bindings.isActive(user.bindingId());
    }

    /** Whether the next fallback login of this username must carry a solved captcha (the login page shows it). */
    public boolean captchaRequired(String username) {
        String name = username == null ? "" : username.strip();
        return !name.isEmpty()
                && name.length() <= 64
                && guard.captchaRequired(BackOfficePasswordLogin.ATTEMPT_KIND, name);
    }

    /** The fallback login provider for the back office's password chain (password + TOTP code). */
    public AuthenticationProvider passwordLogin() {
        return passwordLogin;
    }

    /**
     * UKEY login on the mutual-TLS port: the principal is the client certificate's SHA-256 fingerprint (see
     * {@link CertificateIdentity#fingerprint}); only an exact, unrevoked binding of an enabled account is accepted; a suspended one is refused with
     * {@link UkeySuspendedException}.
     */
    public AuthenticationUserDetailsService<PreAuthenticatedAuthenticationToken> ukeyLogins() {
        return token -> {
            UkeyBinding binding = bindings.findByFingerprint(String.valueOf(token.getPrincipal()))
                    .filter(b -> !b.isRevoked())
                    .orElseThrow(() -> new UsernameNotFoundException("certificate bound to no account"));
            if (binding.isSuspended()) {
                throw new UkeySuspendedException();
            }
            return new BackOfficeUser(binding.getAccount(), AuthenticationMethod.UKEY, binding.getId(), false);
        };
    }

    private BackOfficeAccount get(long accountId) {
        return accounts.findById(accountId).orElseThrow(() -> new NotFoundException("back-office account"));
    }

    private String oneTimePassword() {
        StringBuilder password = new StringBuilder(OTP_LENGTH);
        do {
            password.setLength(0);
            for (int i = 0; i < OTP_LENGTH; i++) {
                password.append(OTP_ALPHABET.charAt(random.nextInt(OTP_ALPHABET.length())));
            }
        } while (password.chars().noneMatch(Character::isDigit)
                || password.chars().noneMatch(Character::isLetter));
        return password.toString();
    }
}

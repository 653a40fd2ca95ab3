package cn.hrss.zcrd.account;

import cn.hrss.zcrd.account.internal.BackOfficeAccountRepository;
import cn.hrss.zcrd.account.internal.UkeyBindingRepository;
import cn.hrss.zcrd.catalog.Regions;
import cn.hrss.zcrd.shared.FieldProblem;
import cn.hrss.zcrd.shared.InvalidInputException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Back-office accounts: create (with a one-time password for the fallback), change role and scope, disable, reset or
 * remove the fallback, find and list them. A user's own password and authenticator are {@link BackOfficeCredentials},
 * UKEY bindings {@link UkeyBindings}, the logins and the sessions' check {@link BackOfficeAuthentication}.
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
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    BackOfficeAccounts(
            BackOfficeAccountRepository accounts,
            UkeyBindingRepository bindings,
            PasswordEncoder passwordEncoder,
            Regions regions,
            BackOfficeProperties properties,
            Clock clock) {
        this.accounts = accounts;
        this.bindings = bindings;
        this.passwordEncoder = passwordEncoder;
        this.regions = regions;
        this.properties = properties;
        this.clock = clock;
    }

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
     * unit or region also suspends its UKEY bindings until a system admin {@link UkeyBindings#confirmBinding confirms}
     * them.
     */
    @Transactional
    public BackOfficeAccount update(long accountId, NewBackOfficeAccount form) {
        List<FieldProblem> problems = check(form, false);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        BackOfficeAccount account = accounts.require(accountId);
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
        BackOfficeAccount account = accounts.require(accountId);
        account.enable(enabled, clock.instant());
        return account;
    }

    /** A new one-time password; the authenticator must be enrolled again; open sessions end. */
    @Transactional
    public String resetFallback(long accountId) {
        BackOfficeAccount account = accounts.require(accountId);
        Instant now = clock.instant();
        String oneTimePassword = oneTimePassword();
        account.oneTimePassword(
                passwordEncoder.encode(oneTimePassword), now.plus(properties.oneTimePasswordValidity()), now);
        return oneTimePassword;
    }

    /** UKEY only from now on: no password, no authenticator; open sessions end. */
    @Transactional
    public void removeFallback(long accountId) {
        accounts.require(accountId).noPassword(clock.instant());
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

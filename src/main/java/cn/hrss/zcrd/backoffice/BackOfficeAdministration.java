package cn.hrss.zcrd.backoffice;

import cn.hrss.zcrd.account.BackOfficeAccount;
import cn.hrss.zcrd.account.BackOfficeAccounts;
import cn.hrss.zcrd.account.BackOfficeAccounts.CreatedAccount;
import cn.hrss.zcrd.account.BackOfficeAction;
import cn.hrss.zcrd.account.BackOfficeGuard;
import cn.hrss.zcrd.account.BackOfficeRole;
import cn.hrss.zcrd.account.BackOfficeUser;
import cn.hrss.zcrd.account.NewBackOfficeAccount;
import cn.hrss.zcrd.approval.ApprovalHandler;
import cn.hrss.zcrd.approval.ApprovalKind;
import cn.hrss.zcrd.approval.ApprovalRequest;
import cn.hrss.zcrd.approval.ApprovalTarget;
import cn.hrss.zcrd.approval.Approvals;
import cn.hrss.zcrd.audit.AuditEntry;
import cn.hrss.zcrd.audit.AuditTrail;
import cn.hrss.zcrd.catalog.Regions;
import cn.hrss.zcrd.shared.FieldProblem;
import cn.hrss.zcrd.shared.InvalidInputException;
import cn.hrss.zcrd.shared.NotFoundException;
import cn.hrss.zcrd.unit.UnitDirectory;
import cn.hrss.zcrd.unit.UnitSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 系统管理 → 后台用户: a system admin manages the back-office accounts of their region (a city bureau's admin: that
 * city; the province's: all). Bureau staff belong to a region that has a bureau; an issuing-unit operator belongs
 * to one unit (and so to the unit's region). Every action is checked here ({@link BackOfficeGuard}) and recorded on
 * the audit trail; an admin cannot disable or change their own account (so nobody locks the last admin out).
 * Creating a system admin is under the four-eyes rule ({@link ApprovalKind#CREATE_ADMIN}, on by default): the form
 * becomes a request that a second system admin covering the region approves; the account is made then. Raising
 * an existing account to system admin likewise ({@link ApprovalKind#ELEVATE_ADMIN}, carried out by
 * {@link AdminElevations}).
 */
@Service
public class BackOfficeAdministration implements ApprovalHandler {

    static final String ACCOUNT_CREATED = "BACKOFFICE_ACCOUNT_CREATED";
    static final String ACCOUNT_UPDATED = "BACKOFFICE_ACCOUNT_UPDATED";
    static final String ACCOUNT_DISABLED = "BACKOFFICE_ACCOUNT_DISABLED";
    static final String ACCOUNT_ENABLED = "BACKOFFICE_ACCOUNT_ENABLED";
    static final String FALLBACK_RESET = "BACKOFFICE_FALLBACK_RESET";
    static final String FALLBACK_REMOVED = "BACKOFFICE_FALLBACK_REMOVED";

    private final BackOfficeAccounts accounts;
    private final BackOfficeGuard guard;
    private final Regions regions;
    private final UnitDirectory units;
    private final AuditTrail trail;
    private final TransactionTemplate transaction;
    private final Approvals approvals;

    BackOfficeAdministration(
            BackOfficeAccounts accounts,
            BackOfficeGuard guard,
            Regions regions,
            UnitDirectory units,
            AuditTrail trail,
            PlatformTransactionManager transactions,
            Approvals approvals) {
        this.accounts = accounts;
        this.guard = guard;
        this.regions = regions;
        this.units = units;
        this.trail = trail;
        this.transaction = new TransactionTemplate(transactions);
        this.approvals = approvals;
    }

    /** Accounts of the admin's region whose username or name contains {@code text} (blank: all). */
    public List<BackOfficeAccount> search(String text) {
        BackOfficeUser admin = guard.require(BackOfficeAction.VIEW_ACCOUNTS);
        return accounts.search(admin.regionCode() == null ? List.of() : regions.codesWithin(admin.regionCode()), text);
    }

    /** One account of the admin's region. */
    public BackOfficeAccount account(long accountId) {
        return inScope(BackOfficeAction.VIEW_ACCOUNTS, accountId);
    }

    /** The unit of an operator account, for display. */
    public Optional<UnitSummary> unit(Long unitId) {
        return unitId == null ? Optional.empty() : units.find(unitId);
    }

    /**
     * Creates an account in the admin's region, or, for a system admin where a second person is required, stores
     * the request (the reason is then required, field {@code reason}).
     *
     * @return the account and, with the password fallback, its one-time password (to hand over once); or the request
     * @throws InvalidInputException for problems with the form; nothing is stored
     * @throws cn.hrss.zcrd.shared.RefusedException {@code approval.already-pending} for a username already asked for
     */
    public Creation create(NewBackOfficeAccount form, String reason) {
        guard.require(BackOfficeAction.MANAGE_ACCOUNTS);
        NewBackOfficeAccount scoped = scoped(form);
        if (scoped.role() != BackOfficeRole.SYSTEM_ADMIN || !approvals.required(ApprovalKind.CREATE_ADMIN)) {
            return new Creation(createNow(scoped, null), null);
        }
        List<FieldProblem> problems = new ArrayList<>(accounts.check(scoped, true));
        if (reason == null || reason.isBlank()) {
            problems.add(FieldProblem.of("reason", "approval.reason.required"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String username = scoped.username().strip();
        return new Creation(
                null,
                approvals.request(
                        ApprovalKind.CREATE_ADMIN,
                        ApprovalTarget.inRegion(
                                "NEW_BACKOFFICE_ACCOUNT",
                                ApprovalTarget.keyOf(username),
                                scoped.regionCode(),
                                username + " " + scoped.displayName().strip() + " @"
                                        + regions.displayPath(scoped.regionCode()),
                                ApprovalTarget.parameters(
                                        "username", username,
                                        "displayName", scoped.displayName().strip(),
                                        "region", scoped.regionCode(),
                                        "fallback", scoped.passwordFallback())),
                        reason));
    }

    /** {@link #create(NewBackOfficeAccount, String)} without a reason (enough for any role but a system admin). */
    public Creation create(NewBackOfficeAccount form) {
        return create(form, null);
    }

    /** The account made at once, or the four-eyes request stored instead (exactly one is set). */
    public record Creation(CreatedAccount created, ApprovalRequest requested) {}

    @Override
    public ApprovalKind kind() {
        return ApprovalKind.CREATE_ADMIN;
    }

    /** A new system admin a second admin approved: made as them (their scope), the one-time password to hand over. */
    @Override
    public String execute(ApprovalRequest request) {
        guard.require(BackOfficeAction.MANAGE_ACCOUNTS);
        NewBackOfficeAccount form = scoped(new NewBackOfficeAccount(
                request.parameter("username"),
                request.parameter("displayName"),
                BackOfficeRole.SYSTEM_ADMIN,
                request.parameter("region"),
                null,
                Boolean.parseBoolean(request.parameter("fallback"))));
        return createNow(form, request.auditNote()).oneTimePassword();
    }

    private CreatedAccount createNow(NewBackOfficeAccount scoped, String via) {
        return transaction.execute(status -> {
            CreatedAccount created = accounts.create(scoped);
            BackOfficeAccount account = created.account();
            trail.record(AuditEntry.action(ACCOUNT_CREATED)
                    .target("BACKOFFICE_ACCOUNT", account.getId())
                    .detail(describe(account) + "; fallback=" + (created.oneTimePassword() != null)
                            + (via == null ? "" : "; " + via))
                    .build());
            return created;
        });
    }

    /**
     * New name, role and scope; the account's open sessions end. Raising another role to system admin is under the
     * four-eyes rule ({@link ApprovalKind#ELEVATE_ADMIN}, on by default): it stores a request (the reason is then
     * required, field {@code reason}) and the role stays as it is until a second system admin approves.
     *
     * @return the account as changed, or the request (exactly one is set)
     * @throws cn.hrss.zcrd.shared.RefusedException {@code approval.already-pending} when an elevation waits already
     */
    public Change update(long accountId, NewBackOfficeAccount form, String reason) {
        BackOfficeAccount before = othersInScope(accountId);
        NewBackOfficeAccount scoped = scoped(form);
        if (scoped.role() != BackOfficeRole.SYSTEM_ADMIN
                || before.getRole() == BackOfficeRole.SYSTEM_ADMIN
                || !approvals.required(ApprovalKind.ELEVATE_ADMIN)) {
            return new Change(updateNow(accountId, before, scoped, null), null);
        }
        List<FieldProblem> problems = new ArrayList<>(accounts.check(scoped, false));
        if (reason == null || reason.isBlank()) {
            problems.add(FieldProblem.of("reason", "approval.reason.required"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Change(
                null,
                approvals.request(
                        ApprovalKind.ELEVATE_ADMIN,
                        ApprovalTarget.inRegion(
                                "BACKOFFICE_ACCOUNT",
                                accountId,
                                scoped.regionCode(),
                                before.getUsername() + " "
                                        + scoped.displayName().strip() + " → "
                                        + BackOfficeRole.SYSTEM_ADMIN + " @"
                                        + regions.displayPath(scoped.regionCode()),
                                ApprovalTarget.parameters(
                                        "displayName", scoped.displayName().strip(),
                                        "region", scoped.regionCode(),
                                        "fallback", scoped.passwordFallback())),
                        reason));
    }

    /** {@link #update(long, NewBackOfficeAccount, String)} without a reason (enough for anything but elevation). */
    public BackOfficeAccount update(long accountId, NewBackOfficeAccount form) {
        return update(accountId, form, null).updated();
    }

    /** The account changed at once, or the four-eyes request stored instead (exactly one is set). */
    public record Change(BackOfficeAccount updated, ApprovalRequest requested) {}

    /** An elevation a second admin approved: carried out as them, in their scope (not on their own account). */
    BackOfficeAccount elevate(ApprovalRequest request) {
        BackOfficeAccount before = othersInScope(request.targetId());
        NewBackOfficeAccount scoped = scoped(new NewBackOfficeAccount(
                before.getUsername(),
                request.parameter("displayName"),
                BackOfficeRole.SYSTEM_ADMIN,
                request.parameter("region"),
                null,
                Boolean.parseBoolean(request.parameter("fallback"))));
        return updateNow(request.targetId(), before, scoped, request.auditNote());
    }

    private BackOfficeAccount updateNow(
            long accountId, BackOfficeAccount account, NewBackOfficeAccount scoped, String via) {
        String before = describe(account); // now: in an approval's transaction the entity changes with the update
        return transaction.execute(status -> {
            BackOfficeAccount after = accounts.update(accountId, scoped);
            trail.record(AuditEntry.action(ACCOUNT_UPDATED)
                    .target("BACKOFFICE_ACCOUNT", accountId)
                    .detail("before: " + before + " | after: " + describe(after) + (via == null ? "" : "; " + via))
                    .build());
            return after;
        });
    }

    /** Disables (its sessions end at once) or enables an account. */
    public BackOfficeAccount setEnabled(long accountId, boolean enabled) {
        othersInScope(accountId);
        return recorded(
                enabled ? ACCOUNT_ENABLED : ACCOUNT_DISABLED,
                accountId,
                () -> accounts.setEnabled(accountId, enabled),
                null);
    }

    /** A new one-time password; the TOTP authenticator is enrolled again at the next login. */
    public String resetFallback(long accountId) {
        othersInScope(accountId);
        return recorded(FALLBACK_RESET, accountId, () -> accounts.resetFallback(accountId), null);
    }

    /** UKEY only from now on. */
    public void removeFallback(long accountId) {
        othersInScope(accountId);
        recorded(
                FALLBACK_REMOVED,
                accountId,
                () -> {
                    accounts.removeFallback(accountId);
                    return null;
                },
                null);
    }

    /** The scope as stored: a unit operator's region is their unit's; the region must lie in the admin's. */
    private NewBackOfficeAccount scoped(NewBackOfficeAccount form) {
        List<FieldProblem> problems = new ArrayList<>();
        String region = form.regionCode();
        Long unitId = null;
        if (form.role() == BackOfficeRole.UNIT_OPERATOR) {
            Optional<UnitSummary> unit = form.unitId() == null ? Optional.empty() : units.find(form.unitId());
            if (form.unitId() != null && unit.isEmpty()) {
                problems.add(FieldProblem.of("unit", "backoffice.account.unit.unknown"));
            } else if (unit.isPresent() && !units.isVerified(unit.get().id())) {
                // the picker offers verified units only; a crafted id of a pending unit is refused here
                problems.add(FieldProblem.of("unit", "backoffice.account.unit.unverified"));
                unit = Optional.empty();
            }
            if (unit.isPresent()) {
                region = unit.get().regionCode();
                unitId = unit.get().id();
            }
        } else if (region != null
                && !region.isBlank()
                && regions.find(region).isPresent()
                && regions.bureauOf(region)
                        .filter(bureau -> bureau.regionCode().equals(form.regionCode()))
                        .isEmpty()) {
            problems.add(FieldProblem.of("region", "backoffice.account.region.no-bureau"));
        }
        if (region != null
                && !region.isBlank()
                && regions.find(region).isPresent()
                && problems.isEmpty()
                && !guard.covers(region)) {
            problems.add(FieldProblem.of(
                    form.role() == BackOfficeRole.UNIT_OPERATOR ? "unit" : "region",
                    "backoffice.account.out-of-scope"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new NewBackOfficeAccount(
                form.username(), form.displayName(), form.role(), region, unitId, form.passwordFallback());
    }

    private BackOfficeAccount inScope(BackOfficeAction action, long accountId) {
        return inScope(guard, accounts, regions, action, accountId);
    }

    /**
     * The account, when the admin may do {@code action} and the account lies in the admin's region (an account
     * without a region is the province's); also for {@link UkeyLifecycle}.
     */
    static BackOfficeAccount inScope(
            BackOfficeGuard guard,
            BackOfficeAccounts accounts,
            Regions regions,
            BackOfficeAction action,
            long accountId) {
        guard.require(action);
        BackOfficeAccount account =
                accounts.find(accountId).orElseThrow(() -> new NotFoundException("back-office account"));
        guard.requireRegion(
                action,
                Optional.ofNullable(account.getRegionCode())
                        .orElse(regions.province().code()));
        return account;
    }

    /** An account in scope that is not the admin's own (nobody disables or demotes themselves). */
    private BackOfficeAccount othersInScope(long accountId) {
        BackOfficeAccount account = inScope(BackOfficeAction.MANAGE_ACCOUNTS, accountId);
        if (BackOfficeUser.current()
                .map(BackOfficeUser::getAccountId)
                .filter(id -> id == accountId)
                .isPresent()) {
            throw new InvalidInputException(FieldProblem.of("account", "backoffice.account.not-yourself"));
        }
        return account;
    }

    private <T> T recorded(String action, long accountId, Supplier<T> change, String detail) {
        return transaction.execute(status -> {
            T result = change.get();
            BackOfficeAccount account = accounts.find(accountId).orElseThrow();
            trail.record(AuditEntry.action(action)
                    .target("BACKOFFICE_ACCOUNT", accountId)
                    .detail(describe(account) + (detail == null ? "" : "; " + detail))
                    .build());
            return result;
        });
    }

    private static String describe(BackOfficeAccount account) {
        return "username=" + account.getUsername() + "; role=" + account.getRole() + "; region="
                + account.getRegionCode() + (account.getUnitId() == null ? "" : "; unit=" + account.getUnitId())
                + "; enabled=" + account.isEnabled();
    }
}

package cn.hrss.zcrd.account;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Who may do which back-office action (plain Java): the role must be one of the action's roles, a session still in
 * set-up may do nothing, and an action of the UKEY-only set needs a UKEY session. A refusal is the message key of
 * the reason shown to the user.
 */
public final class BackOfficePolicy {

    /** Not a back-office session at all (a portal user or nobody). */
    public static final String NOT_SIGNED_IN = "backoffice.refused.not-signed-in";
    /** The password and TOTP enrolment must be finished first. */
    public static final String SETUP_PENDING = "backoffice.refused.setup-pending";
    /** The role does not do this. */
    public static final String WRONG_ROLE = "backoffice.refused.role";
    /** Only with a UKEY session. */
    public static final String UKEY_REQUIRED = "backoffice.refused.ukey-required";
    /** Outside the user's region or unit. */
    public static final String OUT_OF_SCOPE = "backoffice.refused.scope";

    private final Set<BackOfficeAction> ukeyRequired;

    public BackOfficePolicy(Set<BackOfficeAction> ukeyRequired) {
        this.ukeyRequired =
                ukeyRequired.isEmpty() ? EnumSet.noneOf(BackOfficeAction.class) : EnumSet.copyOf(ukeyRequired);
    }

    /** Why {@code user} may not do {@code action}, or empty when it may. */
    public Optional<String> refusal(BackOfficeUser user, BackOfficeAction action) {
        if (user == null) {
            return Optional.of(NOT_SIGNED_IN);
        }
        if (user.isSetupPending()) {
            return Optional.of(SETUP_PENDING);
        }
        if (!action.allowedFor(user.getRole())) {
            return Optional.of(WRONG_ROLE);
        }
        if (ukeyRequired.contains(action) && !user.isUkeySession()) {
            return Optional.of(UKEY_REQUIRED);
        }
        return Optional.empty();
    }

    public boolean needsUkey(BackOfficeAction action) {
        return ukeyRequired.contains(action);
    }
}

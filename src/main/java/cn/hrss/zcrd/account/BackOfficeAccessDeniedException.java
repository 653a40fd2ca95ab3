package cn.hrss.zcrd.account;

import cn.hrss.zcrd.shared.Refusal;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;

/**
 * A back-office action refused by {@link BackOfficeGuard}; {@link #reasonKey()} is the message key of the reason
 * to show (e.g. {@code backoffice.refused.ukey-required}: 该操作需要使用UKEY登录…), {@link #refusal()} the same with
 * its arguments (the UKEY login address for a refusal for want of a UKEY session): pages show the latter.
 */
public class BackOfficeAccessDeniedException extends AccessDeniedException {

    private final String reasonKey;
    private final List<Object> arguments;
    private final BackOfficeAction action;

    public BackOfficeAccessDeniedException(BackOfficeAction action, String reasonKey, Object... arguments) {
        super(action + " refused: " + reasonKey);
        this.action = action;
        this.reasonKey = reasonKey;
        this.arguments = List.of(arguments);
    }

    public String reasonKey() {
        return reasonKey;
    }

    /** The reason with its arguments, as a page shows it. */
    public Refusal refusal() {
        return new Refusal(reasonKey, arguments);
    }

    public BackOfficeAction action() {
        return action;
    }

    /** Whether the refusal is only for want of a UKEY session. */
    public boolean needsUkey() {
        return BackOfficePolicy.UKEY_REQUIRED.equals(reasonKey);
    }
}

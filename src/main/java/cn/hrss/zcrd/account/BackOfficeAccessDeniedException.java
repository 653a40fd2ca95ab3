package cn.hrss.zcrd.account;

import org.springframework.security.access.AccessDeniedException;

/**
 * A back-office action refused by {@link BackOfficeGuard}; {@link #reasonKey()} is the message key of the reason
 * to show (e.g. {@code backoffice.refused.ukey-required}: 该操作需要使用UKEY登录…).
 */
public class BackOfficeAccessDeniedException extends AccessDeniedException {

    private final String reasonKey;
    private final BackOfficeAction action;

    public BackOfficeAccessDeniedException(BackOfficeAction action, String reasonKey) {
        super(action + " refused: " + reasonKey);
        this.action = action;
        this.reasonKey = reasonKey;
    }

    public String reasonKey() {
        return reasonKey;
    }

    public BackOfficeAction action() {
        return action;
    }

    /** Whether the refusal is only for want of a UKEY session. */
    public boolean needsUkey() {
        return BackOfficePolicy.UKEY_REQUIRED.equals(reasonKey);
    }
}

package cn.hrss.zcrd.signing.internal;

import java.util.Set;

/** Reading PKCS#11 failures, which SunPKCS11 reports only as text (its exception class is not exported). */
final class TokenErrors {

    /** PKCS#11 return values after which a fresh provider, session and login usually succeed. */
    private static final Set<String> RECOVERABLE = Set.of(
            "CKR_SESSION_HANDLE_INVALID",
            "CKR_SESSION_CLOSED",
            "CKR_USER_NOT_LOGGED_IN",
            "CKR_TOKEN_NOT_PRESENT",
            "CKR_TOKEN_NOT_RECOGNIZED",
            "CKR_DEVICE_REMOVED",
            "CKR_DEVICE_ERROR",
            "CKR_OBJECT_HANDLE_INVALID",
            "CKR_KEY_HANDLE_INVALID",
            "CKR_GENERAL_ERROR");

    private TokenErrors() {}

    static boolean isRecoverable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (RECOVERABLE.stream().anyMatch(message::contains)) {
                return true;
            }
        }
        return false;
    }

    /** The whole cause chain in one line, for logs and start-up failures. */
    static String describe(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (!text.isEmpty()) {
                text.append(" <- ");
            }
            text.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
        }
        return text.toString();
    }
}

package cn.hrss.zcrd.seal.internal;

import java.util.List;

/**
 * A seal impression refused what was asked of it (a decision on a version that is no longer pending, a rejection
 * without an opinion, a decision without the rights for it); {@link #messageKey()} names the text for the user.
 * Nothing was stored.
 */
public class SealImpressionException extends RuntimeException {

    private final String messageKey;
    private final List<Object> arguments;

    public SealImpressionException(String messageKey, Object... arguments) {
        super(messageKey + " " + List.of(arguments));
        this.messageKey = messageKey;
        this.arguments = List.of(arguments);
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.toArray();
    }
}

package cn.hrss.zcrd.declaration;

import java.util.List;

/**
 * A declaration refused what was asked of it; {@link #messageKey()} and {@link #arguments()} give the text for the
 * user (the page shows it as a page message). Nothing was stored.
 */
public class DeclarationException extends RuntimeException {

    private final String messageKey;
    private final List<Object> arguments;

    public DeclarationException(String messageKey, Object... arguments) {
        super(messageKey + " " + List.of(arguments));
        this.messageKey = messageKey;
        this.arguments = List.of(arguments);
    }

    public String messageKey() {
        return messageKey;
    }

    /** Arguments of the message; plain values. */
    public Object[] arguments() {
        return arguments.toArray();
    }
}

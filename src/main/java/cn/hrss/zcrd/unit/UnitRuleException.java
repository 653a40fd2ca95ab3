package cn.hrss.zcrd.unit;

import java.util.List;

/**
 * A rule of reporting paths or issuing authority refused the request; {@link #messageKey()} and
 * {@link #arguments()} give the Chinese text for the page. Nothing was stored.
 */
public class UnitRuleException extends RuntimeException {

    private final String messageKey;
    private final List<Object> arguments;

    public UnitRuleException(String messageKey, Object... arguments) {
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

package cn.hrss.zcrd.declaration;

import java.util.List;

/**
 * Why a rule refuses a declaration: the message key of the text in {@code messages_*.properties} and its arguments
 * (plain values: names, numbers as text, ISO dates), ready for {@code FacesMessages.page(severity, key, args)}.
 */
public record Rejection(String messageKey, List<Object> arguments) {

    public Rejection {
        arguments = List.copyOf(arguments);
    }

    public static Rejection of(String messageKey, Object... arguments) {
        return new Rejection(messageKey, List.of(arguments));
    }
}

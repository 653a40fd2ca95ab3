package cn.hrss.zcrd.shared;

import java.io.Serializable;
import java.util.List;

/**
 * Why a rule refuses: the message key of the text in {@code messages_*.properties} and its arguments (plain values:
 * names, numbers, ISO dates). The one refusal type of every module; policies return it, {@link RefusedException}
 * carries it, {@link FacesMessages#page(jakarta.faces.application.FacesMessage.Severity, Refusal)} shows it.
 */
public record Refusal(String messageKey, List<Object> arguments) implements Serializable {

    public Refusal {
        arguments = List.copyOf(arguments);
    }

    public static Refusal of(String messageKey, Object... arguments) {
        return new Refusal(messageKey, List.of(arguments));
    }
}

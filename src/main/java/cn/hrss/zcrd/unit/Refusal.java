package cn.hrss.zcrd.unit;

import java.util.List;

/** Why a rule of the unit module refuses: a message key and its arguments (plain values, e.g. names). */
public record Refusal(String messageKey, List<Object> arguments) {

    public Refusal {
        arguments = List.copyOf(arguments);
    }

    public static Refusal of(String messageKey, Object... arguments) {
        return new Refusal(messageKey, List.of(arguments));
    }

    public UnitRuleException toException() {
        return new UnitRuleException(messageKey, arguments.toArray());
    }
}

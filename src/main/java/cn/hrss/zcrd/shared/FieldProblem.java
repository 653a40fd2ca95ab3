package cn.hrss.zcrd.shared;

import java.util.List;

/**
 * Why a submitted field is refused: the field's name in the form and the message key of the Chinese text
 * (with arguments). Services return these; pages show each at its field.
 */
public record FieldProblem(String field, String messageKey, List<Object> arguments) {

    public FieldProblem {
        arguments = List.copyOf(arguments);
    }

    public static FieldProblem of(String field, String messageKey, Object... arguments) {
        return new FieldProblem(field, messageKey, List.of(arguments));
    }
}

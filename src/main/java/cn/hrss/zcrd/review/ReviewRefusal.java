package cn.hrss.zcrd.review;

import java.util.List;

/** Why a review rule refuses: the message key of the Chinese text and its arguments (plain values). */
public record ReviewRefusal(String messageKey, List<Object> arguments) {

    public ReviewRefusal {
        arguments = List.copyOf(arguments);
    }

    public static ReviewRefusal of(String messageKey, Object... arguments) {
        return new ReviewRefusal(messageKey, List.of(arguments));
    }
}

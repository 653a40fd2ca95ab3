package cn.hrss.zcrd.shared;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Record ids taken from a URL (a query parameter of a faces page or a path segment): a positive decimal number of at
 * most 18 digits, anything else is answered as not found ({@link NotFoundException}, 404) — the one way every page
 * reads an id.
 */
public final class RequestedIds {

    private static final Pattern ID = Pattern.compile("[1-9]\\d{0,17}");

    private RequestedIds() {}

    /** The id in {@code text}; not an id → {@link NotFoundException}. */
    public static long parse(String text) {
        if (text == null || !ID.matcher(text).matches()) {
            throw new NotFoundException("not an id");
        }
        return Long.parseLong(text);
    }

    /** The id in the faces request's parameter {@code name}, empty when the parameter is absent. */
    public static Optional<Long> optional(String name) {
        String text = FacesRequests.parameter(name);
        return text == null ? Optional.empty() : Optional.of(parse(text));
    }

    /** The id in the faces request's parameter {@code name}; absent or not an id → {@link NotFoundException}. */
    public static long required(String name) {
        return parse(FacesRequests.parameter(name));
    }

    /** {@code value} when present, else {@link NotFoundException} naming {@code what}. */
    public static <T> T found(Optional<T> value, String what) {
        return value.orElseThrow(() -> new NotFoundException(what));
    }
}

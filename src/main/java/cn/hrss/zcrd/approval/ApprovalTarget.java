package cn.hrss.zcrd.approval;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a four-eyes request is about, as the requesting module describes it.
 *
 * @param type what the action is about, e.g. {@code CERTIFICATE}
 * @param id the target's id (a creation without an id yet: {@link #keyOf} of its natural key)
 * @param regionCode the region an approver must cover (region-scoped actions), or null
 * @param unitId the unit an approver must operate (unit-scoped actions), or null
 * @param summary what will happen, in words for the approver
 * @param parameters the action's parameters ({@link #parameters(Object...)}), or null
 */
public record ApprovalTarget(String type, long id, String regionCode, Long unitId, String summary, String parameters) {

    /** A target an approver of the region decides. */
    public static ApprovalTarget inRegion(String type, long id, String regionCode, String summary, String parameters) {
        return new ApprovalTarget(type, id, regionCode, null, summary, parameters);
    }

    /** A target an operator of the same unit decides. */
    public static ApprovalTarget ofUnit(String type, long id, long unitId, String summary, String parameters) {
        return new ApprovalTarget(type, id, null, unitId, summary, parameters);
    }

    /**
     * {@code name=value;…} with each value URL-encoded (so any text is safe), read back by
     * {@link ApprovalRequest#parameter}. Pairs of name and value; a null value is left out.
     */
    public static String parameters(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values come in pairs");
        }
        Map<String, String> pairs = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                pairs.put(String.valueOf(namesAndValues[i]), String.valueOf(namesAndValues[i + 1]));
            }
        }
        return pairs.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining(";"));
    }

    static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    /**
     * A stable positive id for a target that does not exist yet (e.g. an account to create, by its username), so
     * that a second request for the same one is refused while the first waits.
     */
    public static long keyOf(String naturalKey) {
        long hash = 1125899906842597L;
        for (int i = 0; i < naturalKey.length(); i++) {
            hash = 31 * hash + naturalKey.charAt(i);
        }
        return hash & Long.MAX_VALUE;
    }
}

package cn.hrss.zcrd.audit;

import java.io.Serializable;
import java.util.Objects;

/**
 * What an action was about, e.g. {@code DECLARATION 4711} or {@code CERTIFICATE ZC2025370100000123}.
 *
 * @param type an upper-case code naming the kind of thing (at most 32 characters)
 * @param id its identifier as text (at most 64 characters)
 */
public record AuditTarget(String type, String id) implements Serializable {

    public AuditTarget {
        type = AuditText.code(Objects.requireNonNull(type, "type"), 32, "target type");
        id = AuditText.clean(Objects.requireNonNull(id, "id"), 64);
    }

    public static AuditTarget of(String type, Object id) {
        return new AuditTarget(type, String.valueOf(id));
    }

    @Override
    public String toString() {
        return type + " " + id;
    }
}

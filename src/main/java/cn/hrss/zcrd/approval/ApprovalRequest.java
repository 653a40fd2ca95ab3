package cn.hrss.zcrd.approval;

import java.io.Serializable;
import java.time.Instant;

/**
 * A four-eyes request as the API shows it.
 *
 * @param targetType what the action is about, e.g. {@code ELECTRONIC_SEAL}
 * @param regionCode the data scope an approver must cover (null when {@code unitId} says it)
 * @param unitId the issuing unit an approver must operate (unit-scoped actions), else null
 * @param summary what will happen, in words for the approver (e.g. the unit and the seal version)
 * @param parameters the action's parameters as its module wrote them (e.g. {@code reason=KEY_COMPROMISE})
 * @param reason why the requester asks (their words)
 */
public record ApprovalRequest(
        long id,
        ApprovalKind kind,
        String targetType,
        long targetId,
        String regionCode,
        Long unitId,
        String summary,
        String parameters,
        String reason,
        ApprovalState state,
        long requestedBy,
        String requestedByName,
        Instant requestedAt,
        Instant expiresAt,
        Long decidedBy,
        String decidedByName,
        Instant decidedAt,
        String decisionReason)
        implements Serializable {

    /** One parameter {@code name=value} of {@link #parameters} ({@link ApprovalTarget#parameters}), or null. */
    public String parameter(String name) {
        if (parameters == null) {
            return null;
        }
        for (String pair : parameters.split(";")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).strip().equals(name)) {
                return ApprovalTarget.decode(pair.substring(eq + 1).strip());
            }
        }
        return null;
    }

    /** For the audit detail of the action carried out: which request, asked by whom and when. */
    public String auditNote() {
        return "approval #" + id + " requested by " + requestedByName + " at " + requestedAt;
    }
}

package cn.hrss.zcrd.audit;

import java.io.Serializable;
import java.time.Instant;

/**
 * What the admin filters the audit trail by; every null field matches everything.
 *
 * @param from earliest time, inclusive
 * @param to latest time, exclusive
 * @param action the exact action code
 * @param actorLoginName part of the actor's login name, case-insensitive
 * @param authenticatedBy how the actor was authenticated
 * @param outcome success or refused
 * @param clientAddress the start of the client address ({@code 10.1.} finds a subnet, a whole address that one)
 */
public record AuditQuery(
        Instant from,
        Instant to,
        String action,
        String actorLoginName,
        AuthenticatedBy authenticatedBy,
        AuditOutcome outcome,
        String clientAddress)
        implements Serializable {

    public AuditQuery {
        action = blankToNull(action);
        actorLoginName = blankToNull(actorLoginName);
        clientAddress = blankToNull(clientAddress);
    }

    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null, null, null);
    }

    public AuditQuery between(Instant from, Instant to) {
        return new AuditQuery(from, to, action, actorLoginName, authenticatedBy, outcome, clientAddress);
    }

    public AuditQuery withAction(String action) {
        return new AuditQuery(from, to, action, actorLoginName, authenticatedBy, outcome, clientAddress);
    }

    public AuditQuery withActor(String actorLoginName) {
        return new AuditQuery(from, to, action, actorLoginName, authenticatedBy, outcome, clientAddress);
    }

    public AuditQuery withMethod(AuthenticatedBy authenticatedBy) {
        return new AuditQuery(from, to, action, actorLoginName, authenticatedBy, outcome, clientAddress);
    }

    public AuditQuery withOutcome(AuditOutcome outcome) {
        return new AuditQuery(from, to, action, actorLoginName, authenticatedBy, outcome, clientAddress);
    }

    public AuditQuery withClientAddress(String clientAddress) {
        return new AuditQuery(from, to, action, actorLoginName, authenticatedBy, outcome, clientAddress);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}

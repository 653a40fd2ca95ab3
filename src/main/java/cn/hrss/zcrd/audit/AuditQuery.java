package cn.hrss.zcrd.audit;

import java.io.Serializable;
import java.time.Instant;
import java.util.Set;

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
 * @param actorAccounts only rows whose actor is one of these back-office accounts (a city admin's scope), or null
 *     for any actor; set by {@link AuditTrail} from the reader's region, never from the reader's form
 */
public record AuditQuery(
        Instant from,
        Instant to,
        String action,
        String actorLoginName,
        AuthenticatedBy authenticatedBy,
        AuditOutcome outcome,
        String clientAddress,
        Set<Long> actorAccounts)
        implements Serializable {

    public AuditQuery {
        action = blankToNull(action);
        actorLoginName = blankToNull(actorLoginName);
        clientAddress = blankToNull(clientAddress);
        actorAccounts = actorAccounts == null ? null : Set.copyOf(actorAccounts);
    }

    /** The same filter, limited to rows of these actors. */
    public AuditQuery onlyActors(Set<Long> accountIds) {
        return new AuditQuery(from, to, action, actorLoginName, authenticatedBy, outcome, clientAddress, accountIds);
    }

    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null, null, null, null);
    }

    public AuditQuery between(Instant from, Instant to) {
        return new AuditQuery(from, to, action, actorLoginName, authenticatedBy, outcome, clientAddress, actorAccounts);
    }

    public AuditQuery withAction(String action) {
        return new AuditQuery(from, to, action, actorLoginName, authenticatedBy, outcome, clientAddress, actorAccounts);
    }

    public AuditQuery withActor(String actorLoginName) {
        return new AuditQuery(from, to, action, actorLoginName, authenticatedBy, outcome, clientAddress, actorAccounts);
    }

    public AuditQuery withMethod(AuthenticatedBy authenticatedBy) {
        return new AuditQuery(from, to, action, actorLoginName, authenticatedBy, outcome, clientAddress, actorAccounts);
    }

    public AuditQuery withOutcome(AuditOutcome outcome) {
        return new AuditQuery(from, to, action, actorLoginName, authenticatedBy, outcome, clientAddress, actorAccounts);
    }

    public AuditQuery withClientAddress(String clientAddress) {
        return new AuditQuery(from, to, action, actorLoginName, authenticatedBy, outcome, clientAddress, actorAccounts);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}

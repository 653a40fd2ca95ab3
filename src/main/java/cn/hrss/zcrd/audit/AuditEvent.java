package cn.hrss.zcrd.audit;

import java.util.Objects;

/**
 * An audit entry published as an application event, for modules that should not call {@link AuditTrail} directly:
 * <pre>{@code
 * events.publishEvent(AuditEntry.action("DECLARATION_FINAL_APPROVED")
 *         .target("DECLARATION", id).detail("终审通过").toEvent());
 * }</pre>
 * Build it on the thread that acts (actor and address are taken from it when built). A success published inside a
 * transaction is written just before that transaction commits, in it: both commit or neither does. A refusal is
 * written at once in a transaction of its own, so it survives the rollback that usually follows. Outside a
 * transaction either is written at once.
 */
public record AuditEvent(AuditEntry entry) {

    public AuditEvent {
        Objects.requireNonNull(entry, "entry");
    }
}

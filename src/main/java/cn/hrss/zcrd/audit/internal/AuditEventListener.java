package cn.hrss.zcrd.audit.internal;

import cn.hrss.zcrd.audit.AuditEvent;
import cn.hrss.zcrd.audit.AuditTrail;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Writes published {@link AuditEvent}s. A success waits for its transaction to be about to commit and is written in
 * it (so it commits with the action, or not at all); a refusal is written at once in its own transaction (so the
 * rollback that follows does not take it along). Without a transaction both are written at once.
 */
@Component
class AuditEventListener {

    private final AuditTrail trail;

    AuditEventListener(AuditTrail trail) {
        this.trail = trail;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void success(AuditEvent event) {
        if (!event.entry().refused()) {
            trail.record(event.entry());
        }
    }

    @EventListener
    void refusal(AuditEvent event) {
        if (event.entry().refused()) {
            trail.record(event.entry());
        }
    }
}

package cn.hrss.zcrd.audit.internal;

import cn.hrss.zcrd.account.BackOfficeActionRefused;
import cn.hrss.zcrd.audit.AuditActor;
import cn.hrss.zcrd.audit.AuditEntry;
import cn.hrss.zcrd.audit.AuditTrail;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records every back-office action the guard refused (wrong role, no UKEY session, outside the region or unit),
 * in its own transaction so the rollback that follows keeps it.
 */
@Component
class BackOfficeRefusalAuditor {

    static final String BACKOFFICE_ACTION_REFUSED = "BACKOFFICE_ACTION_REFUSED";

    private final AuditTrail trail;

    BackOfficeRefusalAuditor(AuditTrail trail) {
        this.trail = trail;
    }

    @EventListener
    void refused(BackOfficeActionRefused event) {
        AuditEntry.Builder entry = AuditEntry.action(BACKOFFICE_ACTION_REFUSED)
                .refused()
                .detail("action=" + event.action() + "; reason=" + event.reasonKey()
                        + (event.target() == null ? "" : "; target=" + event.target()));
        if (event.user() != null) {
            entry.by(AuditActor.of(event.user()));
        }
        trail.record(entry.build());
    }
}

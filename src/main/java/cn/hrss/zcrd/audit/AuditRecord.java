package cn.hrss.zcrd.audit;

import java.io.Serializable;
import java.time.Instant;

/** One row of the audit trail as the admin sees it. Read-only: the trail offers no way to change a row. */
public record AuditRecord(
        long id,
        Instant occurredAt,
        AuditActor actor,
        String clientAddress,
        String action,
        AuditTarget target,
        AuditOutcome outcome,
        String detail)
        implements Serializable {}

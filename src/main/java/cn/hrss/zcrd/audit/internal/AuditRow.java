package cn.hrss.zcrd.audit.internal;

import cn.hrss.zcrd.audit.ActorKind;
import cn.hrss.zcrd.audit.AuditActor;
import cn.hrss.zcrd.audit.AuditEntry;
import cn.hrss.zcrd.audit.AuditOutcome;
import cn.hrss.zcrd.audit.AuditRecord;
import cn.hrss.zcrd.audit.AuditTarget;
import cn.hrss.zcrd.audit.AuthenticatedBy;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.hibernate.annotations.Immutable;

/**
 * A stored audit row, as read for the admin's search (rows are written by {@link AuditChainWriter}). {@code @Immutable}: Hibernate never writes a change to a loaded row; every column is also
 * {@code updatable = false}, and no repository method updates or deletes.
 */
@Entity
@Immutable
@Table(name = "audit_record")
public class AuditRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** UTC wall-clock time (the chain hashes the stored value; see {@link AuditChainWriter}). */
    @Column(name = "occurred_at", nullable = false, updatable = false)
    private LocalDateTime occurredAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "actor_kind", nullable = false, updatable = false, length = 16)
    private ActorKind actorKind;

    @Column(name = "actor_account_id", updatable = false)
    private Long actorAccountId;

    @Column(name = "actor_login", updatable = false, length = 64)
    private String actorLogin;

    @Enumerated(EnumType.STRING)
    @Column(name = "authenticated_by", nullable = false, updatable = false, length = 16)
    private AuthenticatedBy authenticatedBy;

    @Column(name = "client_address", updatable = false, length = 64)
    private String clientAddress;

    @Column(name = "action_code", nullable = false, updatable = false, length = 64)
    private String action;

    @Column(name = "target_type", updatable = false, length = 32)
    private String targetType;

    @Column(name = "target_id", updatable = false, length = 64)
    private String targetId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 16)
    private AuditOutcome outcome;

    @Column(updatable = false, length = 500)
    private String detail;

    @Column(updatable = false)
    private Long seq;

    @Column(name = "prev_hash", updatable = false, length = 64)
    private String prevHash;

    @Column(name = "row_hash", updatable = false, length = 64)
    private String rowHash;

    protected AuditRow() {}

    /** An unchained row (for schema tests); the application writes rows through {@link AuditChainWriter}. */
    public static AuditRow of(AuditEntry entry, Instant now) {
        AuditRow row = new AuditRow();
        row.occurredAt = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
        row.actorKind = entry.actor().kind();
        row.actorAccountId = entry.actor().accountId();
        row.actorLogin = entry.actor().loginName();
        row.authenticatedBy = entry.actor().authenticatedBy();
        row.clientAddress = entry.clientAddress();
        row.action = entry.action();
        row.targetType = entry.target() == null ? null : entry.target().type();
        row.targetId = entry.target() == null ? null : entry.target().id();
        row.outcome = entry.outcome();
        row.detail = entry.detail();
        return row;
    }

    public AuditRecord toRecord() {
        return new AuditRecord(
                id,
                occurredAt.toInstant(ZoneOffset.UTC),
                new AuditActor(actorKind, actorAccountId, actorLogin, authenticatedBy),
                clientAddress,
                action,
                targetType == null ? null : new AuditTarget(targetType, targetId),
                outcome,
                detail);
    }

    public Long getId() {
        return id;
    }

    /** The row's place in the hash chain (null for a row that did not come through the application). */
    public Long getSeq() {
        return seq;
    }
}

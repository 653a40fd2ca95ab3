package cn.hrss.zcrd.approval;

import cn.hrss.zcrd.account.BackOfficeAction;
import cn.hrss.zcrd.account.BackOfficeGuard;
import cn.hrss.zcrd.account.BackOfficeUser;
import cn.hrss.zcrd.approval.internal.ApprovalRecord;
import cn.hrss.zcrd.approval.internal.ApprovalRecordRepository;
import cn.hrss.zcrd.audit.AuditActor;
import cn.hrss.zcrd.audit.AuditEntry;
import cn.hrss.zcrd.audit.AuditTrail;
import cn.hrss.zcrd.shared.FieldProblem;
import cn.hrss.zcrd.shared.InvalidInputException;
import cn.hrss.zcrd.shared.RefusedException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Four-eyes requests: made by the modules whose actions need a second person ({@link #required}), listed, approved
 * or rejected by a second back-office user in a UKEY session, expired when nobody decides in time. Every step is on
 * the audit trail ({@code APPROVAL_REQUESTED}, {@code APPROVAL_APPROVED}, {@code APPROVAL_REJECTED},
 * {@code APPROVAL_EXPIRED}; refusals by the guard as usual).
 */
@Service
public class Approvals {

    static final String TARGET = "APPROVAL_REQUEST";

    private final ApprovalRecordRepository records;
    private final ApprovalProperties properties;
    private final BackOfficeGuard guard;
    private final AuditTrail trail;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final ObjectProvider<ApprovalHandler> handlerBeans;
    private volatile Map<ApprovalKind, ApprovalHandler> handlers;

    Approvals(
            ApprovalRecordRepository records,
            ApprovalProperties properties,
            BackOfficeGuard guard,
            AuditTrail trail,
            Clock clock,
            PlatformTransactionManager transactions,
            ObjectProvider<ApprovalHandler> handlers) {
        this.records = records;
        this.properties = properties;
        this.guard = guard;
        this.trail = trail;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        this.handlerBeans = handlers;
    }

    /** The handlers by kind, looked up on first use (the modules that handle requests also make them). */
    private ApprovalHandler handler(ApprovalKind kind) {
        Map<ApprovalKind, ApprovalHandler> byKind = handlers;
        if (byKind == null) {
            byKind = new EnumMap<>(ApprovalKind.class);
            for (ApprovalHandler handler : handlerBeans) {
                if (byKind.put(handler.kind(), handler) != null) {
                    throw new IllegalStateException("two handlers for " + handler.kind());
                }
            }
            handlers = byKind;
        }
        ApprovalHandler handler = byKind.get(kind);
        if (handler == null) {
            throw new IllegalStateException("no handler for " + kind);
        }
        return handler;
    }

    /**
     * The four-eyes gate of a module's action, after the module's own checks: where {@code kind} needs a second
     * person, stores the request ({@link #request(ApprovalKind, ApprovalTarget, String)}) and returns it; otherwise
     * returns empty, and the module acts at once.
     */
    public Optional<ApprovalRequest> requestIfRequired(ApprovalKind kind, ApprovalTarget target, String reason) {
        return required(kind) ? Optional.of(request(kind, target, reason)) : Optional.empty();
    }

    /** Whether {@code kind} needs a second person under the configuration ({@code zcrd.approvals.required-for}). */
    public boolean required(ApprovalKind kind) {
        return properties.requiredFor().contains(kind);
    }

    /**
     * Stores a request by the signed-in user, who must be allowed {@link ApprovalKind#action()} themselves (the
     * module checks its own scope before calling). Joins the caller's transaction when there is one.
     *
     * @param target what is to be done (its region or unit says who may approve)
     * @param reason the requester's words; required, at most 500 characters (field {@code reason})
     * @throws RefusedException {@code approval.already-pending} when the same action on the same target waits
     */
    public ApprovalRequest request(ApprovalKind kind, ApprovalTarget target, String reason) {
        BackOfficeUser requester = guard.require(kind.action());
        String words = reason == null ? "" : reason.strip();
        if (words.isEmpty()) {
            throw new InvalidInputException(FieldProblem.of("reason", "approval.reason.required"));
        }
        if (words.length() > ApprovalRecord.MAX_REASON) {
            throw new InvalidInputException(
                    FieldProblem.of("reason", "declaration.text.too-long", String.valueOf(ApprovalRecord.MAX_REASON)));
        }
        return transaction.execute(status -> {
            Instant now = clock.instant();
            if (records.hasInState(kind, target.type(), target.id(), now, ApprovalState.PENDING)) {
                throw new RefusedException("approval.already-pending");
            }
            ApprovalRecord record = records.save(new ApprovalRecord(
                    kind,
                    target,
                    words,
                    requester.getAccountId(),
                    requester.getDisplayName(),
                    now,
                    now.plus(properties.expiry())));
            trail.record(AuditEntry.action("APPROVAL_REQUESTED")
                    .target(TARGET, record.getId())
                    .detail(kind + " " + target.type() + "#" + target.id() + " " + target.summary() + "; "
                            + target.parameters() + "; why: " + words)
                    .build());
            return record.view();
        });
    }

    /**
     * The pending requests the signed-in user may decide: kinds their role may do, in their scope, not their own
     * (those are listed by {@link #ownPending}). Expired ones are marked expired first.
     */
    public List<ApprovalRequest> pending() {
        BackOfficeUser user = guard.require(BackOfficeAction.VIEW_APPROVALS);
        expireOverdue();
        return records.findByState(ApprovalState.PENDING).stream()
                .filter(r -> r.getRequestedBy() != user.getAccountId())
                .filter(r -> r.getKind().action().allowedFor(user.getRole()))
                .filter(r -> inScope(user, r))
                .map(ApprovalRecord::view)
                .toList();
    }

    /** The signed-in user's own pending requests (waiting for someone else). */
    public List<ApprovalRequest> ownPending() {
        BackOfficeUser user = guard.require(BackOfficeAction.VIEW_APPROVALS);
        expireOverdue();
        return records.findByState(ApprovalState.PENDING).stream()
                .filter(r -> r.getRequestedBy() == user.getAccountId())
                .map(ApprovalRecord::view)
                .toList();
    }

    /** Every request about one target, newest first (for the module's own page and for tests). */
    public List<ApprovalRequest> about(String targetType, long targetId) {
        return records.findByTarget(targetType, targetId).stream()
                .map(ApprovalRecord::view)
                .toList();
    }

    /** Whether a request about this target waits for a decision. */
    public boolean isPending(ApprovalKind kind, String targetType, long targetId) {
        return records.hasInState(kind, targetType, targetId, clock.instant(), ApprovalState.PENDING);
    }

    /**
     * Approves and carries out the request: the approver needs {@link BackOfficeAction#DECIDE_APPROVAL} (a UKEY
     * session by default), the request's action and its scope, and must not be the requester. The action and the
     * decision commit together; when the action fails, the request stays pending.
     *
     * @throws RefusedException {@code approval.own} (own request), {@code approval.not-pending} (decided or
     *                          expired meanwhile)
     */
    public ApprovalRequest approve(long requestId) {
        return carryOut(requestId).request();
    }

    /** An approved request, and what its action gives the approver to hand over once (or null). */
    public record Approved(ApprovalRequest request, String handOver) {

        @Override
        public String toString() {
            return "Approved[" + request.id() + "]"; // never the hand-over (a one-time password) in a log
        }
    }

    /** {@link #approve}, with what the action gives the approver to hand over (the approvals page shows it once). */
    public Approved carryOut(long requestId) {
        BackOfficeUser approver = guard.require(BackOfficeAction.DECIDE_APPROVAL);
        return transaction.execute(status -> {
            ApprovalRecord record = decidable(requestId, approver);
            ApprovalHandler handler = handler(record.getKind());
            record.decide(
                    ApprovalState.APPROVED, approver.getAccountId(), approver.getDisplayName(), null, clock.instant());
            ApprovalRequest approved = record.view();
            String handOver = handler.execute(approved);
            records.saveAndFlush(record);
            trail.record(AuditEntry.action("APPROVAL_APPROVED")
                    .target(TARGET, requestId)
                    .detail(approved.kind() + " " + approved.targetType() + "#" + approved.targetId()
                            + "; requested by " + approved.requestedByName())
                    .build());
            return new Approved(approved, handOver);
        });
    }

    /**
     * Rejects with a reason: nothing of the action happens. Same checks as {@link #approve}; the requester may
     * withdraw their own request this way.
     */
    public ApprovalRequest reject(long requestId, String reason) {
        BackOfficeUser decider = guard.require(BackOfficeAction.DECIDE_APPROVAL);
        String words = reason == null ? "" : reason.strip();
        if (words.isEmpty()) {
            throw new InvalidInputException(FieldProblem.of("reason", "approval.reject.reason-required"));
        }
        if (words.length() > ApprovalRecord.MAX_REASON) {
            throw new InvalidInputException(
                    FieldProblem.of("reason", "declaration.text.too-long", String.valueOf(ApprovalRecord.MAX_REASON)));
        }
        return transaction.execute(status -> {
            ApprovalRecord record =
                    records.findForDecision(requestId).orElseThrow(() -> new RefusedException("approval.not-pending"));
            boolean own = record.getRequestedBy() == decider.getAccountId();
            if (!own) {
                requireScope(record);
            }
            if (!record.isPending() || record.isExpiredAt(clock.instant())) {
                throw new RefusedException("approval.not-pending");
            }
            record.decide(
                    ApprovalState.REJECTED, decider.getAccountId(), decider.getDisplayName(), words, clock.instant());
            records.saveAndFlush(record);
            trail.record(AuditEntry.action("APPROVAL_REJECTED")
                    .target(TARGET, requestId)
                    .detail(record.getKind() + (own ? " withdrawn" : "") + "; why: " + words)
                    .build());
            return record.view();
        });
    }

    /** Marks overdue requests expired (every few minutes, and before each listing); audited by the system. */
    @Scheduled(fixedDelayString = "${zcrd.approvals.expiry-check:PT5M}", initialDelayString = "PT1M")
    public void expireOverdue() {
        Instant now = clock.instant();
        transaction.executeWithoutResult(status -> {
            for (ApprovalRecord record : records.findByStateExpiredAt(ApprovalState.PENDING, now)) {
                record.expire(now);
                trail.record(AuditEntry.action("APPROVAL_EXPIRED")
                        .by(AuditActor.system("approvals"))
                        .target(TARGET, record.getId())
                        .detail(record.getKind() + " requested by "
                                + record.view().requestedByName())
                        .build());
            }
        });
    }

    private ApprovalRecord decidable(long requestId, BackOfficeUser approver) {
        ApprovalRecord record =
                records.findForDecision(requestId).orElseThrow(() -> new RefusedException("approval.not-pending"));
        requireScope(record);
        if (record.getRequestedBy() == approver.getAccountId()) {
            trail.record(AuditEntry.action("APPROVAL_APPROVED")
                    .target(TARGET, requestId)
                    .detail("own request")
                    .refused()
                    .build());
            throw new RefusedException("approval.own");
        }
        if (!record.isPending() || record.isExpiredAt(clock.instant())) {
            throw new RefusedException("approval.not-pending");
        }
        return record;
    }

    /** The decider must be allowed the request's own action, in its scope (refusals recorded by the guard). */
    private void requireScope(ApprovalRecord record) {
        BackOfficeAction action = record.getKind().action();
        if (record.getUnitId() != null) {
            guard.requireUnit(action, record.getUnitId());
        } else {
            guard.requireRegion(action, record.getRegionCode());
        }
    }

    private boolean inScope(BackOfficeUser user, ApprovalRecord record) {
        return record.getUnitId() != null
                ? Objects.equals(user.unitId(), record.getUnitId())
                : guard.covers(user, record.getRegionCode());
    }
}

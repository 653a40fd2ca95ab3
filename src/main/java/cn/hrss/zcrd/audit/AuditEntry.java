package cn.hrss.zcrd.audit;

import java.util.Objects;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * One thing to put on the audit trail; the time is added when it is recorded. Build it with
 * {@link #action(String)}: actor and client address default to the current thread's signed-in user and request.
 *
 * <pre>{@code
 * auditTrail.record(AuditEntry.action("DECLARATION_FINAL_APPROVED")
 *         .target("DECLARATION", declaration.getId())
 *         .detail("终审通过，上报单位 " + unitName)
 *         .build());
 * }</pre>
 *
 * @param action a stable upper-case code ({@code A-Z 0-9 _}, at most 64), labelled by {@code audit.action.<code>}
 * @param actor who acted
 * @param clientAddress the TCP peer address of the request ({@code getRemoteAddr()}), null outside a request
 * @param target what the action was about, or null
 * @param outcome success or refused
 * @param detail a short free text (at most 500 characters, control characters removed), or null; never a
 *               password, a key or a whole ID number of someone else
 */
public record AuditEntry(
        String action,
        AuditActor actor,
        String clientAddress,
        AuditTarget target,
        AuditOutcome outcome,
        String detail) {

    public static final int ACTION_LENGTH = 64;
    public static final int ADDRESS_LENGTH = 64;
    public static final int DETAIL_LENGTH = 500;

    public AuditEntry {
        action = AuditText.code(Objects.requireNonNull(action, "action"), ACTION_LENGTH, "action");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(outcome, "outcome");
        clientAddress = AuditText.cleanOrNull(clientAddress, ADDRESS_LENGTH);
        detail = AuditText.cleanOrNull(detail, DETAIL_LENGTH);
    }

    /** Starts an entry for the action {@code code}: a success by the current user from the current request. */
    public static Builder action(String code) {
        return new Builder(code);
    }

    public boolean refused() {
        return outcome == AuditOutcome.REFUSED;
    }

    /** Builds an {@link AuditEntry}; what is not set comes from the current thread when {@link #build()} runs. */
    public static final class Builder {

        private final String action;
        private AuditActor actor;
        private String clientAddress;
        private boolean clientAddressSet;
        private AuditTarget target;
        private AuditOutcome outcome = AuditOutcome.SUCCESS;
        private String detail;

        private Builder(String action) {
            this.action = action;
        }

        /** Who acted, when it is not the current thread's user (e.g. a job: {@link AuditActor#system}). */
        public Builder by(AuditActor actor) {
            this.actor = actor;
            return this;
        }

        /** Where from, when it is not the current request (null: no address). */
        public Builder from(String clientAddress) {
            this.clientAddress = clientAddress;
            this.clientAddressSet = true;
            return this;
        }

        public Builder target(String type, Object id) {
            this.target = AuditTarget.of(type, id);
            return this;
        }

        public Builder target(AuditTarget target) {
            this.target = target;
            return this;
        }

        public Builder detail(String detail) {
            this.detail = detail;
            return this;
        }

        /** The action was refused or failed (recorded even if the caller's transaction rolls back). */
        public Builder refused() {
            this.outcome = AuditOutcome.REFUSED;
            return this;
        }

        public Builder outcome(AuditOutcome outcome) {
            this.outcome = outcome;
            return this;
        }

        public AuditEntry build() {
            return new AuditEntry(
                    action,
                    actor != null ? actor : AuditActor.current(),
                    clientAddressSet ? clientAddress : currentClientAddress(),
                    target,
                    outcome,
                    detail);
        }

        /** The entry as an event to publish, for a module that should not call the audit trail directly. */
        public AuditEvent toEvent() {
            return new AuditEvent(build());
        }
    }

    /** The TCP peer of the current request; forwarded headers are deliberately not trusted. */
    static String currentClientAddress() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                ? request.getRequest().getRemoteAddr()
                : null;
    }
}

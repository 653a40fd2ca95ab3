package cn.hrss.zcrd.declaration;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.MapKeyEnumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/** One transition of a declaration (table {@code declaration_history}): who, for which unit, when, what, opinion. */
@Entity
@Table(name = "declaration_history")
class HistoryEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "action", nullable = false, length = 20, updatable = false)
    private DeclarationAction action;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_state", nullable = false, length = 20, updatable = false)
    private DeclarationState fromState;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_state", nullable = false, length = 20, updatable = false)
    private DeclarationState toState;

    @Column(name = "actor_account_id", nullable = false, updatable = false)
    private long actorAccountId;

    @Column(name = "actor_name", nullable = false, length = 100, updatable = false)
    private String actorName;

    /** the unit that acted; null when the applicant acted */
    @Column(name = "unit_id", updatable = false)
    private Long unitId;

    /** the unit the declaration was sent to by this step (submit: the declaring unit; report: the superior) */
    @Column(name = "to_unit_id", updatable = false)
    private Long toUnitId;

    @Column(name = "opinion", length = 1000, updatable = false)
    private String opinion;

    /** a return's opinions per rejected module */
    @ElementCollection
    @CollectionTable(name = "declaration_history_opinion", joinColumns = @JoinColumn(name = "history_id"))
    @MapKeyEnumerated(EnumType.STRING)
    @MapKeyColumn(name = "module", length = 20)
    @Column(name = "opinion", nullable = false, length = 1000)
    private Map<ModuleKind, String> moduleOpinions = new HashMap<>();

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    /** the certificate the step concerns: issued, revoked, or the successor of a 补发 / 更正 */
    @Column(name = "certificate_number", length = 18, updatable = false)
    private String certificateNumber;

    protected HistoryEntry() {}

    HistoryEntry(
            DeclarationAction action,
            DeclarationState fromState,
            DeclarationState toState,
            Actor actor,
            Long toUnitId,
            String opinion,
            Map<ModuleKind, String> moduleOpinions,
            Instant occurredAt,
            String certificateNumber) {
        this.action = action;
        this.fromState = fromState;
        this.toState = toState;
        this.actorAccountId = actor.accountId();
        this.actorName = actor.name();
        this.unitId = actor.unitId();
        this.toUnitId = toUnitId;
        this.opinion = opinion;
        this.moduleOpinions.putAll(moduleOpinions);
        this.occurredAt = occurredAt;
        this.certificateNumber = certificateNumber;
    }

    String certificateNumber() {
        return certificateNumber;
    }

    boolean involves(long unit) {
        return Long.valueOf(unit).equals(unitId) || Long.valueOf(unit).equals(toUnitId);
    }

    Long unitId() {
        return unitId;
    }

    Long toUnitId() {
        return toUnitId;
    }

    DeclarationAction action() {
        return action;
    }

    DeclarationDetails.HistoryItem toItem(Map<Long, String> unitNames) {
        Map<ModuleKind, String> opinions = new EnumMap<>(ModuleKind.class);
        opinions.putAll(moduleOpinions);
        return new DeclarationDetails.HistoryItem(
                action,
                fromState,
                toState,
                // rows written before the unit's 经办人 was recorded hold the unit's name: no person to show
                unitId != null && actorName.equals(unitNames.get(unitId)) ? null : actorName,
                unitId,
                unitId == null ? null : unitNames.get(unitId),
                toUnitId,
                toUnitId == null ? null : unitNames.get(toUnitId),
                opinion,
                opinions,
                occurredAt,
                certificateNumber);
    }
}

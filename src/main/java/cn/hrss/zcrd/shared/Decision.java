package cn.hrss.zcrd.shared;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.time.Instant;

/**
 * Who decided, when, and with what opinion (or reason): the fields every approval-style entity records for a
 * decision (a reporting path's or an issuing authority's 通过/驳回, its 撤销 and 暂停, a seal impression's review, an
 * electronic seal's 吊销). One embeddable, mapped onto each entity's existing columns with {@code @AttributeOverride};
 * the defaults here are the unit module's column names. The database gives {@code null} while nothing is decided
 * (every column empty); {@link #orNone} turns that into {@link #NONE}.
 *
 * @param accountId the deciding back-office or unit account, null when the system decided (a replaced upload)
 * @param name      the decider's name as shown then
 * @param opinion   the opinion or reason, stripped; null when none was given
 * @param at        when
 */
@Embeddable
public record Decision(
        @Column(name = "decided_by_account_id") Long accountId,
        @Column(name = "decided_by_name", length = 100) String name,
        @Column(name = "opinion", length = 500) String opinion,
        @Column(name = "decided_at") Instant at)
        implements Serializable {

    /** Nothing decided yet. */
    public static final Decision NONE = new Decision(null, null, null, null);

    /** A decision by {@code accountId}; a blank opinion counts as none, any other is stripped. */
    public static Decision by(long accountId, String name, String opinion, Instant at) {
        return new Decision(accountId, name, opinion == null || opinion.isBlank() ? null : opinion.strip(), at);
    }

    /** {@code decision}, or {@link #NONE} for the null an undecided row loads as. */
    public static Decision orNone(Decision decision) {
        return decision == null ? NONE : decision;
    }
}

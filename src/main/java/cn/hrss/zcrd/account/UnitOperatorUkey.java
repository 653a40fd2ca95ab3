package cn.hrss.zcrd.account;

import java.io.Serializable;
import java.time.Instant;

/**
 * Where an issuing unit's back-office access stands (its portal page shows it with what to do next).
 *
 * @param username the operator account's login name, or null without one
 * @param state no account yet, waiting for the UKEY, or issued
 * @param validUntil when issued: the end of the UKEY certificate's validity; else null
 */
public record UnitOperatorUkey(String username, State state, Instant validUntil) implements Serializable {

    /** The steps of a unit's back-office access. */
    public enum State {
        /** No (enabled) operator account bound to the unit. */
        NO_ACCOUNT,
        /** The account exists; the bureau's system admin has not issued its UKEY yet. */
        AWAITING_UKEY,
        /** The account holds a UKEY. */
        ISSUED;

        /** The message key of the state's name and of what to do next ({@code …-next}). */
        public String messageKey() {
            return "unit.operator.ukey." + name();
        }
    }
}

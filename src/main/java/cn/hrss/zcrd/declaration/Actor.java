package cn.hrss.zcrd.declaration;

import java.util.Objects;

/**
 * Who performs a transition, as written into the declaration's history.
 *
 * @param accountId the portal (or back-office) account
 * @param name      the name shown in the history
 * @param unitId    the unit the person acts for; {@code null} for the applicant
 */
public record Actor(long accountId, String name, Long unitId) {

    public Actor {
        Objects.requireNonNull(name, "name");
    }

    public static Actor applicant(long accountId, String name) {
        return new Actor(accountId, name, null);
    }

    public static Actor ofUnit(long accountId, String name, long unitId) {
        return new Actor(accountId, name, unitId);
    }
}

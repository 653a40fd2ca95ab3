package cn.hrss.zcrd.seal;

import java.util.Optional;

/**
 * Electronic seals for other modules acting on the platform's behalf (certificate issuance, verification). One is
 * generated for each approved seal impression version ({@link SealImpressionApproved}); a newer approved version
 * takes over, and the older seals stay valid for what they already signed. These reads check no user.
 */
public interface ElectronicSeals {

    /**
     * The unit's electronic seal in force (of its newest approved version); empty while none is ready, or when the
     * bureau revoked it (then the unit needs a newly approved impression).
     */
    Optional<ElectronicSeal> inForce(long unitId);

    /**
     * The electronic seal {@code id}, in force or replaced since; empty once revoked: nothing may be signed with it
     * any more (the state is read anew on every call, so a revocation on another node counts at once).
     */
    Optional<ElectronicSeal> find(long id);
}

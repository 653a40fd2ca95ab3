package cn.hrss.zcrd.account.internal;

import cn.hrss.zcrd.account.BackOfficeAccount;
import cn.hrss.zcrd.shared.NotFoundException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

public interface BackOfficeAccountRepository extends JpaRepository<BackOfficeAccount, Long> {

    Optional<BackOfficeAccount> findByUsername(String username);

    /** The account, or {@link NotFoundException} (a page asked for an id that is not there). */
    default BackOfficeAccount require(long accountId) {
        return findById(accountId).orElseThrow(() -> new NotFoundException("back-office account"));
    }

    /**
     * Takes TOTP time step {@code step} for the account unless it or a later one was taken already: one row when the
     * code is fresh, none when it is replayed (also when two logins race with the same code).
     */
    @Transactional
    @Modifying(clearAutomatically = true)
    @Query("update BackOfficeAccount a set a.totpLastStep = ?2 "
            + "where a.id = ?1 and (a.totpLastStep is null or a.totpLastStep < ?2)")
    int takeTotpStep(long accountId, long step);

    @Query("select a from BackOfficeAccount a where (a.regionCode in ?1) "
            + "and (?2 is null or lower(a.username) like ?2 or lower(a.displayName) like ?2) order by a.username")
    List<BackOfficeAccount> search(Collection<String> regionCodes, String pattern, Pageable page);

    @Query("select a.enabled, a.sessionStamp from BackOfficeAccount a where a.id = ?1")
    List<Object[]> sessionState(long accountId);

    /** The operator accounts of an issuing unit, oldest first. */
    List<BackOfficeAccount> findByUnitIdOrderByIdAsc(Long unitId);

    /**
     * Enabled accounts of the regions that hold no UKEY (no binding that is not revoked; a suspended one counts as
     * held: it needs a confirmation, not a new UKEY), oldest first.
     */
    @Query("select a from BackOfficeAccount a where a.enabled = true and a.regionCode in ?1 and not exists "
            + "(select b from UkeyBinding b where b.account = a and b.revokedAt is null) order by a.createdAt, a.id")
    List<BackOfficeAccount> withoutUkey(Collection<String> regionCodes, Pageable page);
}

package cn.hrss.zcrd.seal.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface SealImpressionRepository extends JpaRepository<SealImpression, Long> {

    /** A unit's versions, newest first. */
    List<SealImpression> findByUnitIdOrderBySealVersionDesc(long unitId);

    /** The newest version of a unit in {@code state}: with APPROVED, the one in force. */
    Optional<SealImpression> findFirstByUnitIdAndStateOrderBySealVersionDesc(long unitId, SealImpressionState state);

    List<SealImpression> findByUnitIdAndState(long unitId, SealImpressionState state);

    /** The bureau's queue (units in the reviewer's regions), oldest first. */
    List<SealImpression> findByStateAndRegionCodeInOrderByUploadedAtAscIdAsc(
            SealImpressionState state, Collection<String> regionCodes, Pageable page);

    long countByStateAndRegionCodeIn(SealImpressionState state, Collection<String> regionCodes);

    @Query("select coalesce(max(s.sealVersion), 0) from SealImpression s where s.unitId = ?1")
    int highestVersion(long unitId);
}

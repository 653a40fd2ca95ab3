package cn.hrss.zcrd.seal.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ElectronicSealRecordRepository extends JpaRepository<ElectronicSealRecord, Long> {

    Optional<ElectronicSealRecord> findByImpressionId(long impressionId);

    /** Approved impressions that have no active electronic seal yet (approval committed, key not made). */
    @Query("select s.id from SealImpression s where s.state = cn.hrss.zcrd.seal.internal.SealImpressionState.APPROVED"
            + " and not exists (select 1 from ElectronicSealRecord e where e.impressionId = s.id"
            + " and e.state = cn.hrss.zcrd.seal.internal.ElectronicSealRecord.State.ACTIVE)")
    List<Long> approvedImpressionsWithoutActiveSeal();
}

package cn.hrss.zcrd.approval.internal;

import cn.hrss.zcrd.approval.ApprovalKind;
import cn.hrss.zcrd.approval.ApprovalState;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface ApprovalRecordRepository extends JpaRepository<ApprovalRecord, Long> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from ApprovalRecord r where r.id = ?1")
    Optional<ApprovalRecord> findForDecision(long id);

    @Query("select r from ApprovalRecord r where r.state = ?1 order by r.requestedAt, r.id")
    List<ApprovalRecord> findByState(ApprovalState state);

    @Query("select r from ApprovalRecord r where r.state = ?1 and r.expiresAt <= ?2")
    List<ApprovalRecord> findByStateExpiredAt(ApprovalState state, Instant now);

    @Query("select count(r) > 0 from ApprovalRecord r where r.state = ?5 and r.kind = ?1"
            + " and r.targetType = ?2 and r.targetId = ?3 and r.expiresAt > ?4")
    boolean hasInState(ApprovalKind kind, String targetType, long targetId, Instant now, ApprovalState state);

    @Query("select r from ApprovalRecord r where r.targetType = ?1 and r.targetId = ?2 order by r.requestedAt desc")
    List<ApprovalRecord> findByTarget(String targetType, long targetId);
}

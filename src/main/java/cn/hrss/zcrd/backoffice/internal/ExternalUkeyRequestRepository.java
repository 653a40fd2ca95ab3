package cn.hrss.zcrd.backoffice.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** The UKEY requests of external-CA mode. */
public interface ExternalUkeyRequestRepository extends JpaRepository<ExternalUkeyRequest, Long> {

    List<ExternalUkeyRequest> findByAccountIdAndStateOrderByIdDesc(long accountId, ExternalUkeyRequest.State state);
}

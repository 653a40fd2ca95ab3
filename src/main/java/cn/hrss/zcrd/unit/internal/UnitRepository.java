package cn.hrss.zcrd.unit.internal;

import cn.hrss.zcrd.unit.Unit;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface UnitRepository extends JpaRepository<Unit, Long> {

    Optional<Unit> findByAccountId(Long accountId);

    boolean existsByCreditCode(String creditCode);

    boolean existsByNameKey(String nameKey);
}

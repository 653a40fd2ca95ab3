package cn.hrss.zcrd.declaration.internal;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DeclarationSnapshotRepository extends JpaRepository<DeclarationSnapshot, Long> {

    /** The snapshot of the latest 确定申报. */
    Optional<DeclarationSnapshot> findFirstByDeclarationIdOrderByIdDesc(long declarationId);
}

package cn.hrss.zcrd.account.internal;

import cn.hrss.zcrd.account.UkeyBinding;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface UkeyBindingRepository extends JpaRepository<UkeyBinding, Long> {

    @Query("select b from UkeyBinding b join fetch b.account where b.certificateSha256 = ?1")
    Optional<UkeyBinding> findByFingerprint(String sha256);

    List<UkeyBinding> findByAccountId(Long accountId);
}

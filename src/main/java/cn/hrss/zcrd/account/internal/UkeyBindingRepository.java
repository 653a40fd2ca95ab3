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

    @Query(
            "select b from UkeyBinding b join fetch b.account where b.account.id = ?1 order by b.boundAt desc, b.id desc")
    List<UkeyBinding> findByAccountNewestFirst(long accountId);

    @Query("select b from UkeyBinding b join fetch b.account where b.id = ?1")
    Optional<UkeyBinding> findWithAccount(long bindingId);

    @Query("select count(b) > 0 from UkeyBinding b where b.id = ?1 and b.revokedAt is null and b.suspendedAt is null")
    boolean isActive(long bindingId);

    @Query("select b from UkeyBinding b where b.revokedAt is not null")
    List<UkeyBinding> findRevoked();
}

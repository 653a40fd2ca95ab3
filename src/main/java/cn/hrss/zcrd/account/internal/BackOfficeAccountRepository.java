package cn.hrss.zcrd.account.internal;

import cn.hrss.zcrd.account.BackOfficeAccount;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface BackOfficeAccountRepository extends JpaRepository<BackOfficeAccount, Long> {

    Optional<BackOfficeAccount> findByUsername(String username);
}

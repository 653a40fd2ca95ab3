package cn.hrss.zcrd.account.internal;

import cn.hrss.zcrd.account.PortalAccountKind;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PortalAccountRepository extends JpaRepository<PortalAccount, Long> {

    Optional<PortalAccount> findByKindAndLoginName(PortalAccountKind kind, String loginName);
}

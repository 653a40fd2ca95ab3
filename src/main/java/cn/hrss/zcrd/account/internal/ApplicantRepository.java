package cn.hrss.zcrd.account.internal;

import cn.hrss.zcrd.account.Applicant;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ApplicantRepository extends JpaRepository<Applicant, Long> {

    Optional<Applicant> findByAccountId(Long accountId);

    boolean existsByIdNumber(String idNumber);
}

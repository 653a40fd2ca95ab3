package cn.hrss.zcrd.account.internal;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ApplicantRepository extends JpaRepository<Applicant, Long> {

    Optional<Applicant> findByAccountId(Long accountId);

    boolean existsByIdNumber(String idNumber);
}

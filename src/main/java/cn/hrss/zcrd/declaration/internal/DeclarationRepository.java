package cn.hrss.zcrd.declaration.internal;

import cn.hrss.zcrd.declaration.Declaration;
import cn.hrss.zcrd.unit.BusinessType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface DeclarationRepository extends JpaRepository<Declaration, Long> {

    /** 我的申报信息 (index {@code idx_declaration_applicant}). */
    List<Declaration> findByApplicantAccountIdOrderByCreatedAtDescIdDesc(long applicantAccountId);

    /** 我的申报信息 / 我的外地调入信息: one business (index {@code idx_declaration_applicant_business}). */
    List<Declaration> findByApplicantAccountIdAndBusinessTypeOrderByCreatedAtDescIdDesc(
            long applicantAccountId, BusinessType businessType);

    /** Other open declarations of the person for the year and level (unique key {@code uk_declaration_open}). */
    long countByApplicantAccountIdAndDeclarationYearAndLevelCodeAndOpenMarkerTrueAndIdNot(
            long applicantAccountId, int declarationYear, String levelCode, long id);

    @Query("select d from Declaration d join d.attachments a where a.id = :attachmentId")
    Optional<Declaration> findByAttachmentId(@Param("attachmentId") long attachmentId);
}

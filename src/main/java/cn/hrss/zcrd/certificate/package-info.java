/**
 * Title certificates (SPEC §6–§7): the certificate library (证书库管理 → 职称认定, {@link
 * cn.hrss.zcrd.certificate.CertificateLibrary}), issuance batches with gapless numbering per issuing unit and year
 * ({@link cn.hrss.zcrd.certificate.CertificateIssuance}, {@link cn.hrss.zcrd.certificate.CertificateNumber}), the
 * issued certificates with download and revocation (职称认定证书管理 and the applicant's 我的证书, {@link
 * cn.hrss.zcrd.certificate.TitleCertificates}). Every back-office call checks the signed-in operator through
 * {@code account.BackOfficeGuard}; refusals carry message keys ({@link
 * cn.hrss.zcrd.certificate.CertificateRefusedException}).
 *
 * <p>Inside ({@code internal}): the library fed by {@code declaration.DeclarationFinallyApproved}, the numbering
 * counters, the batch job (lease, chunks, resume), the PDF maker ({@code CertificateDocuments}) and the stores.
 */
package cn.hrss.zcrd.certificate;

package cn.hrss.zcrd.certificate.internal;

import static cn.hrss.zcrd.certificate.CertificateRefusedException.ALREADY_REVOKED;
import static cn.hrss.zcrd.certificate.CertificateRefusedException.NOT_FOUND;
import static cn.hrss.zcrd.certificate.CertificateRefusedException.REASON_REQUIRED;

import cn.hrss.zcrd.account.BackOfficeAction;
import cn.hrss.zcrd.account.PortalUser;
import cn.hrss.zcrd.audit.AuditEntry;
import cn.hrss.zcrd.audit.AuditTrail;
import cn.hrss.zcrd.certificate.CertificateFile;
import cn.hrss.zcrd.certificate.CertificateQuery;
import cn.hrss.zcrd.certificate.CertificateRefusedException;
import cn.hrss.zcrd.certificate.CertificateSort;
import cn.hrss.zcrd.certificate.TitleCertificate;
import cn.hrss.zcrd.certificate.TitleCertificates;
import cn.hrss.zcrd.shared.RequestedIds;
import cn.hrss.zcrd.declaration.Actor;
import cn.hrss.zcrd.declaration.DeclarationAction;
import cn.hrss.zcrd.declaration.DeclarationCertification;
import java.time.Clock;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 职称认定证书管理 and 我的证书. */
@Service
class CertificateService implements TitleCertificates {

    private final CertificateStore store;
    private final BatchStore batches;
    private final DeclarationCertification certification;
    private final Operators operators;
    private final AuditTrail audit;
    private final Clock clock;

    CertificateService(
            CertificateStore store,
            BatchStore batches,
            DeclarationCertification certification,
            Operators operators,
            AuditTrail audit,
            Clock clock) {
        this.store = store;
        this.batches = batches;
        this.certification = certification;
        this.operators = operators;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public long count(CertificateQuery query) {
        return store.count(operators.require(BackOfficeAction.VIEW_CERTIFICATES).unitId(), query);
    }

    @Override
    @Transactional(readOnly = true)
    public List<TitleCertificate> find(
            CertificateQuery query, int first, int pageSize, CertificateSort sort, boolean ascending) {
        return store.find(
                operators.require(BackOfficeAction.VIEW_CERTIFICATES).unitId(),
                query,
                first,
                pageSize,
                sort,
                ascending);
    }

    @Override
    @Transactional(readOnly = true)
    public TitleCertificate get(long certificateId) {
        return ofUnit(
                certificateId,
                operators.require(BackOfficeAction.VIEW_CERTIFICATES).unitId());
    }

    @Override
    @Transactional
    public CertificateFile download(long certificateId) {
        TitleCertificate c = ofUnit(
                certificateId,
                operators.require(BackOfficeAction.VIEW_CERTIFICATES).unitId());
        CertificateFile file = file(c);
        audit.record(AuditEntry.action(Operators.AUDIT_DOWNLOADED)
                .target("CERTIFICATE", c.number())
                .build());
        return file;
    }

    @Override
    @Transactional
    public void revoke(long certificateId, String reason) {
        Operators.Acting acting = operators.require(BackOfficeAction.REVOKE_CERTIFICATE);
        String text = reason == null ? "" : reason.strip();
        if (text.isEmpty() || text.length() > MAX_REASON) {
            throw new CertificateRefusedException(REASON_REQUIRED, MAX_REASON);
        }
        TitleCertificate c = store.lock(certificateId)
                .filter(x -> x.unitId() == acting.unitId())
                .orElseThrow(() -> operators.refuse(Operators.AUDIT_REVOKED, NOT_FOUND));
        if (c.status().replaced()) {
            throw operators.refuse(Operators.AUDIT_REVOKED, CertificateRefusedException.NOT_REPLACEABLE);
        }
        if (batches.successorPending(certificateId)) {
            throw operators.refuse(Operators.AUDIT_REVOKED, CertificateRefusedException.SUCCESSION_PENDING);
        }
        if (!store.revoke(
                certificateId,
                acting.unitId(),
                acting.user().getAccountId(),
                acting.user().getDisplayName(),
                text,
                clock.instant())) {
            throw new CertificateRefusedException(ALREADY_REVOKED);
        }
        certification.certificateChanged(
                c.declarationId(),
                DeclarationAction.REVOKE_CERTIFICATE,
                c.number(),
                text,
                Actor.ofUnit(acting.user().getAccountId(), acting.user().getDisplayName(), acting.unitId()));
        audit.record(AuditEntry.action(Operators.AUDIT_REVOKED)
                .target("CERTIFICATE", c.number())
                .detail(text)
                .build());
    }

    @Override
    @Transactional(readOnly = true)
    public List<TitleCertificate> mine(PortalUser applicant) {
        requirePerson(applicant);
        return store.ofApplicant(applicant.accountId()).stream()
                .map(CertificateService::masked)
                .toList();
    }

    @Override
    @Transactional(readOnly = true)
    public CertificateFile downloadMine(long certificateId, PortalUser applicant) {
        requirePerson(applicant);
        TitleCertificate c = RequestedIds.found(store.find(certificateId), "certificate");
        if (c.applicantAccountId() != applicant.accountId()) {
            throw new AccessDeniedException("not the applicant's certificate");
        }
        return file(c);
    }

    private TitleCertificate ofUnit(long id, long unitId) {
        return store.find(id)
                .filter(c -> c.unitId() == unitId)
                .orElseThrow(() -> new CertificateRefusedException(NOT_FOUND));
    }

    private CertificateFile file(TitleCertificate c) {
        byte[] pdf = store.pdf(c.id()).orElseThrow(() -> new CertificateRefusedException(NOT_FOUND));
        return new CertificateFile(c.number() + ".pdf", pdf, c.sha256());
    }

    private static void requirePerson(PortalUser user) {
        if (user == null || !user.isPerson()) {
            throw new AccessDeniedException("only an applicant has certificates");
        }
    }

    private static TitleCertificate masked(TitleCertificate c) {
        return new TitleCertificate(
                c.id(),
                c.number(),
                c.declarationId(),
                c.applicantAccountId(),
                c.holderName(),
                IssuanceJob.masked(c.idNumber()),
                c.titleName(),
                c.seriesName(),
                c.specialtyName(),
                c.levelName(),
                c.publishDate(),
                c.unitId(),
                c.unitName(),
                c.issuedAt(),
                c.status(),
                c.pdfSize(),
                c.sha256(),
                c.revokedAt(),
                c.revokedBy(),
                c.revocationReason(),
                c.predecessorNumber(),
                c.successorNumber(),
                c.successionReason());
    }
}

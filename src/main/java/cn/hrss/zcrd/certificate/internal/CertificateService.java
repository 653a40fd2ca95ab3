package cn.hrss.zcrd.certificate.internal;

import static cn.hrss.zcrd.certificate.CertificateRefusedException.ALREADY_REVOKED;
import static cn.hrss.zcrd.certificate.CertificateRefusedException.NOT_FOUND;
import static cn.hrss.zcrd.certificate.CertificateRefusedException.REASON_REQUIRED;

import cn.hrss.zcrd.account.BackOfficeAction;
import cn.hrss.zcrd.account.PortalUser;
import cn.hrss.zcrd.approval.ApprovalHandler;
import cn.hrss.zcrd.approval.ApprovalKind;
import cn.hrss.zcrd.approval.ApprovalRequest;
import cn.hrss.zcrd.approval.ApprovalTarget;
import cn.hrss.zcrd.approval.Approvals;
import cn.hrss.zcrd.audit.AuditEntry;
import cn.hrss.zcrd.audit.AuditTrail;
import cn.hrss.zcrd.certificate.CertificateFile;
import cn.hrss.zcrd.certificate.CertificateQuery;
import cn.hrss.zcrd.certificate.CertificateRefusedException;
import cn.hrss.zcrd.certificate.CertificateSort;
import cn.hrss.zcrd.certificate.CertificateStatus;
import cn.hrss.zcrd.certificate.TitleCertificate;
import cn.hrss.zcrd.certificate.TitleCertificates;
import cn.hrss.zcrd.declaration.Actor;
import cn.hrss.zcrd.declaration.DeclarationAction;
import cn.hrss.zcrd.declaration.DeclarationCertification;
import cn.hrss.zcrd.shared.IdNumber;
import cn.hrss.zcrd.shared.RequestedIds;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 职称认定证书管理 and 我的证书; 注销 under the four-eyes rule ({@link ApprovalKind#REVOKE_CERTIFICATE}). */
@Service
class CertificateService implements TitleCertificates, ApprovalHandler {

    private final CertificateStore store;
    private final BatchStore batches;
    private final DeclarationCertification certification;
    private final Operators operators;
    private final AuditTrail audit;
    private final Clock clock;
    private final Approvals approvals;

    CertificateService(
            CertificateStore store,
            BatchStore batches,
            DeclarationCertification certification,
            Operators operators,
            AuditTrail audit,
            Clock clock,
            Approvals approvals) {
        this.store = store;
        this.batches = batches;
        this.certification = certification;
        this.operators = operators;
        this.audit = audit;
        this.clock = clock;
        this.approvals = approvals;
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
    public List<TitleCertificate> findAfter(CertificateQuery query, TitleCertificate last, int pageSize) {
        return store.findAfter(
                operators.require(BackOfficeAction.VIEW_CERTIFICATES).unitId(), query, last, pageSize);
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
    public Optional<ApprovalRequest> revoke(long certificateId, String reason) {
        Revocation revocation = checkRevocation(certificateId, reason);
        TitleCertificate c = revocation.certificate();
        Optional<ApprovalRequest> asked = approvals.requestIfRequired(
                ApprovalKind.REVOKE_CERTIFICATE,
                ApprovalTarget.ofUnit(
                        "CERTIFICATE",
                        certificateId,
                        revocation.acting().unitId(),
                        c.number() + " " + c.holderName() + " " + c.titleName(),
                        null),
                revocation.text());
        if (asked.isEmpty()) {
            revoke(revocation, null);
        }
        return asked;
    }

    @Override
    public boolean revocationNeedsApproval() {
        return approvals.required(ApprovalKind.REVOKE_CERTIFICATE);
    }

    @Override
    public ApprovalKind kind() {
        return ApprovalKind.REVOKE_CERTIFICATE;
    }

    /** 注销 approved by a second operator of the unit: carried out as them, their checks again. */
    @Override
    public String execute(ApprovalRequest request) {
        revoke(checkRevocation(request.targetId(), request.reason()), request.auditNote());
        return null;
    }

    private record Revocation(Operators.Acting acting, TitleCertificate certificate, String text) {}

    private Revocation checkRevocation(long certificateId, String reason) {
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
        if (c.status() == CertificateStatus.REVOKED) {
            throw new CertificateRefusedException(ALREADY_REVOKED);
        }
        return new Revocation(acting, c, text);
    }

    private void revoke(Revocation revocation, String via) {
        Operators.Acting acting = revocation.acting();
        TitleCertificate c = revocation.certificate();
        if (!store.revoke(
                c.id(),
                acting.unitId(),
                acting.user().getAccountId(),
                acting.user().getDisplayName(),
                revocation.text(),
                clock.instant())) {
            throw new CertificateRefusedException(ALREADY_REVOKED);
        }
        certification.certificateChanged(
                c.declarationId(),
                DeclarationAction.REVOKE_CERTIFICATE,
                c.number(),
                revocation.text(),
                Actor.ofUnit(acting.user().getAccountId(), acting.user().getDisplayName(), acting.unitId()));
        audit.record(AuditEntry.action(Operators.AUDIT_REVOKED)
                .target("CERTIFICATE", c.number())
                .detail(revocation.text() + (via == null ? "" : "; " + via))
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
                IdNumber.masked(c.idNumber()),
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

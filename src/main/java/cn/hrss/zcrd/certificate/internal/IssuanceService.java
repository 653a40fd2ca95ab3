package cn.hrss.zcrd.certificate.internal;

import static cn.hrss.zcrd.certificate.CertificateRefusedException.ALREADY_ISSUED;
import static cn.hrss.zcrd.certificate.CertificateRefusedException.AUTHORITY_SUSPENDED;
import static cn.hrss.zcrd.certificate.CertificateRefusedException.AUTHORITY_WITHDRAWN;
import static cn.hrss.zcrd.certificate.CertificateRefusedException.BATCH_TOO_LARGE;
import static cn.hrss.zcrd.certificate.CertificateRefusedException.CORRECTION_INVALID;
import static cn.hrss.zcrd.certificate.CertificateRefusedException.NOTHING_CORRECTED;
import static cn.hrss.zcrd.certificate.CertificateRefusedException.NOTHING_SELECTED;
import static cn.hrss.zcrd.certificate.CertificateRefusedException.NOT_FOUND;
import static cn.hrss.zcrd.certificate.CertificateRefusedException.NOT_REPLACEABLE;
import static cn.hrss.zcrd.certificate.CertificateRefusedException.NOT_RESUMABLE;
import static cn.hrss.zcrd.certificate.CertificateRefusedException.NO_SEAL;
import static cn.hrss.zcrd.certificate.CertificateRefusedException.OTHER_UNIT;
import static cn.hrss.zcrd.certificate.CertificateRefusedException.OUTSIDE_AUTHORITY;
import static cn.hrss.zcrd.certificate.CertificateRefusedException.PUBLISH_DATE_REQUIRED;
import static cn.hrss.zcrd.certificate.CertificateRefusedException.SUCCESSION_PENDING;
import static cn.hrss.zcrd.certificate.CertificateRefusedException.SUCCESSION_REASON_REQUIRED;
import static cn.hrss.zcrd.certificate.CertificateRefusedException.UNPRINTABLE;

import cn.hrss.zcrd.account.BackOfficeAction;
import cn.hrss.zcrd.account.BackOfficeUser;
import cn.hrss.zcrd.approval.ApprovalKind;
import cn.hrss.zcrd.approval.ApprovalRequest;
import cn.hrss.zcrd.approval.ApprovalTarget;
import cn.hrss.zcrd.approval.Approvals;
import cn.hrss.zcrd.audit.AuditEntry;
import cn.hrss.zcrd.audit.AuditTrail;
import cn.hrss.zcrd.certificate.BatchProgress;
import cn.hrss.zcrd.certificate.BatchState;
import cn.hrss.zcrd.certificate.CertificateIssuance;
import cn.hrss.zcrd.certificate.CertificateStatus;
import cn.hrss.zcrd.certificate.CertificateSuccession;
import cn.hrss.zcrd.certificate.LibraryQuery;
import cn.hrss.zcrd.certificate.TitleCertificates;
import cn.hrss.zcrd.seal.ElectronicSeals;
import cn.hrss.zcrd.shared.BusinessTime;
import cn.hrss.zcrd.shared.PrintableText;
import cn.hrss.zcrd.unit.IssuingAuthorities;
import cn.hrss.zcrd.unit.IssuingAuthorityInfo;
import cn.hrss.zcrd.unit.IssuingAuthorityStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Starts batches (every check server-side, entries locked) and hands them to the {@link IssuanceJob}: 入库 of
 * library entries, and the one-item batches of 补发 / 更正 (the old certificate locked).
 */
@Service
class IssuanceService implements CertificateIssuance, CertificateSuccession {

    private final NamedParameterJdbcTemplate jdbc;
    private final Operators operators;
    private final LibraryService library;
    private final BatchStore batches;
    private final IssuanceJob job;
    private final BatchLeases leases;
    private final ObjectProvider<ElectronicSeals> seals;
    private final IssuingAuthorities authorities;
    private final AuditTrail audit;
    private final IssuanceProperties properties;
    private final BusinessTime time;
    private final PrintableText printable;
    private final Approvals approvals;
    private final Clock clock;

    IssuanceService(
            NamedParameterJdbcTemplate jdbc,
            Operators operators,
            LibraryService library,
            BatchStore batches,
            IssuanceJob job,
            BatchLeases leases,
            ObjectProvider<ElectronicSeals> seals,
            IssuingAuthorities authorities,
            AuditTrail audit,
            IssuanceProperties properties,
            BusinessTime time,
            PrintableText printable,
            Approvals approvals,
            Clock clock) {
        this.jdbc = jdbc;
        this.operators = operators;
        this.library = library;
        this.batches = batches;
        this.job = job;
        this.leases = leases;
        this.seals = seals;
        this.authorities = authorities;
        this.audit = audit;
        this.properties = properties;
        this.time = time;
        this.printable = printable;
        this.approvals = approvals;
        this.clock = clock;
    }

    @Override
    public int maxBatchSize() {
        return properties.maxBatchSize();
    }

    @Override
    @Transactional
    public long start(Collection<Long> entryIds, LocalDate publishDate) {
        Operators.Acting acting = operators.require(BackOfficeAction.ISSUE_CERTIFICATE);
        List<Long> ids = entryIds == null ? List.of() : new ArrayList<>(new LinkedHashSet<>(entryIds));
        return create(acting, ids, publishDate);
    }

    @Override
    @Transactional
    public long startAll(LibraryQuery query, LocalDate publishDate) {
        Operators.Acting acting = operators.require(BackOfficeAction.ISSUE_CERTIFICATE);
        return create(acting, library.matchingIds(acting.unitId(), query, properties.maxBatchSize() + 1), publishDate);
    }

    private long create(Operators.Acting acting, List<Long> ids, LocalDate publishDate) {
        String auditAction = Operators.AUDIT_BATCH_STARTED;
        if (publishDate == null) {
            throw operators.refuse(auditAction, PUBLISH_DATE_REQUIRED);
        }
        if (ids.isEmpty()) {
            throw operators.refuse(auditAction, NOTHING_SELECTED);
        }
        if (ids.size() > properties.maxBatchSize()) {
            throw operators.refuse(auditAction, BATCH_TOO_LARGE, properties.maxBatchSize());
        }
        long unitId = acting.unitId();
        requireNotStopped(unitId, null, auditAction);
        if (sealInForce(unitId).isEmpty()) {
            throw operators.refuse(auditAction, NO_SEAL);
        }
        Map<Long, Locked> locked = lock(ids);
        Set<String> held = authorities.heldLevels(unitId);
        for (long id : ids) {
            Locked entry = locked.get(id);
            if (entry == null || entry.unitId() != unitId) {
                throw operators.refuse(auditAction, OTHER_UNIT);
            }
            if (entry.taken()) {
                throw operators.refuse(auditAction, ALREADY_ISSUED);
            }
            if (!held.contains(entry.levelCode())) {
                requireNotStopped(unitId, entry.levelCode(), auditAction);
                throw operators.refuse(auditAction, OUTSIDE_AUTHORITY, entry.levelName());
            }
            for (String printed : entry.printed()) {
                refuseUnprintable(auditAction, printed);
            }
        }
        Instant now = clock.instant();
        long batchId = batches.create(unitId, ids, publishDate, starter(acting), leases.node(), leases.until(now), now);
        audit.record(AuditEntry.action(auditAction)
                .target("CERTIFICATE_BATCH", batchId)
                .detail(ids.size() + " 人，公布时间 " + publishDate)
                .build());
        dispatchAfterCommit(batchId);
        return batchId;
    }

    /**
     * Refuses with the bureau's reason when the unit's issuing authority (for the level; null: any, when it holds
     * none) was suspended (暂停) or withdrawn (撤销).
     */
    private void requireNotStopped(long unitId, String levelCode, String auditAction) {
        var stopped = authorities.stopped(unitId, levelCode);
        if (stopped.isPresent()) {
            IssuingAuthorityInfo info = stopped.get();
            throw operators.refuse(
                    auditAction,
                    info.status() == IssuingAuthorityStatus.SUSPENDED ? AUTHORITY_SUSPENDED : AUTHORITY_WITHDRAWN,
                    info.stopReason());
        }
    }

    private static BatchStore.Starter starter(Operators.Acting acting) {
        BackOfficeUser user = acting.user();
        return new BatchStore.Starter(
                user.getAccountId(), user.getUsername(), user.getDisplayName(), user.isUkeySession());
    }

    @Override
    @Transactional
    public Started reissue(long certificateId, String reason) {
        return reissue(certificateId, reason, null);
    }

    /**
     * 补发 by the signed-in operator: {@code via} null — the requester, who asks for a second operator where
     * {@link ApprovalKind#REISSUE_CERTIFICATE} is required; else the approver carrying out the request (its audit
     * note), every check made again.
     */
    @Transactional
    Started reissue(long certificateId, String reason, String via) {
        Operators.Acting acting = operators.require(BackOfficeAction.ISSUE_CERTIFICATE);
        Predecessor old = predecessor(acting, certificateId, Operators.AUDIT_REISSUED, reason, via == null);
        return requestOrSucceed(
                ApprovalKind.REISSUE_CERTIFICATE,
                null,
                acting,
                old,
                new BatchStore.Successor(
                        old.entryId(),
                        certificateId,
                        BatchStore.Succession.REISSUE,
                        reason.strip(),
                        old.titleName(),
                        old.specialtyName()),
                old.publishDate(),
                Operators.AUDIT_REISSUED,
                via);
    }

    @Override
    @Transactional
    public Started correct(long certificateId, Correction correction) {
        return correct(certificateId, correction, null);
    }

    /** 更正, as {@link #reissue(long, String, String)}; the request carries the corrected values. */
    @Transactional
    Started correct(long certificateId, Correction correction, String via) {
        Operators.Acting acting = operators.require(BackOfficeAction.ISSUE_CERTIFICATE);
        String audit = Operators.AUDIT_CORRECTED;
        Correction c = correction == null ? new Correction(null, null, null, null) : correction;
        String title = c.titleName() == null ? "" : c.titleName().strip();
        String specialty = c.specialtyName() == null ? "" : c.specialtyName().strip();
        if (title.isEmpty()
                || specialty.isEmpty()
                || title.length() > MAX_NAME
                || specialty.length() > MAX_NAME
                || (title + specialty).codePoints().anyMatch(Character::isISOControl)
                || c.publishDate() == null) {
            throw operators.refuse(audit, CORRECTION_INVALID, MAX_NAME);
        }
        refuseUnprintable(audit, title);
        refuseUnprintable(audit, specialty);
        Predecessor old = predecessor(acting, certificateId, audit, c.reason(), via == null);
        if (title.equals(old.titleName())
                && specialty.equals(old.specialtyName())
                && c.publishDate().equals(old.publishDate())) {
            throw operators.refuse(audit, NOTHING_CORRECTED);
        }
        return requestOrSucceed(
                ApprovalKind.CORRECT_CERTIFICATE,
                ApprovalTarget.parameters(
                        PARAMETER_TITLE,
                        title,
                        PARAMETER_SPECIALTY,
                        specialty,
                        PARAMETER_PUBLISH_DATE,
                        c.publishDate()),
                acting,
                old,
                new BatchStore.Successor(
                        old.entryId(),
                        certificateId,
                        BatchStore.Succession.CORRECT,
                        c.reason().strip(),
                        title,
                        specialty),
                c.publishDate(),
                audit,
                via);
    }

    static final String PARAMETER_TITLE = "title";
    static final String PARAMETER_SPECIALTY = "specialty";
    static final String PARAMETER_PUBLISH_DATE = "publishDate";

    /** The corrected values an approved 更正 request carries. */
    static Correction correctionOf(ApprovalRequest request) {
        String date = request.parameter(PARAMETER_PUBLISH_DATE);
        return new Correction(
                request.parameter(PARAMETER_TITLE),
                request.parameter(PARAMETER_SPECIALTY),
                date == null ? null : LocalDate.parse(date),
                request.reason());
    }

    @Override
    public boolean successionNeedsApproval() {
        return approvals.required(ApprovalKind.REISSUE_CERTIFICATE);
    }

    /** The certificate as a four-eyes target: another operator of the same unit approves. */
    private static ApprovalTarget target(Operators.Acting acting, Predecessor old, String parameters) {
        return ApprovalTarget.ofUnit(
                "CERTIFICATE",
                old.id(),
                acting.unitId(),
                old.number() + " " + old.levelName() + " " + old.titleName() + " " + old.specialtyName(),
                parameters);
    }

    /** The certificate to replace, locked ({@code FOR UPDATE}: a revocation or another successor waits). */
    private record Predecessor(
            long id,
            long entryId,
            String number,
            String levelCode,
            String levelName,
            String titleName,
            String specialtyName,
            LocalDate publishDate,
            String status) {}

    /**
     * Checks the reason, the certificate (the unit's, valid, no successor on its way — nor, for a new request
     * ({@code asking}), a 补发 or 更正 request waiting for a second operator), seal and authority.
     */
    private Predecessor predecessor(
            Operators.Acting acting, long certificateId, String audit, String reason, boolean asking) {
        String text = reason == null ? "" : reason.strip();
        if (text.isEmpty() || text.length() > TitleCertificates.MAX_REASON) {
            throw operators.refuse(audit, SUCCESSION_REASON_REQUIRED, TitleCertificates.MAX_REASON);
        }
        Predecessor old = jdbc
                .query(
                        "SELECT c.id, c.entry_id, c.number, e.level_code, c.level_name, c.title_name, "
                                + "c.specialty_name, c.publish_date, c.status FROM title_certificate c JOIN "
                                + "certificate_library_entry e ON e.id = c.entry_id WHERE c.id = :id "
                                + "AND c.unit_id = :unit FOR UPDATE",
                        new MapSqlParameterSource("id", certificateId).addValue("unit", acting.unitId()),
                        (rs, row) -> new Predecessor(
                                rs.getLong("id"),
                                rs.getLong("entry_id"),
                                rs.getString("number"),
                                rs.getString("level_code"),
                                rs.getString("level_name"),
                                rs.getString("title_name"),
                                rs.getString("specialty_name"),
                                rs.getDate("publish_date").toLocalDate(),
                                rs.getString("status")))
                .stream()
                .findFirst()
                .orElseThrow(() -> operators.refuse(audit, NOT_FOUND));
        if (!CertificateStatus.VALID.name().equals(old.status())) {
            throw operators.refuse(audit, NOT_REPLACEABLE);
        }
        if (batches.successorPending(certificateId)
                || (asking
                        && (approvals.isPending(ApprovalKind.REISSUE_CERTIFICATE, "CERTIFICATE", certificateId)
                                || approvals.isPending(
                                        ApprovalKind.CORRECT_CERTIFICATE, "CERTIFICATE", certificateId)))) {
            throw operators.refuse(audit, SUCCESSION_PENDING);
        }
        requireNotStopped(acting.unitId(), null, audit);
        if (sealInForce(acting.unitId()).isEmpty()) {
            throw operators.refuse(audit, NO_SEAL);
        }
        if (!authorities.heldLevels(acting.unitId()).contains(old.levelCode())) {
            requireNotStopped(acting.unitId(), old.levelCode(), audit);
            throw operators.refuse(audit, OUTSIDE_AUTHORITY, old.levelName());
        }
        return old;
    }

    /**
     * A requester's ({@code via} null) request for a second operator where {@code kind} requires one, with the target's
     * {@code parameters}; else the one-item batch of the successor (numbered in the current business year) stored, the
     * request audited and the job started.
     */
    private Started requestOrSucceed(
            ApprovalKind kind,
            String parameters,
            Operators.Acting acting,
            Predecessor old,
            BatchStore.Successor successor,
            LocalDate publishDate,
            String auditAction,
            String via) {
        if (via == null) {
            Optional<ApprovalRequest> asked =
                    approvals.requestIfRequired(kind, target(acting, old, parameters), successor.reason());
            if (asked.isPresent()) {
                return Started.requested(asked.get());
            }
        }
        Instant now = clock.instant();
        long batchId = batches.createSuccessor(
                acting.unitId(),
                successor,
                publishDate,
                time.today().getYear(),
                starter(acting),
                leases.node(),
                leases.until(now),
                now);
        audit.record(AuditEntry.action(auditAction)
                .target("CERTIFICATE", old.number())
                .detail(successor.reason() + (via == null ? "" : "; " + via))
                .build());
        dispatchAfterCommit(batchId);
        return Started.batch(batchId);
    }

    /** Refuses a text to be printed on a certificate that has a character no certificate font can draw. */
    private void refuseUnprintable(String auditAction, String text) {
        OptionalInt c = printable.firstUnprintable(text);
        if (c.isPresent()) {
            throw operators.refuse(auditAction, UNPRINTABLE, text, PrintableText.describe(c.getAsInt()));
        }
    }

    /** A selected entry, with the texts of it the certificate prints (holder, series, title, specialty). */
    private record Locked(long unitId, String levelCode, String levelName, boolean taken, List<String> printed) {}

    /** Locks the selected entries ({@code FOR UPDATE}): two operators selecting the same person cannot both win. */
    private Map<Long, Locked> lock(List<Long> ids) {
        Map<Long, Locked> locked = new HashMap<>();
        for (int from = 0; from < ids.size(); from += 1000) {
            List<Long> part = ids.subList(from, Math.min(ids.size(), from + 1000));
            jdbc.query(
                    "SELECT id, unit_id, level_code, level_name, batch_id, certificate_id, holder_name, "
                            + "series_name, title_name, specialty_name FROM "
                            + "certificate_library_entry WHERE id IN (:ids) FOR UPDATE",
                    new MapSqlParameterSource("ids", part),
                    rs -> {
                        rs.getLong("batch_id");
                        boolean inBatch = !rs.wasNull();
                        rs.getLong("certificate_id");
                        boolean issued = !rs.wasNull();
                        locked.put(
                                rs.getLong("id"),
                                new Locked(
                                        rs.getLong("unit_id"),
                                        rs.getString("level_code"),
                                        rs.getString("level_name"),
                                        inBatch || issued,
                                        List.of(
                                                rs.getString("holder_name"),
                                                rs.getString("series_name"),
                                                rs.getString("title_name"),
                                                rs.getString("specialty_name"))));
                    });
        }
        return locked;
    }

    @Override
    @Transactional(readOnly = true)
    public BatchProgress progress(long batchId) {
        Operators.Acting acting = operators.require(BackOfficeAction.VIEW_CERTIFICATES);
        return batches.progress(batchId)
                .filter(b -> b.unitId() == acting.unitId())
                .orElseThrow(() -> new cn.hrss.zcrd.certificate.CertificateRefusedException(NOT_FOUND));
    }

    @Override
    @Transactional(readOnly = true)
    public List<BatchProgress> recent(int limit) {
        Operators.Acting acting = operators.require(BackOfficeAction.VIEW_CERTIFICATES);
        return batches.recent(acting.unitId(), limit);
    }

    @Override
    @Transactional
    public void resume(long batchId) {
        Operators.Acting acting = operators.require(BackOfficeAction.ISSUE_CERTIFICATE);
        BatchStore.Batch batch = batches.find(batchId)
                .filter(b -> b.unitId() == acting.unitId())
                .orElseThrow(() -> operators.refuse(Operators.AUDIT_BATCH_RESUMED, NOT_FOUND));
        if (batch.state() == BatchState.COMPLETED || leases.heldElsewhere(batch) || job.isRunning(batchId)) {
            throw operators.refuse(Operators.AUDIT_BATCH_RESUMED, NOT_RESUMABLE);
        }
        audit.record(AuditEntry.action(Operators.AUDIT_BATCH_RESUMED)
                .target("CERTIFICATE_BATCH", batchId)
                .detail(batch.issued() + "/" + batch.total())
                .build());
        dispatchAfterCommit(batchId);
    }

    private void dispatchAfterCommit(long batchId) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                job.dispatch(batchId);
            }
        });
    }

    /** The unit's seal in force; none while the seal feature has no electronic seals (or none for the unit). */
    private java.util.Optional<cn.hrss.zcrd.seal.ElectronicSeal> sealInForce(long unitId) {
        ElectronicSeals available = seals.getIfAvailable();
        return available == null ? java.util.Optional.empty() : available.inForce(unitId);
    }
}

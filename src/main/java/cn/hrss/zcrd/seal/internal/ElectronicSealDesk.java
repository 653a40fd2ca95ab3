package cn.hrss.zcrd.seal.internal;

import cn.hrss.zcrd.account.BackOfficeAction;
import cn.hrss.zcrd.account.BackOfficeGuard;
import cn.hrss.zcrd.account.BackOfficeUser;
import cn.hrss.zcrd.approval.ApprovalHandler;
import cn.hrss.zcrd.approval.ApprovalKind;
import cn.hrss.zcrd.approval.ApprovalRequest;
import cn.hrss.zcrd.approval.ApprovalTarget;
import cn.hrss.zcrd.approval.Approvals;
import cn.hrss.zcrd.audit.AuditEntry;
import cn.hrss.zcrd.audit.AuditTrail;
import cn.hrss.zcrd.catalog.Regions;
import cn.hrss.zcrd.shared.FieldProblem;
import cn.hrss.zcrd.shared.InvalidInputException;
import cn.hrss.zcrd.signing.CertificateAuthority;
import jakarta.persistence.EntityManager;
import java.io.Serializable;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 印章管理 → 电子印章 (bureau reviewers): the electronic seals of the units in the reviewer's region, and 吊销
 * (revoke) with a reason in a UKEY session (the configurable policy of {@link BackOfficeGuard}) — by default as a
 * request a second reviewer approves ({@code approval} module, four eyes). Revoking puts the
 * seal certificate on the seal CA's CRL in the same transaction and the key signs nothing from then on; certificates
 * signed before keep their time-stamped signatures.
 */
@Service
public class ElectronicSealDesk implements ApprovalHandler {

    private final ElectronicSealRecordRepository records;
    private final SealImpressionRepository impressions;
    private final BackOfficeGuard guard;
    private final Regions regions;
    private final CertificateAuthority authority;
    private final AuditTrail audit;
    private final EntityManager em;
    private final Clock clock;
    private final Approvals approvals;

    static final String TARGET = "ELECTRONIC_SEAL";

    ElectronicSealDesk(
            ElectronicSealRecordRepository records,
            SealImpressionRepository impressions,
            BackOfficeGuard guard,
            Regions regions,
            CertificateAuthority authority,
            AuditTrail audit,
            EntityManager em,
            Clock clock,
            Approvals approvals) {
        this.records = records;
        this.impressions = impressions;
        this.guard = guard;
        this.regions = regions;
        this.authority = authority;
        this.audit = audit;
        this.em = em;
        this.clock = clock;
        this.approvals = approvals;
    }

    /** One electronic seal as the list shows it. */
    public record Listing(
            long id,
            String unitName,
            String creditCode,
            int sealVersion,
            String serialHex,
            Instant activatedAt,
            Instant notAfter,
            ElectronicSealRecord.State state,
            Instant revokedAt,
            String revokedByName,
            Integer revocationCode,
            String revocationReason)
            implements Serializable {

        public boolean revoked() {
            return state == ElectronicSealRecord.State.REVOKED;
        }
    }

    /** The seals (made or revoked; not those still being generated) of the reviewer's region, newest first. */
    @Transactional(readOnly = true)
    public List<Listing> withinScope() {
        BackOfficeUser reviewer = guard.require(BackOfficeAction.VIEW_SEALS);
        Set<String> scope = reviewer.regionCode() == null ? Set.of() : regions.codesWithin(reviewer.regionCode());
        if (scope.isEmpty()) {
            return List.of();
        }
        return em
                .createQuery(
                        "select e, s from ElectronicSealRecord e, SealImpression s where s.id = e.impressionId"
                                + " and s.regionCode in :scope and e.state <> :generating order by e.id desc",
                        Object[].class)
                .setParameter("scope", scope)
                .setParameter("generating", ElectronicSealRecord.State.GENERATING)
                .setMaxResults(500)
                .getResultList()
                .stream()
                .map(row -> listing((ElectronicSealRecord) row[0], (SealImpression) row[1]))
                .toList();
    }

    /** Whether the signed-in user may revoke now (role and the UKEY policy). */
    public boolean mayRevoke() {
        return guard.allows(BackOfficeAction.REVOKE_ELECTRONIC_SEAL);
    }

    /** Whether revoking needs a second person ({@code zcrd.approvals.required-for}, on by default). */
    public boolean needsApproval() {
        return approvals.required(ApprovalKind.REVOKE_ELECTRONIC_SEAL);
    }

    /**
     * 吊销 electronic seal {@code sealId} at once — only where no second person is configured for it; otherwise
     * {@link #requestRevocation} and a second reviewer's approval.
     *
     * @throws cn.hrss.zcrd.account.BackOfficeAccessDeniedException without the right, without a UKEY session (by
     *         the default policy) or outside the reviewer's region (an unknown seal looks the same); recorded
     * @throws InvalidInputException    without a reason, or words too long
     * @throws SealImpressionException  already revoked, or a second person's approval is required
     */
    @Transactional
    public Listing revoke(long sealId, SealRevocationReason reason, String words) {
        Checked checked = check(sealId, reason, words);
        if (needsApproval()) {
            throw new SealImpressionException("eseal.revoke.needs-approval");
        }
        return perform(checked, reason, null);
    }

    /**
     * Asks for 吊销 of electronic seal {@code sealId} (four eyes): the same checks as {@link #revoke}, then a
     * request that a second reviewer of the seal's region approves in a UKEY session (see {@code approval}).
     *
     * @throws cn.hrss.zcrd.shared.RefusedException {@code approval.already-pending} when one waits already
     */
    @Transactional
    public ApprovalRequest requestRevocation(long sealId, SealRevocationReason reason, String words) {
        Checked checked = check(sealId, reason, words);
        return approvals.request(
                ApprovalKind.REVOKE_ELECTRONIC_SEAL,
                ApprovalTarget.inRegion(
                        TARGET,
                        sealId,
                        checked.impression().getRegionCode(),
                        checked.impression().getUnitName() + " v"
                                + checked.record().getSealVersion() + " ("
                                + checked.record().getSerialHex() + ")",
                        ApprovalTarget.parameters("reason", reason.name())),
                checked.text());
    }

    @Override
    public ApprovalKind kind() {
        return ApprovalKind.REVOKE_ELECTRONIC_SEAL;
    }

    /** Carries out an approved request, as the approver (their guard checks apply). */
    @Override
    public String execute(ApprovalRequest request) {
        SealRevocationReason reason = SealRevocationReason.valueOf(request.parameter("reason"));
        perform(check(request.targetId(), reason, request.reason()), reason, request.auditNote());
        return null;
    }

    private record Checked(
            ElectronicSealRecord record, SealImpression impression, BackOfficeUser reviewer, String text) {}

    private Checked check(long sealId, SealRevocationReason reason, String words) {
        guard.require(BackOfficeAction.REVOKE_ELECTRONIC_SEAL);
        ElectronicSealRecord record = records.findById(sealId).orElse(null);
        SealImpression impression = record == null
                ? null
                : impressions.findById(record.getImpressionId()).orElse(null);
        if (impression == null) {
            throw new AccessDeniedException("unknown electronic seal " + sealId);
        }
        BackOfficeUser reviewer =
                guard.requireRegion(BackOfficeAction.REVOKE_ELECTRONIC_SEAL, impression.getRegionCode());
        String text = words == null ? "" : words.strip();
        if (reason == null) {
            throw new InvalidInputException(FieldProblem.of("reason", "eseal.revoke.reason-required"));
        }
        if (text.isEmpty()) {
            throw new InvalidInputException(FieldProblem.of("words", "eseal.revoke.words-required"));
        }
        if (text.length() > ElectronicSealRecord.MAX_REASON) {
            throw new InvalidInputException(FieldProblem.of(
                    "words", "declaration.text.too-long", String.valueOf(ElectronicSealRecord.MAX_REASON)));
        }
        if (!record.isActive()) {
            throw new SealImpressionException("eseal.revoke.not-active");
        }
        return new Checked(record, impression, reviewer, text);
    }

    private Listing perform(Checked checked, SealRevocationReason reason, String via) {
        ElectronicSealRecord record = checked.record();
        SealImpression impression = checked.impression();
        BackOfficeUser reviewer = checked.reviewer();
        Instant now = clock.instant();
        record.revoke(reviewer.getAccountId(), reviewer.getDisplayName(), reason.crlReason(), checked.text(), now);
        records.saveAndFlush(record);
        X509Certificate certificate = record.chain().get(0);
        boolean external = !certificate
                .getIssuerX500Principal()
                .equals(authority.caCertificate().getSubjectX500Principal());
        if (!external) {
            authority.revoke(certificate, now, reason.crlReason());
        }
        // an external CA's certificate: the key signs nothing from now on; the CA revokes it at the bureau's request
        audit.record(AuditEntry.action("ELECTRONIC_SEAL_REVOKED")
                .target(TARGET, record.getId())
                .detail(impression.getUnitName() + " v" + record.getSealVersion() + " serial " + record.getSerialHex()
                        + " " + reason.name() + (external ? " (external CA: request its revocation there) " : " ")
                        + checked.text() + (via == null ? "" : "; " + via))
                .build());
        return listing(record, impression);
    }

    private static Listing listing(ElectronicSealRecord e, SealImpression s) {
        return new Listing(
                e.getId(),
                s.getUnitName(),
                s.getCreditCode(),
                e.getSealVersion(),
                e.getSerialHex(),
                e.getActivatedAt(),
                e.getNotAfter(),
                e.getState(),
                e.getRevocation().at(),
                e.getRevocation().name(),
                e.getRevocationCode(),
                e.getRevocation().opinion());
    }
}

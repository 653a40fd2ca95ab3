package cn.hrss.zcrd.seal.internal;

import cn.hrss.zcrd.account.BackOfficeAction;
import cn.hrss.zcrd.account.BackOfficeGuard;
import cn.hrss.zcrd.account.BackOfficeUser;
import cn.hrss.zcrd.audit.AuditEntry;
import cn.hrss.zcrd.audit.AuditTrail;
import cn.hrss.zcrd.catalog.Regions;
import cn.hrss.zcrd.shared.FieldProblem;
import cn.hrss.zcrd.shared.InvalidInputException;
import cn.hrss.zcrd.signing.CertificateAuthority;
import jakarta.persistence.EntityManager;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 印章管理 → 电子印章 (bureau reviewers): the electronic seals of the units in the reviewer's region, and 吊销
 * (revoke) with a reason in a UKEY session (the configurable policy of {@link BackOfficeGuard}). Revoking puts the
 * seal certificate on the seal CA's CRL in the same transaction and the key signs nothing from then on; certificates
 * signed before keep their time-stamped signatures.
 */
@Service
public class ElectronicSealDesk {

    private final ElectronicSealRecordRepository records;
    private final SealImpressionRepository impressions;
    private final BackOfficeGuard guard;
    private final Regions regions;
    private final CertificateAuthority authority;
    private final AuditTrail audit;
    private final EntityManager em;
    private final Clock clock;

    ElectronicSealDesk(
            ElectronicSealRecordRepository records,
            SealImpressionRepository impressions,
            BackOfficeGuard guard,
            Regions regions,
            CertificateAuthority authority,
            AuditTrail audit,
            EntityManager em,
            Clock clock) {
        this.records = records;
        this.impressions = impressions;
        this.guard = guard;
        this.regions = regions;
        this.authority = authority;
        this.audit = audit;
        this.em = em;
        this.clock = clock;
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

    /**
     * 吊销 electronic seal {@code sealId}: needs a reason (code and words).
     *
     * @throws cn.hrss.zcrd.account.BackOfficeAccessDeniedException without the right, without a UKEY session (by
     *         the default policy) or outside the reviewer's region (an unknown seal looks the same); recorded
     * @throws InvalidInputException    without a reason, or words too long
     * @throws SealImpressionException  already revoked
     */
    @Transactional
    public Listing revoke(long sealId, SealRevocationReason reason, String words) {
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
        Instant now = clock.instant();
        record.revoke(reviewer.getAccountId(), reviewer.getDisplayName(), reason.crlReason(), text, now);
        records.saveAndFlush(record);
        authority.revoke(record.chain().get(0), now, reason.crlReason());
        audit.record(AuditEntry.action("ELECTRONIC_SEAL_REVOKED")
                .target("ELECTRONIC_SEAL", sealId)
                .detail(impression.getUnitName() + " v" + record.getSealVersion() + " serial " + record.getSerialHex()
                        + " " + reason.name() + " " + text)
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
                e.getRevokedAt(),
                e.getRevokedByName(),
                e.getRevocationCode(),
                e.getRevocationReason());
    }
}

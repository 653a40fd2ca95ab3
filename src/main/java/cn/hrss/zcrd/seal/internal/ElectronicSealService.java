package cn.hrss.zcrd.seal.internal;

import cn.hrss.zcrd.audit.AuditEntry;
import cn.hrss.zcrd.audit.AuditTrail;
import cn.hrss.zcrd.seal.ElectronicSeal;
import cn.hrss.zcrd.seal.ElectronicSeals;
import cn.hrss.zcrd.seal.SealImpressionApproved;
import cn.hrss.zcrd.signing.CertificateAuthority;
import cn.hrss.zcrd.signing.ExternalSealCertificates;
import cn.hrss.zcrd.signing.SignatureToken;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Generates a unit's electronic seal when the bureau approves a seal impression version, and serves them. The key is
 * made after the approval has committed (token work never holds a database transaction open); if that fails or the
 * node stops first, the seal is made on the next start-up or when issuance first asks for it. A claim row (unique per
 * impression) is written before the key is generated, so concurrent callers on any node make one key only. A revoked
 * seal is never handed out again (see {@link ElectronicSealDesk#revoke}); the unit needs a new approved impression.
 */
@Service
class ElectronicSealService implements ElectronicSeals {

    private static final Logger log = LoggerFactory.getLogger(ElectronicSealService.class);
    private static final int KEY_BITS = 2048;
    /** A claim this old belongs to a node that stopped while generating: RSA key generation takes seconds at most. */
    private static final Duration STALE_CLAIM = Duration.ofMinutes(2);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SealImpressionRepository impressions;
    private final SealImpressionImageRepository images;
    private final ElectronicSealRecordRepository records;
    private final SignatureToken token;
    private final CertificateAuthority authority;
    private final ExternalSealCertificates external;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate newTransaction;
    /** Active seals never change: cache them, chain parsed and image loaded once. */
    private final Map<Long, ElectronicSeal> active = new ConcurrentHashMap<>();

    ElectronicSealService(
            SealImpressionRepository impressions,
            SealImpressionImageRepository images,
            ElectronicSealRecordRepository records,
            SignatureToken token,
            CertificateAuthority authority,
            ExternalSealCertificates external,
            AuditTrail audit,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.external = external;
        this.impressions = impressions;
        this.images = images;
        this.records = records;
        this.token = token;
        this.authority = authority;
        this.audit = audit;
        this.clock = clock;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public Optional<ElectronicSeal> inForce(long unitId) {
        Optional<Long> impressionId = newTransaction.execute(status -> impressions
                .findFirstByUnitIdAndStateOrderBySealVersionDesc(unitId, SealImpressionState.APPROVED)
                .map(SealImpression::getId));
        return impressionId.flatMap(this::ensure);
    }

    @Override
    public Optional<ElectronicSeal> find(long id) {
        // the state is read every time: another node may have revoked it; the parsed seal is cached
        return newTransaction.execute(status -> records.findById(id)
                .filter(ElectronicSealRecord::isActive)
                .map(record -> active.computeIfAbsent(record.getId(), key -> toSeal(record))));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void onApproved(SealImpressionApproved approved) {
        try {
            ensure(approved.impressionId());
        } catch (RuntimeException e) {
            log.warn(
                    "Electronic seal of impression {} (unit {} v{}) not generated now, retried at start-up or on "
                            + "first use: {}",
                    approved.impressionId(),
                    approved.unitId(),
                    approved.version(),
                    e.toString());
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void generateMissing() {
        List<Long> missing = newTransaction.execute(status -> records.approvedImpressionsWithoutActiveSeal());
        for (long impressionId : missing) {
            try {
                ensure(impressionId);
            } catch (RuntimeException e) {
                log.warn("Electronic seal of impression {} still missing: {}", impressionId, e.toString());
            }
        }
    }

    /**
     * The active electronic seal of approved impression {@code impressionId}, generated first when missing; empty
     * when the impression is not approved or another caller is generating it right now.
     */
    synchronized Optional<ElectronicSeal> ensure(long impressionId) {
        Optional<ElectronicSealRecord> claimed = claim(impressionId);
        if (claimed.isEmpty()) {
            return Optional.empty();
        }
        ElectronicSealRecord record = claimed.get();
        if (record.isRevoked() || record.isAwaitingCertificate()) {
            return Optional.empty();
        }
        if (record.isActive()) {
            return Optional.of(active.computeIfAbsent(record.getId(), id -> toSeal(record)));
        }
        SealImpression impression = newTransaction.execute(
                status -> impressions.findById(impressionId).orElseThrow());
        if (external.enabled()) {
            return awaitExternalCertificate(record, impression);
        }
        List<X509Certificate> chain = token.containsKey(record.getKeyAlias())
                ? token.certificateChain(record.getKeyAlias())
                : token.generateKey(
                        record.getKeyAlias(),
                        KEY_BITS,
                        publicKey -> authority.issueSealCertificate(
                                publicKey, impression.getUnitName(), impression.getCreditCode()));
        ElectronicSealRecord activated = newTransaction.execute(status -> {
            ElectronicSealRecord current = records.findById(record.getId()).orElseThrow();
            current.activate(chain, clock.instant());
            records.saveAndFlush(current);
            audit.record(AuditEntry.action("ELECTRONIC_SEAL_CREATED")
                    .target("ELECTRONIC_SEAL", current.getId())
                    .detail(impression.getUnitName() + " v" + impression.getSealVersion() + " serial "
                            + current.getSerialHex())
                    .build());
            return current;
        });
        log.info(
                "Electronic seal {} generated for unit {} seal version {} (token key {})",
                activated.getId(),
                activated.getUnitId(),
                activated.getSealVersion(),
                activated.getKeyAlias());
        return Optional.of(active.computeIfAbsent(activated.getId(), id -> toSeal(activated)));
    }

    /**
     * External-CA mode: the key is generated in the token (holding a placeholder certificate that chains to nothing)
     * and waits for the licensed CA's certificate, which a system admin imports ({@link ExternalSealCertificateDesk}).
     */
    private Optional<ElectronicSeal> awaitExternalCertificate(ElectronicSealRecord record, SealImpression impression) {
        if (!token.containsKey(record.getKeyAlias())) {
            token.generateKey(
                    record.getKeyAlias(),
                    KEY_BITS,
                    publicKey -> ExternalSealCertificates.placeholder(publicKey, record.getKeyAlias()));
        }
        newTransaction.executeWithoutResult(status -> {
            ElectronicSealRecord current = records.findById(record.getId()).orElseThrow();
            current.awaitCertificate();
            records.saveAndFlush(current);
            audit.record(AuditEntry.action("ELECTRONIC_SEAL_KEY_GENERATED")
                    .target("ELECTRONIC_SEAL", current.getId())
                    .detail(impression.getUnitName() + " v" + impression.getSealVersion()
                            + " awaiting the external CA's certificate")
                    .build());
        });
        log.info(
                "Electronic seal key {} generated for unit {} seal version {}; awaiting the external CA's certificate",
                record.getKeyAlias(),
                record.getUnitId(),
                record.getSealVersion());
        return Optional.empty();
    }

    /** The record to use: active, or a claim this caller now holds; empty when not approved or claimed elsewhere. */
    private Optional<ElectronicSealRecord> claim(long impressionId) {
        try {
            return newTransaction.execute(status -> {
                Optional<SealImpression> impression =
                        impressions.findById(impressionId).filter(s -> s.getState() == SealImpressionState.APPROVED);
                if (impression.isEmpty()) {
                    return Optional.empty();
                }
                Optional<ElectronicSealRecord> existing = records.findByImpressionId(impressionId);
                if (existing.isEmpty()) {
                    SealImpression s = impression.get();
                    return Optional.of(records.saveAndFlush(new ElectronicSealRecord(
                            s.getId(), s.getUnitId(), s.getSealVersion(), keyAlias(s), clock.instant())));
                }
                ElectronicSealRecord record = existing.get();
                if (record.isActive() || record.isRevoked() || record.isAwaitingCertificate()) {
                    return existing;
                }
                if (record.claimedBefore(clock.instant().minus(STALE_CLAIM))) {
                    record.reclaim(clock.instant());
                    return Optional.of(records.saveAndFlush(record));
                }
                return Optional.empty();
            });
        } catch (DataIntegrityViolationException | OptimisticLockingFailureException e) {
            // another caller claimed it at the same moment: it makes the key
            return Optional.empty();
        }
    }

    /** Label of the token key: unit, version and a random part, since a token may outlive a re-created database. */
    private static String keyAlias(SealImpression impression) {
        byte[] random = new byte[4];
        RANDOM.nextBytes(random);
        return "eseal-u" + impression.getUnitId() + "-v" + impression.getSealVersion() + "-"
                + HexFormat.of().formatHex(random);
    }

    private ElectronicSeal toSeal(ElectronicSealRecord record) {
        byte[] png = images.findById(record.getImpressionId()).orElseThrow().png();
        return new ElectronicSeal(
                record.getId(),
                record.getUnitId(),
                record.getSealVersion(),
                record.getImpressionId(),
                record.getKeyAlias(),
                record.chain(),
                png,
                record.getActivatedAt());
    }
}

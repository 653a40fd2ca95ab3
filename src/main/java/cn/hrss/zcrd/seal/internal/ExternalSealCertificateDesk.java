package cn.hrss.zcrd.seal.internal;

import cn.hrss.zcrd.account.BackOfficeAction;
import cn.hrss.zcrd.account.BackOfficeGuard;
import cn.hrss.zcrd.audit.AuditEntry;
import cn.hrss.zcrd.audit.AuditTrail;
import cn.hrss.zcrd.shared.RefusedException;
import cn.hrss.zcrd.signing.ExternalSealCertificates;
import jakarta.persistence.EntityManager;
import java.io.Serializable;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 电子印章证书 (system admins, UKEY session by default), in external-CA mode ({@code zcrd.signing.seal-certificates:
 * external}): the electronic seals whose key waits in the token for the licensed CA's certificate, the download of
 * each key's PKCS#10 request, and the import of the certificate the CA issued — checked by {@link
 * ExternalSealCertificates#check} (that key, the configured anchors, valid, seal profile, not revoked), stored beside
 * the key in the token, the seal then in force. Every request download and import is audited.
 */
@Service
public class ExternalSealCertificateDesk {

    private final ElectronicSealRecordRepository records;
    private final SealImpressionRepository impressions;
    private final ExternalSealCertificates external;
    private final BackOfficeGuard guard;
    private final AuditTrail audit;
    private final EntityManager em;
    private final Clock clock;

    ExternalSealCertificateDesk(
            ElectronicSealRecordRepository records,
            SealImpressionRepository impressions,
            ExternalSealCertificates external,
            BackOfficeGuard guard,
            AuditTrail audit,
            EntityManager em,
            Clock clock) {
        this.records = records;
        this.impressions = impressions;
        this.external = external;
        this.guard = guard;
        this.audit = audit;
        this.em = em;
        this.clock = clock;
    }

    /** A seal key waiting for its certificate. */
    public record Awaiting(long id, String unitName, String creditCode, int sealVersion) implements Serializable {}

    /** Whether the platform runs in external-CA mode (otherwise the seal CA certifies at once; nothing to do here). */
    public boolean enabled() {
        return external.enabled();
    }

    /** Whether the signed-in user may download requests and import certificates now (role and UKEY policy). */
    public boolean mayManage() {
        return guard.allows(BackOfficeAction.MANAGE_SEAL_CERTIFICATES);
    }

    /** The seal keys awaiting their certificate, oldest first. */
    @Transactional(readOnly = true)
    public List<Awaiting> awaiting() {
        guard.require(BackOfficeAction.MANAGE_SEAL_CERTIFICATES);
        return em
                .createQuery(
                        "select e, s from ElectronicSealRecord e, SealImpression s where s.id = e.impressionId"
                                + " and e.state = :awaiting order by e.id",
                        Object[].class)
                .setParameter("awaiting", ElectronicSealRecord.State.AWAITING_CERT)
                .setMaxResults(500)
                .getResultList()
                .stream()
                .map(row -> {
                    ElectronicSealRecord e = (ElectronicSealRecord) row[0];
                    SealImpression s = (SealImpression) row[1];
                    return new Awaiting(e.getId(), s.getUnitName(), s.getCreditCode(), e.getSealVersion());
                })
                .toList();
    }

    /**
     * The PKCS#10 request (PEM) of seal {@code sealId}'s key, signed by that key in the token.
     *
     * @throws RefusedException {@code eseal.external.not-awaiting} when the seal does not wait for a certificate
     */
    @Transactional
    public String certificationRequest(long sealId) {
        guard.require(BackOfficeAction.MANAGE_SEAL_CERTIFICATES);
        ElectronicSealRecord record = awaitingRecord(sealId);
        SealImpression impression =
                impressions.findById(record.getImpressionId()).orElseThrow();
        String pem = external.certificationRequest(
                record.getKeyAlias(), impression.getUnitName(), impression.getCreditCode());
        audit.record(AuditEntry.action("ELECTRONIC_SEAL_REQUEST_DOWNLOADED")
                .target("ELECTRONIC_SEAL", sealId)
                .detail(impression.getUnitName() + " v" + record.getSealVersion() + " key " + record.getKeyAlias())
                .build());
        return pem;
    }

    /**
     * Imports the certificate the external CA issued for seal {@code sealId}'s key (PEM or DER, optionally with the
     * CA's intermediates); the seal is in force from now on.
     *
     * @throws RefusedException {@code eseal.external.*}: not waiting, not a certificate, for another key, not valid,
     *     from another CA, not a seal certificate, revoked — nothing is stored then
     */
    @Transactional
    public void importCertificate(long sealId, byte[] upload) {
        guard.require(BackOfficeAction.MANAGE_SEAL_CERTIFICATES);
        ElectronicSealRecord record = awaitingRecord(sealId);
        SealImpression impression =
                impressions.findById(record.getImpressionId()).orElseThrow();
        List<X509Certificate> chain = external.check(record.getKeyAlias(), upload);
        external.install(record.getKeyAlias(), chain);
        record.activate(chain, clock.instant());
        records.saveAndFlush(record);
        audit.record(AuditEntry.action("ELECTRONIC_SEAL_CERTIFICATE_IMPORTED")
                .target("ELECTRONIC_SEAL", sealId)
                .detail(impression.getUnitName() + " v" + record.getSealVersion() + " serial " + record.getSerialHex()
                        + " issuer " + chain.get(0).getIssuerX500Principal().getName())
                .build());
    }

    private ElectronicSealRecord awaitingRecord(long sealId) {
        ElectronicSealRecord record = records.findById(sealId).orElse(null);
        if (record == null || !record.isAwaitingCertificate()) {
            throw new RefusedException("eseal.external.not-awaiting");
        }
        return record;
    }
}

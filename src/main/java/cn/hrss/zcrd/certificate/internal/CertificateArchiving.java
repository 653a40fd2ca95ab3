package cn.hrss.zcrd.certificate.internal;

import cn.hrss.zcrd.audit.AuditActor;
import cn.hrss.zcrd.audit.AuditEntry;
import cn.hrss.zcrd.audit.AuditTrail;
import cn.hrss.zcrd.certificate.TitleCertificate;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives a stored certificate one more archive time-stamp (PAdES-BASELINE-LTA): its PDF gains a document time-stamp
 * and the time-stamp's validation data ({@link ArchiveTimeStamps}); the register and downloads follow the new
 * version, the earlier version's SHA-256 is kept so that a copy downloaded before still verifies as the same
 * certificate. One certificate per transaction, the row locked; audited.
 */
@Service
public class CertificateArchiving {

    static final String AUDIT_ARCHIVED = "CERTIFICATE_ARCHIVE_TIME_STAMPED";

    private final CertificateStore store;
    private final ArchiveTimeStamps archive;
    private final AuditTrail audit;
    private final Clock clock;

    CertificateArchiving(CertificateStore store, ArchiveTimeStamps archive, AuditTrail audit, Clock clock) {
        this.store = store;
        this.archive = archive;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Appends an archive time-stamp to certificate {@code id}'s stored PDF.
     *
     * @return the new version, empty when there is no such certificate
     */
    @Transactional
    public Optional<ArchiveTimeStamps.Stamped> stamp(long id, String job) {
        Optional<TitleCertificate> locked = store.lock(id);
        if (locked.isEmpty()) {
            return Optional.empty();
        }
        TitleCertificate certificate = locked.get();
        byte[] pdf = store.pdf(id).orElseThrow();
        ArchiveTimeStamps.Stamped stamped = archive.append(pdf);
        if (!store.replaceVersion(
                id, certificate.sha256(), stamped.pdf(), stamped.sha256(), clock.instant(), stamped.tsaNotAfter())) {
            throw new IllegalStateException("certificate " + id + " changed while being time-stamped");
        }
        audit.record(AuditEntry.action(AUDIT_ARCHIVED)
                .by(AuditActor.system(job))
                .target("CERTIFICATE", certificate.number())
                .detail("archive time-stamp " + stamped.time() + ", evidence until " + stamped.tsaNotAfter())
                .build());
        return Optional.of(stamped);
    }
}

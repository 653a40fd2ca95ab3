package cn.hrss.zcrd.certificate.internal;

import cn.hrss.zcrd.audit.AuditActor;
import cn.hrss.zcrd.audit.AuditEntry;
import cn.hrss.zcrd.audit.AuditTrail;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives stored certificates one more archive time-stamp (PAdES-BASELINE-LTA): each PDF gains a document
 * time-stamp and the time-stamp's validation data ({@link ArchiveTimeStamps}); the register and downloads follow
 * the new version, the earlier version's SHA-256 is kept so that a copy downloaded before still verifies as the
 * same certificate.
 *
 * <p>A chunk at a time: its PDFs are read in one query (no transaction, no lock), time-stamped, and the new
 * versions stored in one short transaction — each only if the stored version is still the one that was read
 * (another node may have been first), each with its audit row (chained together as the transaction commits).
 * So a chunk costs one commit and one turn at the audit chain's head instead of one per certificate, and no row
 * is locked while its time-stamp is made.
 */
@Service
public class CertificateArchiving {

    static final String AUDIT_ARCHIVED = "CERTIFICATE_ARCHIVE_TIME_STAMPED";
    private static final int ATTEMPTS = 3;
    private static final Logger log = LoggerFactory.getLogger(CertificateArchiving.class);

    private final CertificateStore store;
    private final ArchiveTimeStamps archive;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final LongAdder certificates = new LongAdder();
    private final LongAdder readNanos = new LongAdder();
    private final LongAdder stampNanos = new LongAdder();
    private final LongAdder storeNanos = new LongAdder();

    CertificateArchiving(
            CertificateStore store,
            ArchiveTimeStamps archive,
            AuditTrail audit,
            TransactionTemplate transaction,
            Clock clock) {
        this.store = store;
        this.archive = archive;
        this.audit = audit;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * What a chunk came to.
     *
     * @param stamped the new versions stored, by certificate id
     * @param failed  the certificates that could not be time-stamped or had changed meanwhile
     */
    public record Outcome(Map<Long, ArchiveTimeStamps.Stamped> stamped, Set<Long> failed) {}

    /**
     * Appends an archive time-stamp to certificate {@code id}'s stored PDF.
     *
     * @return the new version, empty when there is no such certificate
     * @throws IllegalStateException when it could not be time-stamped or changed meanwhile
     */
    public Optional<ArchiveTimeStamps.Stamped> stamp(long id, String job) {
        Outcome outcome = stamp(List.of(id), job);
        if (!outcome.failed().isEmpty()) {
            throw new IllegalStateException("certificate " + id + " could not be time-stamped");
        }
        return Optional.ofNullable(outcome.stamped().get(id));
    }

    /** Appends an archive time-stamp to each of certificates {@code ids} (a chunk; ids that do not exist are skipped). */
    public Outcome stamp(List<Long> ids, String job) {
        long t0 = System.nanoTime();
        List<CertificateStore.StoredVersion> read = store.versions(ids);
        long t1 = System.nanoTime();
        Set<Long> failed = new HashSet<>();
        List<CertificateStore.NewVersion> versions = new ArrayList<>(read.size());
        Map<Long, ArchiveTimeStamps.Stamped> stamped = new HashMap<>();
        Map<Long, String> numbers = new HashMap<>();
        for (CertificateStore.StoredVersion stored : read) {
            try {
                ArchiveTimeStamps.Stamped s = archive.append(stored.pdf());
                stamped.put(stored.id(), s);
                numbers.put(stored.id(), stored.number());
                versions.add(new CertificateStore.NewVersion(
                        stored.id(),
                        stored.sha256(),
                        s.pdf(),
                        s.sha256(),
                        s.tsaNotAfter(),
                        ArchiveAlgorithms.column(s.algorithms())));
            } catch (RuntimeException e) {
                log.warn("Archive time-stamp of certificate {} failed: {}", stored.id(), e.toString());
                failed.add(stored.id());
            }
        }
        long t2 = System.nanoTime();
        List<CertificateStore.NewVersion> replaced =
                versions.isEmpty() ? List.of() : store(versions, stamped, numbers, job);
        long t3 = System.nanoTime();
        Set<Long> stored = new HashSet<>();
        replaced.forEach(v -> stored.add(v.id()));
        for (CertificateStore.NewVersion v : versions) {
            if (!stored.contains(v.id())) {
                log.warn("Certificate {} changed while being time-stamped: left as it is", v.id());
                failed.add(v.id());
                stamped.remove(v.id());
            }
        }
        certificates.add(read.size());
        readNanos.add(t1 - t0);
        stampNanos.add(t2 - t1);
        storeNanos.add(t3 - t2);
        return new Outcome(Map.copyOf(stamped), Set.copyOf(failed));
    }

    /**
     * The chunk's new versions with their audit rows in one transaction; tried again (up to {@link #ATTEMPTS} times)
     * when the database gives up on a lock or picks it as a deadlock's victim — concurrent chunks' unique-index
     * changes can meet that way.
     */
    private List<CertificateStore.NewVersion> store(
            List<CertificateStore.NewVersion> versions,
            Map<Long, ArchiveTimeStamps.Stamped> stamped,
            Map<Long, String> numbers,
            String job) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.execute(status -> {
                    List<CertificateStore.NewVersion> stored = store.replaceVersions(versions, clock.instant());
                    for (CertificateStore.NewVersion v : stored) {
                        ArchiveTimeStamps.Stamped s = stamped.get(v.id());
                        audit.record(AuditEntry.action(AUDIT_ARCHIVED)
                                .by(AuditActor.system(job))
                                .target("CERTIFICATE", numbers.get(v.id()))
                                .detail("archive time-stamp " + s.time() + ", evidence until " + s.tsaNotAfter())
                                .build());
                    }
                    return stored;
                });
            } catch (ConcurrencyFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                log.info(
                        "Storing archive time-stamps: {}; trying again",
                        e.getMostSpecificCause().toString());
            }
        }
    }

    /** Where the time went so far, per certificate (wall time of the threads, summed): read, time-stamp, store. */
    public String statistics() {
        long n = Math.max(1, certificates.sum());
        return String.format(
                Locale.ROOT,
                "%d certificates; per certificate: read %.2f ms, time-stamp %.2f ms, store (one transaction a chunk,"
                        + " audit rows included) %.2f ms",
                certificates.sum(),
                readNanos.sum() / 1e6 / n,
                stampNanos.sum() / 1e6 / n,
                storeNanos.sum() / 1e6 / n);
    }
}

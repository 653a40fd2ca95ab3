package cn.hrss.zcrd.certificate.internal;

import cn.hrss.zcrd.audit.ActorKind;
import cn.hrss.zcrd.audit.AuditActor;
import cn.hrss.zcrd.audit.AuditEntry;
import cn.hrss.zcrd.audit.AuditTrail;
import cn.hrss.zcrd.audit.AuthenticatedBy;
import cn.hrss.zcrd.certificate.CertificateStatus;
import cn.hrss.zcrd.declaration.Actor;
import cn.hrss.zcrd.declaration.DeclarationAction;
import cn.hrss.zcrd.declaration.DeclarationCertification;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What storing a signed chunk of a batch writes, in the {@link IssuanceJob}'s transaction (which has renewed the
 * batch's lease): the certificates with their PDFs, the items marked issued, a successor's predecessor marked 已补发 /
 * 已更正, the declarations certified (已发证) or their history told of the new certificate, one audit row for the chunk;
 * and, once committed, the certificates counted for the monitoring system ({@value #ISSUED}, by business
 * — {@code full-time-recognition}, {@code transfer-in} — and issuance — {@code first}, {@code reissue},
 * {@code correct}).
 */
@Component
class IssuedChunks {

    static final String ISSUED = "zcrd.certificates.issued";

    private final BatchStore batches;
    private final CertificateStore certificates;
    private final DeclarationCertification certification;
    private final AuditTrail audit;
    private final Clock clock;
    private final MeterRegistry meters;

    IssuedChunks(
            BatchStore batches,
            CertificateStore certificates,
            DeclarationCertification certification,
            AuditTrail audit,
            Clock clock,
            MeterRegistry meters) {
        this.batches = batches;
        this.certificates = certificates;
        this.certification = certification;
        this.audit = audit;
        this.clock = clock;
        this.meters = meters;
    }

    /** Stores the signed certificates {@code done} of the batch, in the caller's transaction. */
    void write(
            BatchStore.Batch batch,
            String unitName,
            List<CertificateStore.Issued> done,
            IssuanceStatistics.Batch stats) {
        List<Long> items = done.stream().map(c -> c.work().itemId()).toList();
        Instant now = clock.instant();
        long t0 = System.nanoTime();
        certificates.insert(batch, unitName, done, now);
        batches.markIssued(items);
        List<CertificateStore.Replaced> replaced = certificates.replace(done);
        long t1 = System.nanoTime();
        stats.inserted(t1 - t0);
        BatchStore.Starter by = batch.starter();
        Actor issuer = Actor.ofUnit(by.accountId(), by.name(), batch.unitId());
        Map<Long, String> firsts = new HashMap<>();
        for (CertificateStore.Issued c : done) {
            if (!c.work().replaces()) {
                firsts.put(c.work().declarationId(), c.work().number().value());
            }
        }
        certification.certify(firsts, issuer);
        for (CertificateStore.Replaced r : replaced) {
            BatchStore.Work w = r.successor().work();
            certification.certificateChanged(
                    w.declarationId(),
                    r.status() == CertificateStatus.REISSUED
                            ? DeclarationAction.REISSUE_CERTIFICATE
                            : DeclarationAction.CORRECT_CERTIFICATE,
                    w.number().value(),
                    w.successionReason(),
                    issuer);
        }
        stats.certified(System.nanoTime() - t1);
        List<String> numbers =
                done.stream().map(c -> c.work().number().value()).sorted().toList();
        audit.record(AuditEntry.action(Operators.AUDIT_ISSUED)
                .by(starterActor(by))
                .from(null)
                .target("CERTIFICATE_BATCH", batch.id())
                .detail(done.size() + " 张：" + numbers.get(0) + " – " + numbers.get(numbers.size() - 1))
                .build());
    }

    /** The certificates just stored (committed), counted for the monitoring system. */
    void counted(List<CertificateStore.Issued> stored) {
        for (CertificateStore.Issued c : stored) {
            BatchStore.Work w = c.work();
            Counter.builder(ISSUED)
                    .description("certificates signed and stored on this node")
                    .tag("business", word(w.business()))
                    .tag(
                            "issuance",
                            w.succession() == null ? "first" : word(BatchStore.Succession.valueOf(w.succession())))
                    .register(meters)
                    .increment();
        }
    }

    private static String word(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static AuditActor starterActor(BatchStore.Starter by) {
        return new AuditActor(
                ActorKind.BACK_OFFICE,
                by.accountId(),
                by.login(),
                by.ukey() ? AuthenticatedBy.UKEY : AuthenticatedBy.PASSWORD);
    }
}

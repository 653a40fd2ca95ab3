package cn.hrss.zcrd.seal.internal;

import cn.hrss.zcrd.audit.AuditTrail;
import cn.hrss.zcrd.seal.ElectronicSeals;
import cn.hrss.zcrd.signing.CertificateAuthority;
import cn.hrss.zcrd.signing.ExternalSealCertificates;
import cn.hrss.zcrd.signing.SignatureToken;
import java.time.Clock;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;

/** A second electronic-seal service over the same database and token, as another (or a restarted) node has it. */
public final class ElectronicSealNodes {

    private ElectronicSealNodes() {}

    public static ElectronicSeals anotherNode(ApplicationContext context) {
        return new ElectronicSealService(
                context.getBean(SealImpressionRepository.class),
                context.getBean(SealImpressionImageRepository.class),
                context.getBean(ElectronicSealRecordRepository.class),
                context.getBean(SignatureToken.class),
                context.getBean(CertificateAuthority.class),
                context.getBean(ExternalSealCertificates.class),
                context.getBean(AuditTrail.class),
                context.getBean(Clock.class),
                context.getBean(PlatformTransactionManager.class));
    }
}

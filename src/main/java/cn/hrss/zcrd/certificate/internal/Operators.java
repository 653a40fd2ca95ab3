package cn.hrss.zcrd.certificate.internal;

import cn.hrss.zcrd.account.BackOfficeAction;
import cn.hrss.zcrd.account.BackOfficeGuard;
import cn.hrss.zcrd.account.BackOfficeUser;
import cn.hrss.zcrd.audit.AuditEntry;
import cn.hrss.zcrd.audit.AuditTrail;
import cn.hrss.zcrd.certificate.CertificateOperator;
import cn.hrss.zcrd.certificate.CertificateRefusedException;
import cn.hrss.zcrd.unit.UnitDirectory;
import cn.hrss.zcrd.unit.UnitSummary;
import java.util.Arrays;
import org.springframework.stereotype.Component;

/** The guard's check plus the operator's issuing unit, and refusals that go on the audit trail. */
@Component
class Operators {

    static final String AUDIT_ACCESS = "CERTIFICATE_LIBRARY_ACCESS";
    static final String AUDIT_BATCH_STARTED = "CERTIFICATE_BATCH_STARTED";
    static final String AUDIT_BATCH_RESUMED = "CERTIFICATE_BATCH_RESUMED";
    static final String AUDIT_ISSUED = "CERTIFICATES_ISSUED";
    static final String AUDIT_BATCH_COMPLETED = "CERTIFICATE_BATCH_COMPLETED";
    static final String AUDIT_REVOKED = "CERTIFICATE_REVOKED";
    static final String AUDIT_REISSUED = "CERTIFICATE_REISSUED";
    static final String AUDIT_CORRECTED = "CERTIFICATE_CORRECTED";
    static final String AUDIT_DOWNLOADED = "CERTIFICATE_DOWNLOADED";

    private final BackOfficeGuard guard;
    private final UnitDirectory units;
    private final AuditTrail audit;

    Operators(BackOfficeGuard guard, UnitDirectory units, AuditTrail audit) {
        this.guard = guard;
        this.units = units;
        this.audit = audit;
    }

    /** The signed-in user allowed {@code action}, bound to an issuing unit. */
    Acting require(BackOfficeAction action) {
        BackOfficeUser user = guard.require(action);
        if (user.unitId() == null) {
            throw refuse(AUDIT_ACCESS, CertificateRefusedException.NO_UNIT);
        }
        return new Acting(user, user.unitId());
    }

    CertificateOperator operator(BackOfficeAction action) {
        Acting acting = require(action);
        return CertificateOperator.of(acting.user(), unitName(acting.unitId()));
    }

    String unitName(long unitId) {
        return units.find(unitId).map(UnitSummary::name).orElse(String.valueOf(unitId));
    }

    /** Records the refusal (in its own transaction, it survives the rollback) and returns the exception. */
    CertificateRefusedException refuse(String auditAction, String key, Object... arguments) {
        audit.record(AuditEntry.action(auditAction)
                .refused()
                .detail(key + (arguments.length == 0 ? "" : " " + Arrays.toString(arguments)))
                .build());
        return new CertificateRefusedException(key, arguments);
    }

    record Acting(BackOfficeUser user, long unitId) {}
}

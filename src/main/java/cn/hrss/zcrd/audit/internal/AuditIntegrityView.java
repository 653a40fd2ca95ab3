package cn.hrss.zcrd.audit.internal;

import cn.hrss.zcrd.audit.AuditChainReport;
import cn.hrss.zcrd.audit.AuditIntegrity;
import cn.hrss.zcrd.shared.FacesMessages;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import java.io.Serializable;
import org.springframework.stereotype.Component;

/**
 * 审计日志 → 完整性校验 ({@code /sdmanager/system/audit-integrity.xhtml}): where the chain stands, and on 开始校验 the
 * whole chain and every checkpoint recomputed, with the first problem named (kind, sequence number, record id).
 */
@Component("auditIntegrityView")
@ViewScoped
public class AuditIntegrityView implements Serializable {

    private final AuditIntegrity integrity;
    private AuditIntegrity.ChainStatus status;
    private AuditChainReport report;

    AuditIntegrityView(AuditIntegrity integrity) {
        this.integrity = integrity;
        this.status = integrity.status();
    }

    /** 开始校验. */
    public void verify() {
        report = integrity.verify();
        status = integrity.status();
        if (report.clean()) {
            FacesMessages.page(FacesMessage.SEVERITY_INFO, "audit.integrity.clean", report.lastSeq());
        } else {
            AuditChainReport.Finding first = report.first().orElseThrow();
            FacesMessages.page(
                    FacesMessage.SEVERITY_ERROR,
                    "audit.integrity.tampered",
                    FacesMessages.text("audit.integrity.kind." + first.kind().name()),
                    first.seq() == null ? "-" : first.seq(),
                    first.recordId() == null ? "-" : first.recordId());
        }
    }

    public String kindLabel(AuditChainReport.Finding finding) {
        return FacesMessages.text("audit.integrity.kind." + finding.kind().name());
    }

    public AuditIntegrity.ChainStatus getStatus() {
        return status;
    }

    public AuditChainReport getReport() {
        return report;
    }
}

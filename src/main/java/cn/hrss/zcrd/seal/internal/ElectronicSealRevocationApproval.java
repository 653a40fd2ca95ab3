package cn.hrss.zcrd.seal.internal;

import cn.hrss.zcrd.approval.ApprovalHandler;
import cn.hrss.zcrd.approval.ApprovalKind;
import cn.hrss.zcrd.approval.ApprovalRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Carries out an approved request to revoke an electronic seal (the desk's own checks run for the approver). */
@Component
class ElectronicSealRevocationApproval implements ApprovalHandler {

    // the desk asks the approvals for requests: resolved on use, not at construction (no cycle)
    private final ObjectProvider<ElectronicSealDesk> desk;

    ElectronicSealRevocationApproval(ObjectProvider<ElectronicSealDesk> desk) {
        this.desk = desk;
    }

    @Override
    public ApprovalKind kind() {
        return ApprovalKind.REVOKE_ELECTRONIC_SEAL;
    }

    @Override
    public void execute(ApprovalRequest request) {
        desk.getObject().revokeApproved(request);
    }
}

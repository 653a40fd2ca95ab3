package cn.hrss.zcrd.approval;

import cn.hrss.zcrd.account.BackOfficeAction;

/**
 * What may need a second person, and the back-office action both the requester and the approver must be allowed
 * (role and UKEY policy). The label is {@code approval.kind.<NAME>}.
 */
public enum ApprovalKind {
    /** 吊销电子印章 */
    REVOKE_ELECTRONIC_SEAL(BackOfficeAction.REVOKE_ELECTRONIC_SEAL);

    private final BackOfficeAction action;

    ApprovalKind(BackOfficeAction action) {
        this.action = action;
    }

    /** The action the requester and the approver must both be allowed. */
    public BackOfficeAction action() {
        return action;
    }
}

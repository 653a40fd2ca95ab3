package cn.hrss.zcrd.approval;

import cn.hrss.zcrd.account.BackOfficeAction;

/**
 * What may need a second person, and the back-office action both the requester and the approver must be allowed
 * (role and UKEY policy). The label is {@code approval.kind.<NAME>}.
 */
public enum ApprovalKind {
    /** 吊销电子印章 */
    REVOKE_ELECTRONIC_SEAL(BackOfficeAction.REVOKE_ELECTRONIC_SEAL),
    /** 注销职称证书 (an operator of the same issuing unit approves) */
    REVOKE_CERTIFICATE(BackOfficeAction.REVOKE_CERTIFICATE),
    /** 授予职称认定证书发放权限 (a second bureau reviewer of the bureau's region approves) */
    GRANT_ISSUING_AUTHORITY(BackOfficeAction.APPROVE_ISSUING_AUTHORITY),
    /** 撤销职称认定证书发放权限 (a second bureau reviewer of the bureau's region approves) */
    WITHDRAW_ISSUING_AUTHORITY(BackOfficeAction.APPROVE_ISSUING_AUTHORITY),
    /** 暂停职称认定证书发放权限 (a second bureau reviewer of the bureau's region approves) */
    SUSPEND_ISSUING_AUTHORITY(BackOfficeAction.APPROVE_ISSUING_AUTHORITY),
    /** 恢复已暂停的职称认定证书发放权限 (a second bureau reviewer of the bureau's region approves) */
    RESUME_ISSUING_AUTHORITY(BackOfficeAction.APPROVE_ISSUING_AUTHORITY),
    /** 补发职称证书 (an operator of the same issuing unit approves) */
    REISSUE_CERTIFICATE(BackOfficeAction.ISSUE_CERTIFICATE),
    /** 更正职称证书 (an operator of the same issuing unit approves) */
    CORRECT_CERTIFICATE(BackOfficeAction.ISSUE_CERTIFICATE),
    /** 新增系统管理员 (a second system admin covering the new admin's region approves) */
    CREATE_ADMIN(BackOfficeAction.MANAGE_ACCOUNTS),
    /** 将已有后台账号提升为系统管理员 (a second system admin covering the account's new region approves) */
    ELEVATE_ADMIN(BackOfficeAction.MANAGE_ACCOUNTS);

    private final BackOfficeAction action;

    ApprovalKind(BackOfficeAction action) {
        this.action = action;
    }

    /** The action the requester and the approver must both be allowed. */
    public BackOfficeAction action() {
        return action;
    }
}

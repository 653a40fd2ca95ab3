package cn.hrss.zcrd.unit;

import cn.hrss.zcrd.approval.ApprovalKind;
import java.util.Set;

/**
 * What the bureau does to a granted issuing authority, each with a reason and under the four-eyes rule: 撤销
 * (withdraw, final), 暂停 (suspend) and 恢复 (resume a suspended one). One table, so the three go through one path in
 * {@link IssuingAuthorities}.
 */
enum AuthorityChange {
    WITHDRAW(
            ApprovalKind.WITHDRAW_ISSUING_AUTHORITY,
            "ISSUING_AUTHORITY_WITHDRAWN",
            Set.of(IssuingAuthorityStatus.GRANTED, IssuingAuthorityStatus.SUSPENDED),
            "unit.authority.error.not-granted",
            "unit.authority.error.withdraw-needs-reason"),
    SUSPEND(
            ApprovalKind.SUSPEND_ISSUING_AUTHORITY,
            "ISSUING_AUTHORITY_SUSPENDED",
            Set.of(IssuingAuthorityStatus.GRANTED),
            "unit.authority.error.suspend-not-granted",
            "unit.authority.error.suspend-needs-reason"),
    RESUME(
            ApprovalKind.RESUME_ISSUING_AUTHORITY,
            "ISSUING_AUTHORITY_RESUMED",
            Set.of(IssuingAuthorityStatus.SUSPENDED),
            "unit.authority.error.not-suspended",
            "unit.authority.error.resume-needs-reason");

    final ApprovalKind kind;
    final String auditAction;
    final Set<IssuingAuthorityStatus> from;
    final String wrongStatusKey;
    final String reasonRequiredKey;

    AuthorityChange(
            ApprovalKind kind,
            String auditAction,
            Set<IssuingAuthorityStatus> from,
            String wrongStatusKey,
            String reasonRequiredKey) {
        this.kind = kind;
        this.auditAction = auditAction;
        this.from = from;
        this.wrongStatusKey = wrongStatusKey;
        this.reasonRequiredKey = reasonRequiredKey;
    }
}

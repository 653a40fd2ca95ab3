package cn.hrss.zcrd.account;

import static cn.hrss.zcrd.account.BackOfficeRole.BUREAU_REVIEWER;
import static cn.hrss.zcrd.account.BackOfficeRole.SYSTEM_ADMIN;
import static cn.hrss.zcrd.account.BackOfficeRole.UNIT_OPERATOR;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a back-office user may do, and which roles may do it. Whether an action also needs a UKEY session is the
 * configurable {@link BackOfficeProperties#ukeyRequiredFor() policy}. The label is {@code backoffice.action.<NAME>}.
 */
public enum BackOfficeAction {
    /** 后台用户: list and read accounts of the admin's region */
    VIEW_ACCOUNTS(SYSTEM_ADMIN),
    /** 后台用户: create, change role/scope, disable/enable, reset the fallback login */
    MANAGE_ACCOUNTS(SYSTEM_ADMIN),
    /** UKEY: list an account's bindings */
    VIEW_UKEYS(SYSTEM_ADMIN),
    /** UKEY: issue and revoke */
    MANAGE_UKEYS(SYSTEM_ADMIN),
    /** 字典维护: look at the reference data */
    VIEW_DICTIONARY(SYSTEM_ADMIN),
    /** 字典维护: add, rename, disable/enable */
    EDIT_DICTIONARY(SYSTEM_ADMIN),
    /** 审计日志 */
    VIEW_AUDIT(SYSTEM_ADMIN),
    /** 职称认定证书发放权限审核: look at applications */
    VIEW_ISSUING_AUTHORITY(BUREAU_REVIEWER),
    /** 职称认定证书发放权限审核: approve or reject */
    APPROVE_ISSUING_AUTHORITY(BUREAU_REVIEWER),
    /** 单位注册审核: look at the units of the reviewer's region */
    VIEW_UNIT_VERIFICATION(BUREAU_REVIEWER),
    /** 单位注册审核: verify or reject a newly registered unit */
    VERIFY_UNIT(BUREAU_REVIEWER),
    /** 印章印模审核: look at impressions */
    VIEW_SEALS(BUREAU_REVIEWER),
    /** 印章印模审核: approve or reject */
    APPROVE_SEAL(BUREAU_REVIEWER),
    /** 电子印章: revoke a unit's electronic seal (its certificate goes on the seal CA's CRL) */
    REVOKE_ELECTRONIC_SEAL(BUREAU_REVIEWER),
    /** 证书库管理: query certificates and final-approved people */
    VIEW_CERTIFICATES(UNIT_OPERATOR),
    /** 职称认定人员证书入库 */
    ISSUE_CERTIFICATE(UNIT_OPERATOR),
    /** 职称认定证书注销 */
    REVOKE_CERTIFICATE(UNIT_OPERATOR),
    /** 统计分析: declarations and certificates of the user's region, counted (a password session may look) */
    VIEW_STATISTICS(SYSTEM_ADMIN, BUREAU_REVIEWER),
    /** 双人复核: list the pending requests one may decide, and one's own */
    VIEW_APPROVALS(SYSTEM_ADMIN, BUREAU_REVIEWER, UNIT_OPERATOR),
    /** 双人复核: approve or reject another person's request (the request's own action is checked too) */
    DECIDE_APPROVAL(SYSTEM_ADMIN, BUREAU_REVIEWER, UNIT_OPERATOR),
    /**
     * 电子印章证书 (external-CA mode): download a seal key's PKCS#10 request, import the certificate the licensed CA
     * issued for it
     */
    MANAGE_SEAL_CERTIFICATES(SYSTEM_ADMIN),
    /** 样本证书 (development only, where zcrd.dev.specimen-enabled): sign a specimen with the test-profile key */
    SIGN_SPECIMEN(SYSTEM_ADMIN);

    private final Set<BackOfficeRole> roles;

    BackOfficeAction(BackOfficeRole first, BackOfficeRole... more) {
        this.roles = EnumSet.of(first, more);
    }

    /** The roles that may do this. */
    public Set<BackOfficeRole> roles() {
        return EnumSet.copyOf(roles);
    }

    public boolean allowedFor(BackOfficeRole role) {
        return roles.contains(role);
    }

    /**
     * The default UKEY-only actions: account management, dictionary edits, approvals, issuing and revoking
     * certificates and seals, managing UKEYs — everything that changes who may do what or what the platform signs.
     */
    public static Set<BackOfficeAction> defaultUkeyRequired() {
        return EnumSet.of(
                MANAGE_ACCOUNTS,
                EDIT_DICTIONARY,
                APPROVE_ISSUING_AUTHORITY,
                VERIFY_UNIT,
                APPROVE_SEAL,
                REVOKE_ELECTRONIC_SEAL,
                ISSUE_CERTIFICATE,
                REVOKE_CERTIFICATE,
                MANAGE_UKEYS,
                DECIDE_APPROVAL,
                MANAGE_SEAL_CERTIFICATES);
    }
}

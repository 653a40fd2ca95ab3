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
    /** 字典维护 */
    EDIT_DICTIONARY(SYSTEM_ADMIN),
    /** 审计日志 */
    VIEW_AUDIT(SYSTEM_ADMIN),
    /** 职称认定证书发放权限审核: look at applications */
    VIEW_ISSUING_AUTHORITY(BUREAU_REVIEWER),
    /** 职称认定证书发放权限审核: approve or reject */
    APPROVE_ISSUING_AUTHORITY(BUREAU_REVIEWER),
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

    /** The default UKEY-only actions: approvals, issuing and revoking certificates and seals, managing UKEYs. */
    public static Set<BackOfficeAction> defaultUkeyRequired() {
        return EnumSet.of(
                APPROVE_ISSUING_AUTHORITY,
                APPROVE_SEAL,
                REVOKE_ELECTRONIC_SEAL,
                ISSUE_CERTIFICATE,
                REVOKE_CERTIFICATE,
                MANAGE_UKEYS);
    }
}

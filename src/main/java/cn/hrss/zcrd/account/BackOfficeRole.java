package cn.hrss.zcrd.account;

/** What a back-office account may do; data scope (region, unit) comes with the account. */
public enum BackOfficeRole {
    /** 系统管理员: accounts, UKEYs, reference data, audit. */
    SYSTEM_ADMIN,
    /** 人社局审核员: issuing authority and seal approvals within the bureau's region. */
    BUREAU_REVIEWER,
    /** 发证单位操作员: certificate library of one issuing unit. */
    UNIT_OPERATOR
}

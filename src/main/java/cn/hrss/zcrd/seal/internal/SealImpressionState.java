package cn.hrss.zcrd.seal.internal;

/** Where a seal impression version stands; the label is {@code seal.state.<NAME>}. */
public enum SealImpressionState {
    /** 待审核: uploaded, waiting for the bureau */
    PENDING,
    /** 已通过: approved; the newest approved version of a unit is the one in force */
    APPROVED,
    /** 已驳回: rejected with an opinion */
    REJECTED,
    /** 已撤回: still pending when the unit uploaded a newer version, which replaced it in the queue */
    WITHDRAWN;

    public String messageKey() {
        return "seal.state." + name();
    }
}

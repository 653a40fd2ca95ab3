package cn.hrss.zcrd.approval;

/** Where a request stands; only {@link #PENDING} changes, once. Label {@code approval.state.<NAME>}. */
public enum ApprovalState {
    PENDING,
    APPROVED,
    REJECTED,
    EXPIRED
}

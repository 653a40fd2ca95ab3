package cn.hrss.zcrd.audit;

/** Whether the action happened; the label is {@code audit.outcome.<NAME>}. */
public enum AuditOutcome {
    /** done (or signed in) */
    SUCCESS,
    /** refused or failed: wrong credentials, a rule said no, an error */
    REFUSED
}

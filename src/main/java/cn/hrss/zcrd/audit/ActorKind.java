package cn.hrss.zcrd.audit;

/** Which kind of account acted (or tried to); the label is {@code audit.actor.<NAME>}. */
public enum ActorKind {
    /** a bureau or issuing-unit staff member in the back office */
    BACK_OFFICE,
    /** an individual (个人) on the portal */
    PORTAL_PERSON,
    /** a unit (单位) on the portal */
    PORTAL_UNIT,
    /** nobody signed in (e.g. public verification) */
    ANONYMOUS,
    /** the application itself (a scheduled or resumed job), named in the login-name field */
    SYSTEM
}

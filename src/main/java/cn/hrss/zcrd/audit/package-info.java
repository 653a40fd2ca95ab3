/**
 * The audit trail (审计日志): an append-only record of every back-office action and every login — who (account
 * kind, id, login name), how authenticated (UKEY, password, none), when (the {@link java.time.Clock} bean), from
 * where (the TCP peer address, no forwarded headers), what (an open action code with a message key
 * {@code audit.action.<CODE>}), on what (target type and id), with which outcome, and a short detail.
 *
 * <p>Other modules either call {@link cn.hrss.zcrd.audit.AuditTrail#record} or publish an
 * {@link cn.hrss.zcrd.audit.AuditEvent}. A successful action recorded inside a read-write business transaction is
 * written in that transaction (it commits exactly when the action commits); a refusal, or anything recorded
 * outside such a transaction, is written in a transaction of its own so it survives the caller's rollback.
 *
 * <p>Logins, failed logins, lockouts and logouts are recorded here from Spring Security's authentication events;
 * no other module has to do anything for them. This module depends on {@code account} (for the principal types),
 * so {@code account} itself cannot refer to this module without a cycle: it should publish its own events
 * (e.g. UKEY bound / revoked) for this module to translate.
 *
 * <p>Nothing updates or deletes an audit row: there is no such method, and the entity is {@code @Immutable}.
 * Only a system admin ({@code ROLE_SYSTEM_ADMIN}) may search the trail ({@code /sdmanager/audit.xhtml}).
 */
package cn.hrss.zcrd.audit;

/**
 * The back office (sdmanager) shell and its system administration (SPEC §1, §2; seed manual 3):
 * <ul>
 *   <li>the left menu by role ({@code BackOfficeMenu}): 权限管理, 印章管理, 证书库管理, 系统管理;</li>
 *   <li>back-office accounts ({@link cn.hrss.zcrd.backoffice.BackOfficeAdministration}): a system admin creates
 *   accounts in their region (bureau staff by region, operators by issuing unit), changes role and scope,
 *   disables (the account's sessions end at their next request) and resets the non-UKEY fallback (one-time
 *   password, TOTP enrolled again);</li>
 *   <li>the UKEY life cycle ({@link cn.hrss.zcrd.backoffice.UkeyLifecycle}): issue a client certificate from the
 *   UKEY CA ({@link cn.hrss.zcrd.backoffice.UkeyCertificateAuthority}) for a key made inside a token — from a
 *   PKCS#10 request, or (development and tests) into a new SoftHSM2 token — bind it, list bindings, revoke: the
 *   certificate goes on the CA's CRL, the TLS connector reloads it without a restart and the binding's sessions
 *   end;</li>
 *   <li>the first fallback login: own password and TOTP enrolment with a QR code ({@code /sdmanager/setup.xhtml});</li>
 *   <li>{@code ops/create-admin}: the first system admin with a one-time password.</li>
 * </ul>
 * Every action is checked in the service with {@link cn.hrss.zcrd.account.BackOfficeGuard} and recorded on the
 * audit trail (who, how authenticated, when, from where, what).
 */
package cn.hrss.zcrd.backoffice;

/**
 * Accounts and logins (SPEC §1–§2): portal accounts of people (个人注册, ID number checked by GB 11643) and units,
 * their login with lockout and captcha ({@link cn.hrss.zcrd.account.PortalAccounts}); back-office accounts ({@link
 * cn.hrss.zcrd.account.BackOfficeAccounts}), a user's own password and TOTP authenticator ({@link
 * cn.hrss.zcrd.account.BackOfficeCredentials}), UKEY bindings by the client certificate's SHA-256 fingerprint ({@link
 * cn.hrss.zcrd.account.UkeyBindings}), and how a back-office login — UKEY on the mutual-TLS port, or password +
 * TOTP — finds its account and whether its session may go on ({@link cn.hrss.zcrd.account.BackOfficeAuthentication});
 * {@link cn.hrss.zcrd.account.BackOfficeGuard} checks what a signed-in back-office user may do.
 *
 * <p>These services are the trusted, low-level API: they check input, not who calls. The {@code backoffice} module
 * checks the signed-in admin and audits every change. Inside ({@code internal}): repositories, the login guard
 * (budgets, captcha, locks), the password policy, TOTP codes and the sealing of their secrets, the portal's pages.
 */
package cn.hrss.zcrd.account;

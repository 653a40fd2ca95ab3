package cn.hrss.zcrd.account;

/**
 * Published when {@link BackOfficeGuard} refuses an action, so the audit trail records the attempt.
 *
 * @param user the user who tried, or null when no back-office user was signed in
 * @param action what was tried
 * @param reasonKey why it was refused (a {@link BackOfficePolicy} constant)
 * @param target what it was about (e.g. {@code "region 370200"}), or null
 */
public record BackOfficeActionRefused(BackOfficeUser user, BackOfficeAction action, String reasonKey, String target) {}

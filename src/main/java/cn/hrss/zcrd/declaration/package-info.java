/**
 * Full-time title recognition declarations (全日制职称认定申报, SPEC §4 and the state machine of §5).
 *
 * <p>API: {@link cn.hrss.zcrd.declaration.Declarations} (the applicant: drafts, information modules, attachments,
 * 确定申报), {@link cn.hrss.zcrd.declaration.RecognitionForms} (认定表预览 as a PDF),
 * {@link cn.hrss.zcrd.declaration.DeclarationReviews} (a unit's 通过 / 上报 / 终审通过 / 退回, for the review feature),
 * the aggregate {@link cn.hrss.zcrd.declaration.Declaration} with its state machine, and the events
 * {@link cn.hrss.zcrd.declaration.DeclarationStateChanged} and
 * {@link cn.hrss.zcrd.declaration.DeclarationFinallyApproved}. Every service method takes the acting
 * {@link cn.hrss.zcrd.account.PortalUser}.
 *
 * <p>Inside ({@code internal}): repositories, the submission policies, field checks, the attachment content check,
 * the PDF renderer and the port to the unit module (unit names, a unit account's unit).
 */
package cn.hrss.zcrd.declaration;

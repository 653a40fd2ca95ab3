/**
 * Unit review and upward reporting (单位审核与上报, SPEC §5; the seed manual's section 2.3): the review queue
 * (职称认定审核), the decisions on a declaration (通过 — which is 终审通过 at a unit holding issuing authority for the
 * level —, 不通过 per module, 退回) and 职称认定上报 along an effective reporting path.
 *
 * <p>API: {@link cn.hrss.zcrd.review.ReviewDecisions} and the plain-Java rules
 * {@link cn.hrss.zcrd.review.ReportingPathPolicy} and {@link cn.hrss.zcrd.review.ApprovalPolicy}. The declaration's
 * state machine, its history and the queue query are the {@code declaration} module's; reporting paths and issuing
 * authority are the {@code unit} module's. Inside ({@code internal}): the JSF backing beans of the pages under
 * {@code /rsrc/unit/review/}.
 */
package cn.hrss.zcrd.review;

package cn.hrss.zcrd.declaration;

import java.util.Locale;

/**
 * Where a declaration stands (SPEC §5): {@code DRAFT → SUBMITTED → (UNIT_APPROVED → REPORTED)* → FINAL_APPROVED →
 * CERTIFIED}; from a review state back to the applicant ({@code RETURNED}) and on to {@code SUBMITTED} again; a
 * draft or a returned declaration may be withdrawn by its applicant ({@code WITHDRAWN}).
 */
public enum DeclarationState {
    /** 草稿: saved by the applicant, not yet sent to a unit. */
    DRAFT,
    /** 已提交: with the declaring unit (申报单位), waiting for its review. */
    SUBMITTED,
    /** 单位审核通过: approved by the unit that holds it, not yet reported to its superior. */
    UNIT_APPROVED,
    /** 已上报: reported to a superior unit, waiting for its review. */
    REPORTED,
    /** 终审通过: approved by a unit holding issuing authority; the certificate module takes over. */
    FINAL_APPROVED,
    /** 已发证: a certificate has been issued. Closed. */
    CERTIFIED,
    /** 已退回: back with the applicant, who may change the rejected modules and submit again. */
    RETURNED,
    /** 已撤回: abandoned by the applicant (from a draft or after a return). Closed. */
    WITHDRAWN;

    /**
     * Whether the declaration counts as the applicant's open declaration of its year and level: sent at least once
     * and neither certified nor withdrawn. Drafts do not count (an applicant may keep several); a returned one
     * does (it is still being decided).
     */
    public boolean isOpen() {
        return this != DRAFT && this != CERTIFIED && this != WITHDRAWN;
    }

    /** Sitting with a unit for review (the states a unit may return from). */
    public boolean isUnderReview() {
        return this == SUBMITTED || this == UNIT_APPROVED || this == REPORTED;
    }

    public String messageKey() {
        return "declaration.state." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

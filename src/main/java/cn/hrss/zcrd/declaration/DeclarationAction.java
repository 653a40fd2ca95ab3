package cn.hrss.zcrd.declaration;

import cn.hrss.zcrd.unit.BusinessType;
import java.util.Locale;

/** What happened to a declaration: the transitions of {@link DeclarationState}, as recorded in its history. */
public enum DeclarationAction {
    /** 确定申报 (also after a return) */
    SUBMIT,
    /** 通过, by the unit that holds it */
    APPROVE,
    /** 上报 to a superior unit */
    REPORT,
    /** 终审通过 (确认通过 for a transfer-in confirmation) */
    FINAL_APPROVE,
    /** 退回 to the applicant, with module opinions */
    RETURN,
    /** certificate issued */
    CERTIFY,
    /** 撤回 by the applicant */
    WITHDRAW,
    /** the certificate was revoked (注销); the declaration stays certified */
    REVOKE_CERTIFICATE,
    /** the certificate was re-issued (补发: same data, a new number) */
    REISSUE_CERTIFICATE,
    /** the certificate was corrected (更正: a new number) */
    CORRECT_CERTIFICATE;

    /** Whether the action is a later step of an issued certificate's life (注销, 补发, 更正). */
    public boolean changesCertificate() {
        return this == REVOKE_CERTIFICATE || this == REISSUE_CERTIFICATE || this == CORRECT_CERTIFICATE;
    }

    /** Label of the action, e.g. in the history. */
    public String messageKey() {
        return "declaration.action." + key();
    }

    /** Label of the action in a declaration of the business: a transfer-in confirmation's final approval is 确认通过. */
    public String messageKey(BusinessType business) {
        return this == FINAL_APPROVE && business == BusinessType.TRANSFER_IN
                ? "declaration.action.confirm-approve"
                : messageKey();
    }

    /** Why the action is refused in the current state. */
    public String refusalKey() {
        return "declaration.error.transition." + key();
    }

    private String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

package cn.hrss.zcrd.certificate.internal.pages;

import cn.hrss.zcrd.account.BackOfficeAccessDeniedException;
import cn.hrss.zcrd.account.BackOfficeUser;
import cn.hrss.zcrd.certificate.CertificateLibrary;
import cn.hrss.zcrd.certificate.CertificateOperator;
import cn.hrss.zcrd.certificate.CertificateRefusedException;
import cn.hrss.zcrd.shared.FacesMessages;
import cn.hrss.zcrd.shared.RefusedException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

/** What the certificate pages share: a refusal of a service shown as a Chinese page message. */
final class PageRefusals {

    private PageRefusals() {}

    /** The service's reason as an error message of the page (nothing was changed). */
    static void show(RuntimeException refusal) {
        if (refusal instanceof RefusedException refused) {
            FacesMessages.page(FacesMessage.SEVERITY_ERROR, refused.refusal());
        } else if (refusal instanceof BackOfficeAccessDeniedException denied) {
            FacesMessages.page(FacesMessage.SEVERITY_ERROR, denied.refusal());
        } else {
            throw refusal;
        }
        FacesContext.getCurrentInstance().validationFailed();
    }

    /** The signed-in operator, or null when the account is bound to no issuing unit (the page then says so). */
    static CertificateOperator operatorOrNull(CertificateLibrary library) {
        try {
            return library.operator(); // VIEW_CERTIFICATES, else refused (403 page)
        } catch (CertificateRefusedException e) {
            if (CertificateRefusedException.NO_UNIT.equals(e.messageKey())) {
                return null;
            }
            throw e;
        }
    }

    /** Whether the signed-in back-office session was opened with a UKEY. */
    static boolean ukeySession() {
        return BackOfficeUser.current().map(BackOfficeUser::isUkeySession).orElse(false);
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}

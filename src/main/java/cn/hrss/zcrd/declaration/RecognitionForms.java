package cn.hrss.zcrd.declaration;

import cn.hrss.zcrd.account.Applicants;
import cn.hrss.zcrd.account.PortalUser;
import cn.hrss.zcrd.declaration.internal.RecognitionFormRenderer;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 认定表预览: the recognition form (职称认定表; for a transfer-in confirmation the 外地调入确认表) of a declaration as a PDF, made on demand from the current data — every
 * field and module, the module marks and the review history.
 */
@Service
public class RecognitionForms {

    private final DeclarationAccess access;
    private final Applicants applicants;
    private final RecognitionFormRenderer renderer;

    RecognitionForms(DeclarationAccess access, Applicants applicants, RecognitionFormRenderer renderer) {
        this.access = access;
        this.applicants = applicants;
        this.renderer = renderer;
    }

    /**
     * The form, for the applicant or a unit the declaration is or was sent to, once it has been submitted.
     *
     * @throws AccessDeniedException for anyone else (also for an unknown declaration)
     * @throws DeclarationException  {@code declaration.error.form-not-available} before the first submission
     */
    @Transactional(readOnly = true)
    public RecognitionForm render(long declarationId, PortalUser user) {
        Declaration d = access.readable(declarationId, user);
        if (d.getFirstSubmittedAt() == null) {
            throw new DeclarationException("declaration.error.form-not-available");
        }
        byte[] pdf = renderer.render(access.details(d), applicants.ofAccount(d.getApplicantAccountId()));
        String name = d.getBusinessType() == cn.hrss.zcrd.unit.BusinessType.TRANSFER_IN
                ? "transfer-form-"
                : "recognition-form-";
        return new RecognitionForm(name + d.getId() + ".pdf", pdf);
    }
}

package cn.hrss.zcrd.declaration;

import cn.hrss.zcrd.account.Applicants;
import cn.hrss.zcrd.account.PortalUser;
import cn.hrss.zcrd.declaration.internal.AttachmentContent;
import cn.hrss.zcrd.declaration.internal.AttachmentContentRepository;
import cn.hrss.zcrd.declaration.internal.FormOpinions;
import cn.hrss.zcrd.declaration.internal.RecognitionFormRenderer;
import cn.hrss.zcrd.declaration.internal.SubmissionSnapshots;
import cn.hrss.zcrd.declaration.internal.SubmittedForm;
import cn.hrss.zcrd.seal.ApprovedSeal;
import cn.hrss.zcrd.seal.SealImpressions;
import java.util.HashMap;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 认定表预览: the recognition form (职称认定表; for a transfer-in confirmation the 外地调入确认表) of a declaration as a
 * PDF, made on demand. What the applicant filed — personal and contact data, every module, the 证件照 — comes from the
 * snapshot taken at the latest 确定申报, so a later change of the profile does not change it (a declaration submitted
 * before snapshots were taken prints its current data); the module marks, the history, an opinion box per reviewing
 * unit with that unit's approved seal, and the 认定结果 with the certificate number come from the declaration as it
 * stands.
 */
@Service
public class RecognitionForms {

    private final DeclarationAccess access;
    private final Applicants applicants;
    private final RecognitionFormRenderer renderer;
    private final SubmissionSnapshots snapshots;
    private final AttachmentContentRepository contents;
    private final SealImpressions seals;

    RecognitionForms(
            DeclarationAccess access,
            Applicants applicants,
            RecognitionFormRenderer renderer,
            SubmissionSnapshots snapshots,
            AttachmentContentRepository contents,
            SealImpressions seals) {
        this.access = access;
        this.applicants = applicants;
        this.renderer = renderer;
        this.snapshots = snapshots;
        this.contents = contents;
        this.seals = seals;
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
        DeclarationDetails current = access.details(d);
        SubmittedForm submitted = snapshots
                .latest(d.getId())
                .orElseGet(() ->
                        SubmittedForm.of(current, applicants.ofAccount(d.getApplicantAccountId()), d.getSubmittedAt()));
        byte[] photo = submitted.photoId() == null
                ? null
                : contents.findById(submitted.photoId())
                        .map(AttachmentContent::content)
                        .orElse(null);
        Map<Long, byte[]> unitSeals = new HashMap<>();
        for (FormOpinions.Opinion o : FormOpinions.of(current)) {
            seals.inForce(o.unitId()).map(ApprovedSeal::png).ifPresent(png -> unitSeals.put(o.unitId(), png));
        }
        byte[] pdf = renderer.render(submitted, current, photo, unitSeals);
        String name = d.getBusinessType() == cn.hrss.zcrd.unit.BusinessType.TRANSFER_IN
                ? "transfer-form-"
                : "recognition-form-";
        return new RecognitionForm(name + d.getId() + ".pdf", pdf);
    }
}

package cn.hrss.zcrd.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.zcrd.account.ApplicantDetails;
import cn.hrss.zcrd.account.Applicants;
import cn.hrss.zcrd.account.PortalUser;
import cn.hrss.zcrd.certificate.internal.CertificatePdfs;
import cn.hrss.zcrd.certificate.internal.CertificatePdfs.PdfImage;
import cn.hrss.zcrd.declaration.DeclarationState;
import cn.hrss.zcrd.declaration.RecognitionForms;
import cn.hrss.zcrd.review.ReviewDecisions;
import cn.hrss.zcrd.review.ReviewFixtures;
import cn.hrss.zcrd.support.IntegrationTest;
import cn.hrss.zcrd.unit.Unit;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The 认定表 as a bureau files it (issue 17, item 3), read with poppler as anyone would: a declaration driven through
 * three review levels — the declaring unit (with a seal), a 主管部门 (without one) and the issuing unit (with one) —
 * and issuance; the form prints each level's unit, opinion and 经办人, the 认定结果 with the certificate number, the
 * applicant's 证件照 and the two seals, and what was submitted rather than the profile as changed since.
 */
@IntegrationTest
class RecognitionFormIT extends CertificateServicesBase {

    @Autowired
    ReviewDecisions decisions;

    @Autowired
    RecognitionForms forms;

    @Autowired
    CertificateFixtures fixtures;

    @Autowired
    ReviewFixtures review;

    @Autowired
    Applicants applicants;

    @Test
    void everyLevelsOpinionTheResultThePhotoAndTheSealsAreOnTheFormAsSubmitted() throws Exception {
        CertificateFixtures.IssuingUnit issuer = fixtures.issuingUnit("认定表发证单位");
        Unit competent = review.unit("认定表主管部门");
        Unit declaring = review.unit("认定表申报单位");
        PortalUser declaringUser = ReviewFixtures.signedIn(declaring);
        PortalUser competentUser = ReviewFixtures.signedIn(competent);
        fixtures.approvedSeal(declaring, declaringUser);
        review.effectivePath(declaring, competent);
        review.effectivePath(competent, issuer.unit());

        PortalUser person = review.person("欧阳认定");
        long id = review.submitted(person, declaring);
        ApplicantDetails asSubmitted = applicants.ofAccount(person.accountId());

        // the profile changes after 确定申报: the form keeps what was submitted
        applicants.changeContact(person.accountId(), "13700001111", "changed@example.cn");
        String submittedForm = text(forms.render(id, person).pdf());
        assertThat(submittedForm)
                .contains(asSubmitted.mobile(), asSubmitted.email())
                .doesNotContain("13700001111", "changed@example.cn")
                .contains("申报单位意见", "认定结果", "尚未审批");

        decisions.approve(id, declaringUser, "情况属实同意推荐");
        assertThat(decisions.report(List.of(id), declaringUser, "同意上报").refused())
                .isEmpty();
        decisions.approve(id, competentUser, "符合认定条件");
        assertThat(decisions.report(List.of(id), competentUser, "报请审批").refused())
                .isEmpty();
        decisions.approve(id, issuer.portal(), "同意认定");
        assertThat(declarations.details(id, person).state()).isEqualTo(DeclarationState.FINAL_APPROVED);
        fixtures.issued(issuer.ukeyOperator(), List.of(fixtures.entryOf(id)), LocalDate.of(2026, 7, 1));
        String number = certificates.mine(person).stream()
                .filter(c -> c.declarationId() == id)
                .findFirst()
                .orElseThrow()
                .number();

        byte[] pdf = forms.render(id, person).pdf();
        String form = text(pdf);
        // each level in the order of the chain: unit, decision, opinion, the unit's 经办人 (its contact person)
        int first = form.indexOf("申报单位意见");
        int second = form.indexOf("主管部门意见");
        int third = form.indexOf("审批（发证）单位意见");
        assertThat(first).as(form).isPositive().isLessThan(second);
        assertThat(second).as(form).isLessThan(third);
        assertThat(form.substring(first, second)).contains(declaring.getName(), "上报", "情况属实同意推荐", "同意上报", "经办人：王联系");
        assertThat(form.substring(second, third)).contains(competent.getName(), "上报", "符合认定条件", "报请审批", "经办人：王联系");
        int result = form.indexOf("认定结果");
        assertThat(result).isGreaterThan(third);
        assertThat(form.substring(third, result)).contains(issuer.unit().getName(), "终审通过", "同意认定");
        assertThat(form.substring(result))
                .contains("审批单位", issuer.unit().getName(), "终审通过", "证书编号", number, "发证日期")
                .doesNotContain("尚未发证");
        // still as submitted, and no unit's name where a person's belongs
        assertThat(form)
                .contains(asSubmitted.mobile())
                .doesNotContain("13700001111")
                .doesNotContain("经办人：" + declaring.getName());

        // the photo at the top of page 1, the seals of the two units that have one (the 主管部门 has none)
        List<PdfImage> images = CertificatePdfs.pdfimages(pdf);
        assertThat(images)
                .filteredOn(i -> i.width() == 295 && i.height() == 413)
                .singleElement()
                .satisfies(photo -> {
                    assertThat(photo.page()).isEqualTo(1);
                    assertThat(photo.encoding()).isEqualTo("jpeg");
                });
        assertThat(images)
                .filteredOn(i -> i.width() == 400 && i.height() == 400)
                .hasSize(2);
        assertThat(images).hasSize(3);
    }

    /** pdftotext's text (layout kept) without the spaces it puts between spaced-out characters. */
    private static String text(byte[] pdf) throws Exception {
        return CertificatePdfs.pdftotext(pdf).replace(" ", "");
    }
}

package cn.hrss.zcrd.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.hrss.zcrd.account.PortalUser;
import cn.hrss.zcrd.declaration.AttachmentKind;
import cn.hrss.zcrd.declaration.DeclarationDetails;
import cn.hrss.zcrd.declaration.DeclarationQueue;
import cn.hrss.zcrd.declaration.DeclarationRejectedException;
import cn.hrss.zcrd.declaration.DeclarationState;
import cn.hrss.zcrd.declaration.ModuleKind;
import cn.hrss.zcrd.declaration.ModuleLockedException;
import cn.hrss.zcrd.declaration.QueueQuery;
import cn.hrss.zcrd.declaration.QueueStatus;
import cn.hrss.zcrd.declaration.RecognitionForms;
import cn.hrss.zcrd.declaration.WorkRecord;
import cn.hrss.zcrd.review.ReportResult;
import cn.hrss.zcrd.review.ReviewDecisions;
import cn.hrss.zcrd.review.ReviewFixtures;
import cn.hrss.zcrd.shared.BusinessTime;
import cn.hrss.zcrd.shared.Refusal;
import cn.hrss.zcrd.support.Faces;
import cn.hrss.zcrd.support.IntegrationTest;
import cn.hrss.zcrd.unit.BusinessType;
import cn.hrss.zcrd.unit.Unit;
import cn.hrss.zcrd.verification.VerifyClient;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 外地调入确认 end to end over the services (SPEC §5a): declared with both scans, returned by the declaring unit on
 * one module, fixed, reported along a path, 确认通过 by the issuing unit, in the library as 外地调入, issued as a
 * signed 职称确认 certificate that prints the original certificate and verifies on {@code /verify/}; and paths are
 * shared between the two businesses both ways.
 */
@IntegrationTest
class TransferInConfirmationIT extends CertificateServicesBase {

    static final LocalDate PUBLISHED = LocalDate.of(2026, 7, 1);

    @Autowired
    ReviewDecisions decisions;

    @Autowired
    RecognitionForms forms;

    @Autowired
    DeclarationQueue queue;

    @Autowired
    CertificateFixtures fixtures;

    @Autowired
    ReviewFixtures review;

    @Test
    void declaredReturnedFixedReportedConfirmedIssuedAndVerified() throws Exception {
        CertificateFixtures.IssuingUnit issuer = fixtures.issuingUnit("调入确认发证单位");
        Unit grassroots = review.unit("调入申报单位");
        review.effectivePath(
                grassroots, issuer.unit(), ReviewFixtures.LEVEL, ReviewFixtures.SERIES, BusinessType.TRANSFER_IN);
        PortalUser person = review.person("赵调入");
        PortalUser declaringUnit = ReviewFixtures.signedIn(grassroots);

        // without the scans it cannot be submitted, and says why in Chinese-keyed refusals
        long id = review.transferDraft(person, grassroots);
        assertThatThrownBy(() -> declarations.submit(id, person))
                .isInstanceOfSatisfying(
                        DeclarationRejectedException.class,
                        e -> assertThat(e.rejections())
                                .extracting(Refusal::messageKey)
                                .containsExactly(
                                        "declaration.rule.incomplete.original_certificate",
                                        "declaration.rule.incomplete.transfer_papers"));
        review.upload(id, person, AttachmentKind.ORIGINAL_CERTIFICATE);
        assertThatThrownBy(() -> declarations.submit(id, person))
                .isInstanceOfSatisfying(
                        DeclarationRejectedException.class,
                        e -> assertThat(e.rejections())
                                .extracting(Refusal::messageKey)
                                .containsExactly("declaration.rule.incomplete.transfer_papers"));
        review.upload(id, person, AttachmentKind.TRANSFER_ORDER);
        declarations.submit(id, person);
        assertThat(declarations.mine(person, BusinessType.TRANSFER_IN))
                .singleElement()
                .satisfies(s -> assertThat(s.state()).isEqualTo(DeclarationState.SUBMITTED));
        assertThat(declarations.mine(person))
                .as("我的申报信息 lists full-time recognition only")
                .isEmpty();

        // the declaring unit sees it as 外地调入确认 and returns the original certificate's module
        assertThat(queue.page(
                        declaringUnit,
                        new QueueQuery(null, null, null, null, null, null, null, BusinessType.TRANSFER_IN, null),
                        0,
                        10,
                        null,
                        true))
                .singleElement()
                .satisfies(q -> assertThat(q.businessType()).isEqualTo(BusinessType.TRANSFER_IN));
        assertThat(queue.count(
                        declaringUnit,
                        new QueueQuery(
                                null, null, null, null, null, null, null, BusinessType.FULL_TIME_RECOGNITION, null)))
                .isZero();
        decisions.returnToApplicant(id, declaringUnit, Map.of(ModuleKind.ORIGINAL_CERTIFICATE, "扫描件不清晰，请重新上传"), "请补正");

        // only the rejected module may change
        DeclarationDetails returned = declarations.details(id, person);
        assertThat(returned.module(ModuleKind.ORIGINAL_CERTIFICATE).editable()).isTrue();
        assertThat(returned.module(ModuleKind.BASIC).editable()).isFalse();
        assertThatThrownBy(() -> declarations.saveWork(
                        id,
                        person,
                        List.of(new WorkRecord(
                                LocalDate.now(BusinessTime.DEFAULT_ZONE).minusYears(1), null, "甲", "乙"))))
                .isInstanceOf(ModuleLockedException.class);
        assertThatThrownBy(() -> review.upload(id, person, AttachmentKind.SOCIAL_INSURANCE))
                .isInstanceOf(ModuleLockedException.class);
        assertThatThrownBy(() -> declarations.submit(id, person))
                .isInstanceOfSatisfying(
                        DeclarationRejectedException.class,
                        e -> assertThat(e.rejections())
                                .extracting(Refusal::messageKey)
                                .contains("declaration.rule.unrevised.original_certificate"));
        review.upload(id, person, AttachmentKind.ORIGINAL_CERTIFICATE);
        declarations.submit(id, person);

        // the 外地调入确认表 (the recognition form's renderer with the transfer rows)
        String form = CertificateFixtures.textOf(forms.render(id, person).pdf());
        assertThat(form.replace(" ", ""))
                .contains("外地调入职称确认表")
                .contains("江苏省人力资源和社会保障厅")
                .contains("JS2023-000188")
                .contains("原职称证书");

        // two levels: the declaring unit approves and reports along the path, the issuing unit gives 确认通过
        decisions.approve(id, declaringUnit, "同意");
        ReportResult reported = decisions.report(List.of(id), declaringUnit, "同意上报");
        assertThat(reported.refused()).isEmpty();
        assertThat(reported.reported())
                .singleElement()
                .satisfies(r ->
                        assertThat(r.superiorUnitName()).isEqualTo(issuer.unit().getName()));
        decisions.approve(id, issuer.portal(), "确认通过");
        assertThat(declarations.details(id, person).state()).isEqualTo(DeclarationState.FINAL_APPROVED);
        assertThat(jdbc.queryForMap(
                        "SELECT business_type, original_authority, original_number FROM certificate_library_entry "
                                + "WHERE declaration_id = ?",
                        id))
                .containsEntry("business_type", "TRANSFER_IN")
                .containsEntry("original_authority", "江苏省人力资源和社会保障厅")
                .containsEntry("original_number", "JS2023-000188");

        // the same issuance pipeline signs a 职称确认 certificate
        BatchProgress done = fixtures.issued(issuer.ukeyOperator(), List.of(fixtures.entryOf(id)), PUBLISHED);
        assertThat(done.issued()).isEqualTo(1);
        assertThat(declarations.details(id, person).state()).isEqualTo(DeclarationState.CERTIFIED);
        TitleCertificate certificate = certificates.mine(person).stream()
                .filter(c -> c.declarationId() == id)
                .findFirst()
                .orElseThrow();
        byte[] pdf = certificates.downloadMine(certificate.id(), person).content();
        String text = CertificateFixtures.verifiedByItext(pdf);
        assertThat(text.replace(" ", ""))
                .contains("专业技术职称确认证书")
                .contains("赵调入")
                .contains("助理工程师")
                .contains(certificate.number())
                .contains("原发证机关")
                .contains("江苏省人力资源和社会保障厅")
                .contains("JS2023-000188")
                .contains(LocalDate.now(BusinessTime.DEFAULT_ZONE).minusYears(3).getYear() + "年");
        CertificateFixtures.verifiedByPdfsig(pdf);

        // verifiable like the others: the QR address shows 职称确认 and 有效
        String key = jdbc.queryForObject(
                "SELECT verification_key FROM title_certificate WHERE id = ?", String.class, certificate.id());
        VerifyClient client = new VerifyClient(Faces.publicBase(ports));
        HttpResponse<String> page = client.get("/verify/c/" + certificate.number() + "?k=" + key);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("<td id=\"field-kind\">职称确认</td>")
                .contains("<strong id=\"status\">有效</strong>")
                .contains("赵调入");
    }

    @Test
    void aPathOfEitherBusinessServesTheOther() {
        Unit superior = review.unit("共用路径上级");
        review.grantIssuingAuthority(superior, ReviewFixtures.LEVEL);

        // a path applied for while doing 外地调入 serves a full-time declaration
        Unit viaTransferPath = review.unit("调入路径单位");
        review.effectivePath(
                viaTransferPath, superior, ReviewFixtures.LEVEL, ReviewFixtures.SERIES, BusinessType.TRANSFER_IN);
        long fullTime = review.submitted(review.person("钱全日"), viaTransferPath);
        PortalUser first = ReviewFixtures.signedIn(viaTransferPath);
        decisions.approve(fullTime, first, null);
        assertThat(decisions.report(List.of(fullTime), first, null).reported()).hasSize(1);

        // and a path applied for while doing 全日制职称认定 serves a transfer-in confirmation
        Unit viaFullTimePath = review.unit("认定路径单位");
        review.effectivePath(
                viaFullTimePath,
                superior,
                ReviewFixtures.LEVEL,
                ReviewFixtures.SERIES,
                BusinessType.FULL_TIME_RECOGNITION);
        long transfer = review.transferSubmitted(review.person("孙调入"), viaFullTimePath);
        PortalUser second = ReviewFixtures.signedIn(viaFullTimePath);
        decisions.approve(transfer, second, null);
        assertThat(decisions.report(List.of(transfer), second, null).reported()).hasSize(1);

        // the superior's pending queue holds both, each with its business
        assertThat(queue.page(ReviewFixtures.signedIn(superior), QueueQuery.of(QueueStatus.PENDING), 0, 10, null, true))
                .extracting(q -> q.id(), q -> q.businessType())
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(fullTime, BusinessType.FULL_TIME_RECOGNITION),
                        org.assertj.core.groups.Tuple.tuple(transfer, BusinessType.TRANSFER_IN));
    }
}

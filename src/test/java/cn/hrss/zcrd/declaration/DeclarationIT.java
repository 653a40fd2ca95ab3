package cn.hrss.zcrd.declaration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.hrss.zcrd.account.PortalUser;
import cn.hrss.zcrd.shared.BusinessTime;
import cn.hrss.zcrd.shared.FieldProblem;
import cn.hrss.zcrd.shared.InvalidInputException;
import cn.hrss.zcrd.shared.NotFoundException;
import cn.hrss.zcrd.shared.Refusal;
import cn.hrss.zcrd.support.IntegrationTest;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.canvas.parser.PdfTextExtractor;
import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** 全日制职称认定申报 through the services on a real MariaDB: drafts, modules, attachments, submission, access. */
@IntegrationTest
@RecordApplicationEvents
class DeclarationIT extends DeclarationServicesBase {

    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    @Autowired
    DeclarationReviews reviews;

    @Autowired
    RecognitionForms forms;

    @Autowired
    MessageSource messages;

    @Autowired
    ApplicationEvents events;

    PortalUser declaringUnit;
    long declaringUnitId;

    @BeforeEach
    void setUp() {
        declaringUnit = fixtures.unit(DeclarationFixtures.unitName("济南重工"));
        declaringUnitId = fixtures.unitId(declaringUnit);
    }

    @Test
    void aDraftIsSavedAndEachModuleIsSavedOnItsOwnAndReportsWhetherItIsComplete() {
        PortalUser person = fixtures.person("赵申报");
        long id = fixtures.draft(person, declaringUnitId);

        DeclarationDetails draft = declarations.details(id, person);
        assertThat(draft.state()).isEqualTo(DeclarationState.DRAFT);
        assertThat(draft.applicantName()).isEqualTo("赵申报");
        assertThat(draft.titleName()).isEqualTo("助理工程师");
        assertThat(draft.seriesName()).isEqualTo("工程");
        assertThat(draft.declaringUnitName()).isEqualTo(declaringUnit.displayName());
        assertThat(draft.modules())
                .extracting(DeclarationDetails.Module::kind, DeclarationDetails.Module::complete)
                .containsExactly(
                        tuple(ModuleKind.BASIC, true),
                        tuple(ModuleKind.EDUCATION, false),
                        tuple(ModuleKind.WORK, false),
                        tuple(ModuleKind.PERFORMANCE, false),
                        tuple(ModuleKind.ATTACHMENTS, false));
        assertThat(declarations.submissionProblems(id, person))
                .extracting(p -> p.refusal().messageKey())
                .containsExactly(
                        "declaration.rule.incomplete.education",
                        "declaration.rule.incomplete.work",
                        "declaration.rule.missing.achievements",
                        "declaration.rule.missing.probation-result",
                        "declaration.rule.incomplete.attachments",
                        "declaration.rule.photo-missing");

        fixtures.completeModules(id, person);

        DeclarationDetails complete = declarations.details(id, person);
        assertThat(complete.modules()).allSatisfy(m -> {
            assertThat(m.complete()).as(m.kind().name()).isTrue();
            assertThat(m.state()).isEqualTo(ModuleState.NORMAL);
            assertThat(m.editable()).isTrue();
        });
        assertThat(complete.education())
                .singleElement()
                .satisfies(e -> assertThat(e.school()).isEqualTo("山东大学"));
        assertThat(complete.work())
                .singleElement()
                .satisfies(w -> assertThat(w.endDate()).isNull());
        assertThat(complete.performance().probationResult()).isEqualTo(ProbationResult.QUALIFIED);
        assertThat(declarations.submissionProblems(id, person)).isEmpty();
        assertThat(count("select count(*) from declaration_education where declaration_id = ?", id))
                .isEqualTo(1);
        assertThat(count("select count(*) from declaration_module where declaration_id = ?", id))
                .isEqualTo(5);
        assertThat(declarations.mine(person)).singleElement().satisfies(s -> {
            assertThat(s.id()).isEqualTo(id);
            assertThat(s.formAvailable()).isFalse();
        });
    }

    @Test
    void theBasicFormIsCheckedAgainstTheCatalogAndTheUnitsServerSide() {
        PortalUser person = fixtures.person("钱校验");
        BasicInfo good = fixtures.basic(declaringUnitId, fixtures.twoYearsAgo());
        BasicInfo crafted = new BasicInfo(
                good.declarationYear(),
                "FUGAO",
                205L,
                2001L,
                9L,
                999_999L,
                false,
                null,
                good.workStartDate(),
                good.workStartDate().minusDays(1),
                " ",
                LocalDate.now(BusinessTime.DEFAULT_ZONE).plusDays(1),
                good.education(),
                good.majorStudied(),
                null);

        assertThatThrownBy(() -> declarations.createDraft(person, crafted))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(FieldProblem::field, FieldProblem::messageKey)
                                .containsExactly(
                                        tuple("levelCode", "declaration.level.not-recognisable"),
                                        tuple("declaringUnitId", "declaration.unit.unknown"),
                                        tuple("workUnitId", "declaration.work-unit.required"),
                                        tuple("professionalWorkStartDate", "declaration.date.professional-before-work"),
                                        tuple("graduationSchool", "field.required"),
                                        tuple("graduationDate", "declaration.date.future")));
        BasicInfo wrongSpecialty = new BasicInfo(
                good.declarationYear(),
                good.levelCode(),
                good.titleId(),
                2001L,
                good.declarationMethodId(),
                good.declaringUnitId(),
                true,
                null,
                good.workStartDate(),
                good.professionalWorkStartDate(),
                good.graduationSchool(),
                good.graduationDate(),
                good.education(),
                good.majorStudied(),
                null);
        assertThatThrownBy(() -> declarations.createDraft(person, wrongSpecialty))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(FieldProblem::messageKey)
                                .containsExactly("declaration.specialty.not-offered"));
        assertThat(declarations.mine(person)).isEmpty();
    }

    @Test
    void anAttachmentRoundTripsWithItsSha256AndOnlyItsDescriptionIsListed() throws Exception {
        PortalUser person = fixtures.person("孙附件");
        long id = fixtures.draft(person, declaringUnitId);
        byte[] pdf =
                DeclarationFixtures.pdf("学位证书 " + ThreadLocalRandom.current().nextLong());

        AttachmentInfo info = declarations.addAttachment(
                id,
                person,
                AttachmentKind.DEGREE_CERTIFICATE,
                "C:\\扫描件\\学位证书\u202Eexe.pdf",
                new ByteArrayInputStream(pdf));

        String sha256 =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf));
        assertThat(info.sha256()).isEqualTo(sha256);
        assertThat(info.contentType()).isEqualTo("application/pdf");
        assertThat(info.originalName()).isEqualTo("学位证书exe.pdf");
        assertThat(info.storedName()).matches("[0-9a-f-]{36}\\.pdf");
        Map<String, Object> row = jdbc.queryForMap(
                "select sha256, size_bytes, stored_name from declaration_attachment" + " where id = ?", info.id());
        assertThat(row).containsEntry("sha256", sha256).containsEntry("stored_name", info.storedName());
        assertThat(((Number) row.get("size_bytes")).longValue()).isEqualTo(pdf.length);
        assertThat(jdbc.queryForObject(
                        "select content from attachment_content where attachment_id = ?", byte[].class, info.id()))
                .isEqualTo(pdf);

        AttachmentDownload download = declarations.attachment(info.id(), person);
        assertThat(download.content()).isEqualTo(pdf);
        assertThat(download.sha256()).isEqualTo(sha256);
        assertThat(download.fileName()).isEqualTo(info.storedName());
        // (MariaDB through Connector/J keeps whole seconds: the server reports itself as 5.5.5-10.11)
        assertThat(declarations.details(id, person).attachments())
                .singleElement()
                .usingRecursiveComparison()
                .ignoringFields("uploadedAt")
                .isEqualTo(info);

        declarations.removeAttachment(id, person, info.id());
        assertThat(count("select count(*) from attachment_content where attachment_id = ?", info.id()))
                .isZero();
        assertThat(declarations.canRead(info.id(), person)).isFalse();
    }

    @Test
    void theContentCheckRefusesARenamedExecutableAndAnOversizedFileAndStoresNothing() {
        PortalUser person = fixtures.person("李检查");
        long id = fixtures.draft(person, declaringUnitId);
        long version = version(id);
        byte[] exe = new byte[20_000];
        ThreadLocalRandom.current().nextBytes(exe);
        exe[0] = 'M';
        exe[1] = 'Z';
        byte[] sixMegabytes = new byte[6 * 1024 * 1024];
        byte[] start = DeclarationFixtures.pdf("big");
        System.arraycopy(start, 0, sixMegabytes, 0, start.length);

        assertRefused(
                () -> declarations.addAttachment(
                        id, person, AttachmentKind.DIPLOMA, "毕业证书.pdf", new ByteArrayInputStream(exe)),
                "declaration.attachment.type");
        assertRefused(
                () -> declarations.addAttachment(
                        id, person, AttachmentKind.DIPLOMA, "毕业证书.pdf", new ByteArrayInputStream(sixMegabytes)),
                "declaration.attachment.too-large",
                "5");

        assertThat(count("select count(*) from declaration_attachment where declaration_id = ?", id))
                .isZero();
        assertThat(count(
                        "select count(*) from attachment_content c join declaration_attachment a "
                                + "on a.id = c.attachment_id where a.declaration_id = ?",
                        id))
                .isZero();
        assertThat(version(id)).isEqualTo(version);
    }

    private void assertRefused(Executable upload, String key, Object... arguments) {
        assertThatThrownBy(upload::execute).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.problems()).containsExactly(FieldProblem.of("file", key, arguments));
            String chinese = messages.getMessage(key, arguments, Locale.SIMPLIFIED_CHINESE);
            assertThat(HAN.matcher(chinese).find()).as(chinese).isTrue();
        });
    }

    @Test
    void submittingSendsItToTheDeclaringUnitAndLocksEveryModule() {
        PortalUser person = fixtures.person("周提交");
        long id = fixtures.completeDraft(person, declaringUnitId);

        declarations.submit(id, person);

        DeclarationDetails submitted = declarations.details(id, person);
        assertThat(submitted.state()).isEqualTo(DeclarationState.SUBMITTED);
        assertThat(submitted.currentUnitId()).isEqualTo(declaringUnitId);
        assertThat(submitted.formAvailable()).isTrue();
        assertThat(submitted.modules()).noneMatch(DeclarationDetails.Module::editable);
        assertThat(submitted.history()).singleElement().satisfies(h -> {
            assertThat(h.action()).isEqualTo(DeclarationAction.SUBMIT);
            assertThat(h.actorName()).isEqualTo("周提交");
            assertThat(h.toUnitName()).isEqualTo(declaringUnit.displayName());
        });
        assertThat(jdbc.queryForObject("select open_marker from declaration where id = ?", Boolean.class, id))
                .isTrue();

        long version = version(id);
        assertThatThrownBy(() -> declarations.saveWork(id, person, List.of()))
                .isInstanceOfSatisfying(
                        ModuleLockedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("declaration.error.locked"));
        assertThatThrownBy(() -> declarations.submit(id, person)).isInstanceOf(IllegalTransitionException.class);
        assertThat(version(id)).isEqualTo(version);
        assertThat(declarations.canRead(submitted.attachments().get(0).id(), declaringUnit))
                .isTrue();
        assertThat(declarations.details(id, declaringUnit).applicantName()).isEqualTo("周提交");
    }

    @Test
    void aSecondOpenDeclarationOfTheSameYearAndLevelIsRefused() {
        PortalUser person = fixtures.person("吴两份");
        fixtures.submitted(person, declaringUnitId);
        long second = fixtures.completeDraft(person, declaringUnitId);

        assertThatThrownBy(() -> declarations.submit(second, person))
                .isInstanceOfSatisfying(
                        DeclarationRejectedException.class,
                        e -> assertThat(e.rejections())
                                .containsExactly(Refusal.of(
                                        "declaration.rule.one-open",
                                        String.valueOf(LocalDate.now(BusinessTime.DEFAULT_ZONE)
                                                .getYear()),
                                        "助理级")));
        assertThat(declarations.details(second, person).state()).isEqualTo(DeclarationState.DRAFT);
    }

    @Test
    void theYearsOfWorkRuleRefusesWithTheRuleAndTheDates() {
        PortalUser person = fixtures.person("郑新毕业");
        LocalDate graduation = LocalDate.now(BusinessTime.DEFAULT_ZONE).minusMonths(6);
        long id = declarations.createDraft(person, fixtures.basic(declaringUnitId, graduation));
        fixtures.completeModules(id, person);
        LocalDate start = graduation.plusDays(10);

        assertThatThrownBy(() -> declarations.submit(id, person))
                .isInstanceOfSatisfying(
                        DeclarationRejectedException.class,
                        e -> assertThat(e.rejections())
                                .containsExactly(Refusal.of(
                                        "declaration.rule.years-of-work",
                                        "全日制大学本科毕业见习期满一年",
                                        "1",
                                        start.toString(),
                                        start.plusYears(1).toString(),
                                        LocalDate.now(BusinessTime.DEFAULT_ZONE).toString())));
        String text = messages.getMessage(
                "declaration.rule.years-of-work",
                new Object[] {
                    "全日制大学本科毕业见习期满一年",
                    "1",
                    start.toString(),
                    start.plusYears(1).toString(),
                    LocalDate.now(BusinessTime.DEFAULT_ZONE).toString()
                },
                Locale.SIMPLIFIED_CHINESE);
        assertThat(text)
                .contains(
                        "全日制大学本科毕业见习期满一年", start.toString(), start.plusYears(1).toString());
        assertThat(declarations.details(id, person).state()).isEqualTo(DeclarationState.DRAFT);
    }

    @Test
    void anotherApplicantCanNeitherReadNorChangeNorSubmitNorDownloadAnything() {
        PortalUser owner = fixtures.person("王本人");
        PortalUser other = fixtures.person("冯他人");
        PortalUser strangerUnit = fixtures.unit(DeclarationFixtures.unitName("无关"));
        long id = fixtures.completeDraft(owner, declaringUnitId);
        long attachmentId = declarations.details(id, owner).attachments().get(0).id();
        long version = version(id);
        BasicInfo basic = fixtures.basic(declaringUnitId, fixtures.twoYearsAgo());

        List<Executable> attempts = List.of(
                () -> declarations.details(id, other),
                () -> declarations.saveBasic(id, other, basic),
                () -> declarations.saveEducation(id, other, List.of()),
                () -> declarations.saveWork(id, other, List.of()),
                () -> declarations.savePerformance(id, other, new Performance("改", ProbationResult.EXCELLENT)),
                () -> declarations.addAttachment(
                        id,
                        other,
                        AttachmentKind.OTHER,
                        "x.pdf",
                        new ByteArrayInputStream(DeclarationFixtures.pdf("x"))),
                () -> declarations.removeAttachment(id, other, attachmentId),
                () -> declarations.submissionProblems(id, other),
                () -> declarations.submit(id, other),
                () -> declarations.withdraw(id, other),
                () -> declarations.attachment(attachmentId, other),
                () -> declarations.attachment(attachmentId, strangerUnit),
                () -> declarations.attachment(attachmentId, declaringUnit), // not sent to it yet
                () -> forms.render(id, other));
        for (Executable attempt : attempts) {
            assertThatThrownBy(attempt::execute).isInstanceOf(AccessDeniedException.class);
        }
        // an id that names nothing is not found (the pages answer 404)
        assertThatThrownBy(() -> declarations.details(Long.MAX_VALUE, other)).isInstanceOf(NotFoundException.class);
        assertThat(declarations.canRead(attachmentId, other)).isFalse();
        assertThat(declarations.canRead(attachmentId, strangerUnit)).isFalse();
        assertThat(declarations.canRead(attachmentId, owner)).isTrue();
        assertThat(declarations.mine(other)).isEmpty();
        assertThat(version(id)).isEqualTo(version);

        declarations.submit(id, owner);
        assertThatThrownBy(() -> forms.render(id, other)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> forms.render(id, strangerUnit)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reviews.approve(id, strangerUnit, "越权")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reviews.approve(id, other, "越权")).isInstanceOf(AccessDeniedException.class);
        assertThat(declarations.details(id, owner).state()).isEqualTo(DeclarationState.SUBMITTED);
    }

    @Test
    void aReturnedDeclarationRefusesChangesToModulesThatWereNotRejected() {
        PortalUser person = fixtures.person("陈退回");
        long id = fixtures.submitted(person, declaringUnitId);

        reviews.returnToApplicant(id, declaringUnit, Map.of(ModuleKind.EDUCATION, "请补充学位信息"), "请修改后重新申报");

        DeclarationDetails returned = declarations.details(id, person);
        assertThat(returned.state()).isEqualTo(DeclarationState.RETURNED);
        assertThat(returned.module(ModuleKind.EDUCATION).state()).isEqualTo(ModuleState.REJECTED);
        assertThat(returned.module(ModuleKind.EDUCATION).opinion()).isEqualTo("请补充学位信息");
        assertThat(returned.module(ModuleKind.WORK).editable()).isFalse();
        long version = version(id);
        List<Map<String, Object>> workBefore = jdbc.queryForList(
                "select * from declaration_work where declaration_id" + " = ? order by sort_index", id);

        assertThatThrownBy(() -> declarations.saveWork(
                        id, person, List.of(new WorkRecord(LocalDate.of(2020, 1, 1), null, "篡改单位", "篡改"))))
                .isInstanceOfSatisfying(ModuleLockedException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("declaration.error.module-locked");
                    assertThat(e.module()).isEqualTo(ModuleKind.WORK);
                });
        assertThatThrownBy(() ->
                        declarations.saveBasic(id, person, fixtures.basic(declaringUnitId, fixtures.twoYearsAgo())))
                .isInstanceOf(ModuleLockedException.class);
        assertThatThrownBy(() -> declarations.addAttachment(
                        id,
                        person,
                        AttachmentKind.OTHER,
                        "x.pdf",
                        new ByteArrayInputStream(DeclarationFixtures.pdf("x"))))
                .isInstanceOf(ModuleLockedException.class);
        assertThat(version(id)).isEqualTo(version);
        assertThat(jdbc.queryForList("select * from declaration_work where declaration_id = ? order by sort_index", id))
                .isEqualTo(workBefore);
        assertThatThrownBy(() -> declarations.submit(id, person))
                .isInstanceOfSatisfying(
                        DeclarationRejectedException.class,
                        e -> assertThat(e.rejections())
                                .containsExactly(Refusal.of("declaration.rule.unrevised.education")));

        LocalDate graduation = fixtures.twoYearsAgo();
        declarations.saveEducation(id, person, List.of(DeclarationFixtures.bachelor(graduation, "104221202305009999")));
        assertThat(declarations.details(id, person).module(ModuleKind.EDUCATION).state())
                .isEqualTo(ModuleState.MODIFIED);
        declarations.submit(id, person);

        DeclarationDetails resubmitted = declarations.details(id, person);
        assertThat(resubmitted.state()).isEqualTo(DeclarationState.SUBMITTED);
        assertThat(resubmitted.history())
                .extracting(DeclarationDetails.HistoryItem::action)
                .containsExactly(DeclarationAction.SUBMIT, DeclarationAction.RETURN, DeclarationAction.SUBMIT);
        assertThat(resubmitted.history().get(1).moduleOpinions()).containsEntry(ModuleKind.EDUCATION, "请补充学位信息");
        assertThat(resubmitted.history().get(1).unitName()).isEqualTo(declaringUnit.displayName());
        assertThat(jdbc.queryForObject(
                        "select count(*) from declaration_history_opinion o join declaration_history h "
                                + "on h.id = o.history_id where h.declaration_id = ?",
                        Integer.class,
                        id))
                .isEqualTo(1);
    }

    @Test
    void theRecognitionFormIsAPdfWithTheApplicantTheTitleTheHistoryAndPageNumbers() throws Exception {
        PortalUser person = fixtures.person("林认定");
        long draft = fixtures.completeDraft(person, declaringUnitId);
        assertThatThrownBy(() -> forms.render(draft, person))
                .isInstanceOfSatisfying(
                        DeclarationException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("declaration.error.form-not-available"));
        declarations.submit(draft, person);
        reviews.approve(draft, declaringUnit, "材料齐全，同意上报");

        RecognitionForm form = forms.render(draft, person);

        assertThat(form.fileName()).isEqualTo("recognition-form-" + draft + ".pdf");
        StringBuilder text = new StringBuilder();
        try (PdfDocument pdf = new PdfDocument(new PdfReader(new ByteArrayInputStream(form.pdf())))) {
            assertThat(pdf.getFirstPage().getPageSize().getWidth()).isBetween(594f, 596f);
            for (int i = 1; i <= pdf.getNumberOfPages(); i++) {
                text.append(PdfTextExtractor.getTextFromPage(pdf.getPage(i)));
            }
            int pages = pdf.getNumberOfPages();
            assertThat(text.toString()).contains("第 1 页 共 " + pages + " 页");
        }
        assertThat(text.toString())
                .contains(
                        "全日制职称认定表",
                        "林认定",
                        "助理工程师",
                        "机械工程",
                        "山东大学",
                        "全日制大学本科毕业见习期满一年",
                        declaringUnit.displayName(),
                        "材料齐全，同意上报",
                        "审核通过");
        assertThat(forms.render(draft, declaringUnit).pdf()).isNotEmpty();
    }

    @Test
    void everyTransitionIsPublishedAndFinalApprovalTellsTheCertificateLibrary() {
        PortalUser person = fixtures.person("蒋事件");
        long id = fixtures.completeDraft(person, declaringUnitId);

        declarations.submit(id, person);
        reviews.finalApprove(id, declaringUnit, "同意认定");

        assertThat(events.stream(DeclarationStateChanged.class).filter(e -> e.declarationId() == id))
                .extracting(
                        DeclarationStateChanged::action,
                        DeclarationStateChanged::to,
                        DeclarationStateChanged::currentUnitId)
                .containsExactly(
                        tuple(DeclarationAction.SUBMIT, DeclarationState.SUBMITTED, declaringUnitId),
                        tuple(DeclarationAction.FINAL_APPROVE, DeclarationState.FINAL_APPROVED, declaringUnitId));
        assertThat(events.stream(DeclarationFinallyApproved.class).filter(e -> e.declarationId() == id))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.applicantAccountId()).isEqualTo(person.accountId());
                    assertThat(e.titleId()).isEqualTo(DeclarationFixtures.TITLE_ASSISTANT_ENGINEER);
                    assertThat(e.seriesCode()).isEqualTo("GONGCHENG");
                    assertThat(e.approvingUnitId()).isEqualTo(declaringUnitId);
                });
    }

    @Test
    void twoSimultaneousSubmitsOfOneDeclarationLetExactlyOneWin() throws Exception {
        PortalUser person = fixtures.person("何同时");
        long id = fixtures.completeDraft(person, declaringUnitId);

        List<String> results = race(() -> declarations.submit(id, person), () -> declarations.submit(id, person));

        assertThat(results).containsOnlyOnce("ok");
        assertThat(results)
                .filteredOn(r -> !r.equals("ok"))
                .allMatch(
                        r -> r.equals("declaration.error.conflict") || r.equals("declaration.error.transition.submit"));
        assertThat(count("select count(*) from declaration_history where declaration_id = ?", id))
                .isEqualTo(1);
    }

    @Test
    void twoDeclarationsOfTheSameYearAndLevelSubmittedAtOnceLeaveOneOpen() throws Exception {
        PortalUser person = fixtures.person("曹并发");
        long first = fixtures.completeDraft(person, declaringUnitId);
        long second = fixtures.completeDraft(person, declaringUnitId);

        List<String> results =
                race(() -> declarations.submit(first, person), () -> declarations.submit(second, person));

        assertThat(results).containsOnlyOnce("ok").contains("declaration.rule.one-open");
        assertThat(count(
                        "select count(*) from declaration where applicant_account_id = ? and open_marker = TRUE",
                        person.accountId()))
                .isEqualTo(1);
    }

    private static List<String> race(Runnable... actions) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(actions.length);
        List<Future<String>> outcomes = new ArrayList<>();
        for (Runnable action : actions) {
            Callable<String> call = () -> {
                start.await();
                try {
                    action.run();
                    return "ok";
                } catch (DeclarationException e) {
                    return e.messageKey();
                }
            };
            outcomes.add(pool.submit(call));
        }
        start.countDown();
        List<String> results = new ArrayList<>();
        for (Future<String> outcome : outcomes) {
            results.add(outcome.get());
        }
        pool.shutdown();
        return results;
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }

    private long version(long id) {
        return jdbc.queryForObject("select version from declaration where id = ?", Long.class, id);
    }

    private int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }
}

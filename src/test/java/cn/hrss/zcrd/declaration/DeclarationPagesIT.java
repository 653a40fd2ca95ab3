package cn.hrss.zcrd.declaration;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.zcrd.account.PortalUser;
import cn.hrss.zcrd.shared.BusinessTime;
import cn.hrss.zcrd.support.Faces;
import cn.hrss.zcrd.support.IntegrationTest;
import cn.hrss.zcrd.support.TestPhotos;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bad input on the declaration pages, sent as the pages send it: each refusal comes back as the Chinese message on
 * the page (not an error page) and nothing is stored — a missing required field, a missing work unit, an EXE named
 * {@code .pdf}, a 6 MB file, an ID photo that is no photo, too large or of the wrong size, a second open declaration of the same year and level, a declaration method whose
 * years-of-work rule is not met.
 */
@IntegrationTest
class DeclarationPagesIT extends DeclarationServicesBase {

    private static final Pattern FILE_INPUT = Pattern.compile("<input[^>]*type=\"file\"[^>]*>");

    PortalUser declaringUnit;
    PortalUser workUnit;

    @BeforeEach
    void setUp() {
        declaringUnit = fixtures.unit(DeclarationFixtures.unitName("页面申报"));
        workUnit = fixtures.unit(DeclarationFixtures.unitName("页面工作"));
    }

    @Test
    void aCompleteBasicFormIsSavedAsADraftThroughThePage() throws Exception {
        PortalUser person = fixtures.person("卫完整");
        PortalClient client = loggedIn(person);

        HttpResponse<String> saved = saveNewForm(client, Map.of());

        assertThat(saved.uri().getPath()).endsWith("/rsrc/person/declarations.xhtml");
        assertThat(saved.body()).contains("申报信息已保存为草稿", "助理工程师", "草稿");
        assertThat(declarations.mine(person)).singleElement().satisfies(d -> {
            DeclarationDetails details = declarations.details(d.id(), person);
            assertThat(details.declaringUnitName()).isEqualTo(declaringUnit.displayName());
            assertThat(details.specialtyName()).isEqualTo("机械工程");
            assertThat(details.basic().graduationSchool()).isEqualTo("山东大学");
        });
    }

    @Test
    void aMissingRequiredFieldIsAnsweredAtTheFieldAndNothingIsStored() throws Exception {
        PortalUser person = fixtures.person("蒋缺项");
        PortalClient client = loggedIn(person);

        HttpResponse<String> response = saveNewForm(client, Map.of("basic:graduationSchool", ""));

        assertThat(response.uri().getPath()).endsWith("/rsrc/person/declaration-new.xhtml");
        assertThat(messageFor(response.body(), "graduationSchool")).isEqualTo("此项为必填项。");
        assertThat(declarationsOf(person)).isZero();
    }

    @Test
    void aMissingWorkUnitWhenTheDeclaringUnitIsNotTheWorkUnitIsRefused() throws Exception {
        PortalUser person = fixtures.person("沈无单位");
        PortalClient client = loggedIn(person);

        HttpResponse<String> response = saveNewForm(client, Map.of("basic:declaringUnitIsWorkUnit", "false"));

        assertThat(messageFor(response.body(), "workUnitId")).isEqualTo("申报单位不是工作单位时，请选择工作单位。");
        assertThat(declarationsOf(person)).isZero();

        // with the work unit chosen in the dialog it is taken
        chooseUnit(client, "basic:workUnitPick", workUnit.displayName());
        HttpResponse<String> saved = saveNewForm(client, Map.of("basic:declaringUnitIsWorkUnit", "false"), false);
        assertThat(saved.uri().getPath()).endsWith("/rsrc/person/declarations.xhtml");
        assertThat(declarations
                        .details(declarations.mine(person).get(0).id(), person)
                        .workUnitName())
                .isEqualTo(workUnit.displayName());
    }

    @Test
    void anExecutableRenamedToPdfIsRefusedByItsContent() throws Exception {
        byte[] exe = new byte[30_000];
        ThreadLocalRandom.current().nextBytes(exe);
        exe[0] = 'M';
        exe[1] = 'Z';

        assertUploadRefused(fixtures.person("韩改名"), "毕业证书.pdf", exe, "附件只能是PDF、JPG或PNG文件（按文件内容检查，与文件名无关）。");
    }

    @Test
    void aSixMegabyteFileReachesTheCheckAndIsRefusedWithTheLimit() throws Exception {
        byte[] big = new byte[6 * 1024 * 1024];
        byte[] start = DeclarationFixtures.pdf("big scan");
        System.arraycopy(start, 0, big, 0, start.length);

        assertUploadRefused(fixtures.person("杨超大"), "学位证书.pdf", big, "附件不能超过5 MB。");
    }

    /**
     * The file uploaded as a PDF into a new draft of the person is refused at the field with the message (the page
     * answers, no error page) and nothing is stored.
     */
    private void assertUploadRefused(PortalUser person, String fileName, byte[] content, String message)
            throws Exception {
        long id = fixtures.draft(person, fixtures.unitId(declaringUnit));
        long version = version(id);

        HttpResponse<String> response = upload(loggedIn(person), id, fileName, "application/pdf", content);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(messageFor(response.body(), "attachments:file")).isEqualTo(message);
        assertNothingAttached(id, version);
    }

    @Test
    void anIdPhotoIsCheckedByContentSizeAndShapeWithTheReasonAtTheField() throws Exception {
        PortalUser person = fixtures.person("孔照片");
        long id = fixtures.draft(person, fixtures.unitId(declaringUnit));
        long version = version(id);
        PortalClient client = loggedIn(person);

        // a PDF named .jpg is no photo
        HttpResponse<String> pdf =
                upload(client, id, "photo", Map.of(), "照片.jpg", "image/jpeg", DeclarationFixtures.pdf("not a photo"));
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(messageFor(pdf.body(), "photo:file")).isEqualTo("证件照只能是JPG或PNG图片（按文件内容检查，与文件名无关）。");

        // above 500 KB (a 6 MB file is read no further than that)
        byte[] big = new byte[6 * 1024 * 1024];
        byte[] jpeg = TestPhotos.oneInch();
        System.arraycopy(jpeg, 0, big, 0, jpeg.length);
        HttpResponse<String> tooLarge = upload(client, id, "photo", Map.of(), "照片.jpg", "image/jpeg", big);
        assertThat(messageFor(tooLarge.body(), "photo:file")).isEqualTo("证件照不能超过500 KB，请压缩或裁剪后再上传。");

        // a thumbnail, and a landscape picture
        HttpResponse<String> small =
                upload(client, id, "photo", Map.of(), "照片.jpg", "image/jpeg", TestPhotos.jpeg(120, 160));
        assertThat(messageFor(small.body(), "photo:file"))
                .isEqualTo("证件照的像素尺寸应在宽260–720、高350–1000之间（所选图片为120×160），例如一寸照295×413。");
        HttpResponse<String> landscape =
                upload(client, id, "photo", Map.of(), "照片.png", "image/png", TestPhotos.png(600, 400));
        assertThat(messageFor(landscape.body(), "photo:file")).isEqualTo("证件照应为竖版，高宽比约4:3（所选图片为600×400），例如一寸照295×413。");
        assertNothingAttached(id, version);
        assertThat(declarations.submissionProblems(id, person))
                .extracting(p -> p.refusal().messageKey())
                .contains("declaration.rule.photo-missing");

        // a one-inch photo is taken and shown; a second one replaces it
        HttpResponse<String> taken =
                upload(client, id, "photo", Map.of(), "一寸照.jpg", "image/jpeg", TestPhotos.oneInch());
        assertThat(taken.body()).contains("证件照已上传。", "id=\"photo-image\"");
        upload(client, id, "photo", Map.of(), "二寸照.png", "image/png", TestPhotos.png(413, 579));
        assertThat(declarations.details(id, person).attachments())
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.kind()).isEqualTo(AttachmentKind.PHOTO);
                    assertThat(a.originalName()).isEqualTo("二寸照.png");
                    assertThat(a.contentType()).isEqualTo("image/png");
                });
        assertThat(declarations.submissionProblems(id, person))
                .extracting(p -> p.refusal().messageKey())
                .doesNotContain("declaration.rule.photo-missing");
    }

    @Test
    void aValidPdfIsUploadedAndListed() throws Exception {
        PortalUser person = fixtures.person("朱上传");
        long id = fixtures.draft(person, fixtures.unitId(declaringUnit));

        HttpResponse<String> response = upload(
                loggedIn(person), id, "毕业证书扫描件.pdf", "application/octet-stream", DeclarationFixtures.pdf("diploma"));

        assertThat(response.body()).contains("附件已上传。", "毕业证书扫描件.pdf");
        assertThat(declarations.details(id, person).attachments())
                .singleElement()
                .satisfies(a -> assertThat(a.contentType()).isEqualTo("application/pdf"));
    }

    @Test
    void aSecondOpenDeclarationOfTheSameYearAndLevelIsRefusedOnTheList() throws Exception {
        PortalUser person = fixtures.person("秦两份");
        long unitId = fixtures.unitId(declaringUnit);
        fixtures.submitted(person, unitId);
        long second = fixtures.completeDraft(person, unitId);
        PortalClient client = loggedIn(person);
        client.open("/rsrc/person/declarations.xhtml");

        HttpResponse<String> response = client.submit(
                "list", rowAction(client.page(), second, "submit"), Map.of("declarationId", String.valueOf(second)));

        assertThat(response.body())
                .contains(
                        LocalDate.now(BusinessTime.DEFAULT_ZONE).getYear() + "年度已有一份助理级的申报正在办理中，同一年度同一级别只能有一份进行中的申报。");
        assertThat(declarations.details(second, person).state()).isEqualTo(DeclarationState.DRAFT);
    }

    @Test
    void theYearsOfWorkRuleIsNamedWithItsDatesOnTheDetailsPage() throws Exception {
        PortalUser person = fixtures.person("尤新人");
        LocalDate graduation = LocalDate.now(BusinessTime.DEFAULT_ZONE).minusMonths(5);
        long id = declarations.createDraft(person, fixtures.basic(fixtures.unitId(declaringUnit), graduation));
        fixtures.completeModules(id, person);
        LocalDate start = graduation.plusDays(10);
        PortalClient client = loggedIn(person);
        HttpResponse<String> page = client.open("/rsrc/person/declaration.xhtml?id=" + id);
        String rule = "申报方式“全日制大学本科毕业见习期满一年”要求毕业后从事专业技术工作满1年：自" + start + "起算，" + start.plusYears(1) + "起方可申报（今天是"
                + LocalDate.now(BusinessTime.DEFAULT_ZONE) + "）。";
        assertThat(page.body()).contains(rule); // listed before 确定申报 is pressed

        HttpResponse<String> response = client.submit("actions", "actions:submit", Map.of());

        assertThat(response.body()).contains(rule).doesNotContain("已确定申报");
        assertThat(declarations.details(id, person).state()).isEqualTo(DeclarationState.DRAFT);
        assertThat(jdbc.queryForObject(
                        "select count(*) from declaration_history where declaration_id = ?", Integer.class, id))
                .isZero();
    }

    // ----------------------------------------------------------------------------------------------- helpers

    /** 新增申报信息 filled in (cascade by ajax, declaring unit from the dialog), with overrides, then 保存. */
    private HttpResponse<String> saveNewForm(PortalClient client, Map<String, String> overrides) throws Exception {
        return saveNewForm(client, overrides, true);
    }

    private HttpResponse<String> saveNewForm(PortalClient client, Map<String, String> overrides, boolean fresh)
            throws Exception {
        if (fresh) {
            client.open("/rsrc/person/declaration-new.xhtml");
            chooseUnit(client, "basic:declaringUnitPick", declaringUnit.displayName());
        }
        change(client, "basic:levelCode", DeclarationFixtures.LEVEL);
        change(client, "basic:titleId", String.valueOf(DeclarationFixtures.TITLE_ASSISTANT_ENGINEER));
        Map<String, String> fields = completeBasicForm(fixtures.twoYearsAgo());
        fields.putAll(overrides);
        if ("false".equals(fields.get("basic:declaringUnitIsWorkUnit"))) {
            client.ajax(
                    "basic",
                    "basic:declaringUnitIsWorkUnit",
                    "basic:declaringUnitIsWorkUnit",
                    Map.of("basic:declaringUnitIsWorkUnit", "false", "jakarta.faces.behavior.event", "valueChange"));
        }
        return client.submit("basic", "basic:save", fields);
    }

    /** The fields of a complete 基本信息 form (助理工程师, 机械工程, the declaring unit is the work unit). */
    static Map<String, String> completeBasicForm(LocalDate graduation) {
        Map<String, String> fields = new HashMap<>();
        fields.put(
                "basic:declarationYear",
                String.valueOf(LocalDate.now(BusinessTime.DEFAULT_ZONE).getYear()));
        fields.put("basic:levelCode", DeclarationFixtures.LEVEL);
        fields.put("basic:titleId", String.valueOf(DeclarationFixtures.TITLE_ASSISTANT_ENGINEER));
        fields.put("basic:specialtyId", String.valueOf(DeclarationFixtures.SPECIALTY_MECHANICAL));
        fields.put("basic:declarationMethodId", String.valueOf(DeclarationFixtures.METHOD_BACHELOR_ONE_YEAR));
        fields.put("basic:declaringUnitIsWorkUnit", "true");
        fields.put("basic:workStartDate", graduation.plusDays(10).toString());
        fields.put("basic:professionalWorkStartDate", graduation.plusDays(10).toString());
        fields.put("basic:graduationSchool", "山东大学");
        fields.put("basic:graduationDate", graduation.toString());
        fields.put("basic:education", "BACHELOR");
        fields.put("basic:majorStudied", "机械设计制造及其自动化");
        fields.put("basic:currentPosition", "");
        return fields;
    }

    /** The unit dialog: open it from the field's button, search the whole name, choose the one row, 确定. */
    static void chooseUnit(PortalClient client, String pickButton, String unitName) throws Exception {
        client.ajax("basic", pickButton, pickButton, Map.of());
        HttpResponse<String> found = client.ajax(
                "basic", "basic:unitFind", "basic:unitFind basic:unitSearch", Map.of("basic:unitSearch", unitName));
        assertThat(found.body()).contains(unitName);
        client.ajax("basic", "basic:unitRows:0:pick", "basic:unitRows:0:pick", Map.of());
        client.ajax("basic", "basic:unitConfirm", "basic:unitConfirm", Map.of());
    }

    /** A choice in one of the form's cascading lists (an ajax request, as the page's change handler sends). */
    static HttpResponse<String> change(PortalClient client, String select, String value) throws Exception {
        return client.ajax(
                "basic",
                select,
                select,
                Map.of(
                        select,
                        value,
                        "jakarta.faces.behavior.event",
                        "valueChange",
                        "jakarta.faces.partial.event",
                        "change"));
    }

    private HttpResponse<String> upload(PortalClient client, long id, String name, String type, byte[] content)
            throws Exception {
        return upload(client, id, "attachments", Map.of("attachments:kind", "DIPLOMA"), name, type, content);
    }

    /** Posts a file through the file input of the form (附件材料 {@code attachments}, 证件照 {@code photo}). */
    private HttpResponse<String> upload(
            PortalClient client,
            long id,
            String form,
            Map<String, String> fields,
            String name,
            String type,
            byte[] content)
            throws Exception {
        client.open("/rsrc/person/declaration.xhtml?id=" + id);
        Matcher input = FILE_INPUT.matcher(client.page());
        String fileField = null;
        while (fileField == null && input.find()) {
            Matcher fileName = Pattern.compile("name=\"(" + form + ":[^\"]+)\"").matcher(input.group());
            fileField = fileName.find() ? fileName.group(1) : null;
        }
        assertThat(fileField).as("a file input in form " + form).isNotNull();
        return client.upload(form, form + ":uploadButton", fields, fileField, name, type, content);
    }

    /**
     * The text of the message shown for a field (PrimeFaces renders it after the input, in the same field row): the
     * field in any form, or {@code form:field} in that form.
     */
    static String messageFor(String html, String field) {
        String id = field.contains(":") ? Pattern.quote(field) : "[a-z]+:" + Pattern.quote(field);
        Matcher m = Pattern.compile(
                        "id=\"" + id
                                + "(?:_input)?\".*?<(?:div|span)[^>]*class=\"[^\"]*ui-message[^\"]*\"[^>]*>(.*?)</(?:div|span)>",
                        Pattern.DOTALL)
                .matcher(html);
        if (!m.find()) {
            throw new AssertionError("no message for " + field + " in:\n" + html);
        }
        return m.group(1).replaceAll("<[^>]+>", "").strip();
    }

    /** The name of a row's action link (确定申报, 撤回) on 我的申报信息. */
    static String rowAction(String listPage, long declarationId, String action) {
        Matcher row = Pattern.compile("<tr id=\"declaration-" + declarationId + "\">(.*?)</tr>", Pattern.DOTALL)
                .matcher(listPage);
        assertThat(row.find()).as("row of declaration " + declarationId).isTrue();
        Matcher link = Pattern.compile("id=\"(list:rows:\\d+:" + action + ")\"").matcher(row.group(1));
        assertThat(link.find())
                .as(action + " link of declaration " + declarationId)
                .isTrue();
        return link.group(1);
    }

    private PortalClient loggedIn(PortalUser person) throws Exception {
        return new PortalClient(Faces.publicBase(ports)).loginPerson(person.loginName(), "Secret123");
    }

    private void assertNothingAttached(long id, long version) {
        assertThat(jdbc.queryForObject(
                        "select count(*) from declaration_attachment where declaration_id = ?", Integer.class, id))
                .isZero();
        assertThat(version(id)).isEqualTo(version);
    }

    private int declarationsOf(PortalUser person) {
        return jdbc.queryForObject(
                "select count(*) from declaration where applicant_account_id = ?", Integer.class, person.accountId());
    }

    private long version(long id) {
        return jdbc.queryForObject("select version from declaration where id = ?", Long.class, id);
    }
}

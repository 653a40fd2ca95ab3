package cn.hrss.zcrd.review;

import static cn.hrss.zcrd.review.ReviewFixtures.signedIn;
import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.zcrd.account.ApplicantDetails;
import cn.hrss.zcrd.account.Applicants;
import cn.hrss.zcrd.account.PortalUser;
import cn.hrss.zcrd.declaration.AttachmentKind;
import cn.hrss.zcrd.declaration.DeclarationDetails;
import cn.hrss.zcrd.declaration.DeclarationState;
import cn.hrss.zcrd.shared.BusinessTime;
import cn.hrss.zcrd.shared.FileSizes;
import cn.hrss.zcrd.shared.Sex;
import cn.hrss.zcrd.support.BrowserlessSession;
import cn.hrss.zcrd.support.Faces;
import cn.hrss.zcrd.support.IntegrationTest;
import cn.hrss.zcrd.unit.Unit;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The unit's lists and review page as the seed shows them (issue 17 item 4), read over HTTP as the unit's browser
 * gets them: 申报年度 as filter and column of 职称认定审核, 职称认定上报 and 我的申报信息; the applicant's personal data
 * and the 认定表 on the review page (downloaded by the units of the review chain only); 全选查询结果 in 数据上报
 * reports every matching declaration, not only the page; attachment sizes in KB on both faces; a success message
 * once.
 */
@IntegrationTest
class ReviewListsIT extends ReviewServicesBase {

    static final String QUEUE = "/rsrc/unit/review/queue.xhtml";
    static final String REPORT = "/rsrc/unit/review/report.xhtml";
    static final String REVIEW = "/rsrc/unit/review/declaration.xhtml?id=";
    static final Pattern ROW = Pattern.compile("<tr[^>]*data-ri=\"\\d+\"[^>]*>(.*?)</tr>", Pattern.DOTALL);

    @Autowired
    Applicants applicants;

    @Autowired
    BusinessTime time;

    @Test
    void theYearFilterNarrowsTheQueueTheReportListAndThePersonsListAndEachShowsTheYear() throws Exception {
        int thisYear = time.today().getYear();
        int lastYear = thisYear - 1;
        Unit unit = fixtures.unit("年度筛选单位");
        PortalUser person = fixtures.person("年度两份");
        long old = fixtures.submitted(person, unit, lastYear);
        long current = fixtures.submitted(fixtures.person("年度今年"), unit, thisYear);
        BrowserlessSession session = session(unit);

        List<String> all = rows(session.get(QUEUE).body());
        assertThat(all).anySatisfy(r -> assertThat(r).contains("年度两份").contains(">" + lastYear + "<"));
        assertThat(all).anySatisfy(r -> assertThat(r).contains("年度今年").contains(">" + thisYear + "<"));
        List<String> lastYears =
                rows(session.submit(QUEUE, QUEUE, Map.of("queue:year", String.valueOf(lastYear), "queue:search", ""))
                        .body());
        assertThat(lastYears).singleElement().satisfies(r -> assertThat(r).contains("年度两份"));

        // 职称认定上报: both approved, the filter keeps last year's
        decisions.approve(old, signedIn(unit), null);
        decisions.approve(current, signedIn(unit), null);
        assertThat(rows(session.submit(
                                REPORT, REPORT, Map.of("report:year", String.valueOf(thisYear), "report:search", ""))
                        .body()))
                .singleElement()
                .satisfies(r -> assertThat(r).contains("年度今年").contains(">" + thisYear + "<"));

        // 我的申报信息: a second declaration of this year; the filter shows one of the two
        fixtures.submitted(person, unit, thisYear);
        BrowserlessSession own = new BrowserlessSession(base());
        own.portalLogin("person", person.loginName(), "Secret123");
        String list = own.get("/rsrc/person/declarations.xhtml").body();
        assertThat(yearCells(list)).containsExactlyInAnyOrder(String.valueOf(lastYear), String.valueOf(thisYear));
        String filtered = own.submit(
                        "/rsrc/person/declarations.xhtml",
                        "/rsrc/person/declarations.xhtml",
                        Map.of("list:year", String.valueOf(lastYear), "list:search", ""))
                .body();
        assertThat(yearCells(filtered)).containsExactly(String.valueOf(lastYear));
    }

    @Test
    void theReviewPageShowsThePersonalDataAndTheRecognitionFormOnlyForTheChainsUnits() throws Exception {
        Unit employer = fixtures.unit("认定表申报单位");
        Unit superior = fixtures.unit("认定表主管部门");
        Unit stranger = fixtures.unit("认定表无关单位");
        fixtures.effectivePath(employer, superior);
        PortalUser person = fixtures.person("钱认定");
        long id = fixtures.submitted(person, employer);
        ApplicantDetails registered = applicants.ofAccount(person.accountId());

        String page = session(employer).get(REVIEW + id).body();
        assertThat(cell(page, "detail-sex")).isEqualTo(registered.sex() == Sex.MALE ? "男" : "女");
        assertThat(cell(page, "detail-birth-date")).isEqualTo(time.date(registered.birthDate()));
        assertThat(cell(page, "detail-mobile")).isEqualTo(registered.mobile());
        assertThat(cell(page, "detail-year"))
                .isEqualTo(String.valueOf(time.today().getYear()));
        String form = "/rsrc/declaration-files/" + id + "/recognition-form.pdf";
        assertThat(page).contains("href=\"" + form + "\"").contains("认定表预览");

        // the units of the chain download it (the declaring unit, and the superior once it was reported up) …
        assertPdf(session(employer).getBytes(form));
        decisions.approve(id, signedIn(employer), null);
        decisions.report(List.of(id), signedIn(employer), null);
        assertPdf(session(superior).getBytes(form));
        assertPdf(session(employer).getBytes(form));
        // … another unit does not, by the link or by the page
        HttpResponse<byte[]> refused = session(stranger).getBytes(form);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(new String(refused.body(), StandardCharsets.UTF_8)).doesNotContain("%PDF");
        assertThat(session(stranger).get(REVIEW + id).statusCode()).isEqualTo(403);
    }

    @Test
    void selectAllOverTheWholeQueryReportsEveryMatchingDeclarationNotOnlyThePage() throws Exception {
        int thisYear = time.today().getYear();
        Unit unit = fixtures.unit("全选上报单位");
        Unit superior = fixtures.unit("全选上报主管");
        fixtures.effectivePath(unit, superior);
        List<Long> matching = new ArrayList<>();
        for (int i = 0; i < 12; i++) { // more than the page of 10
            long id = fixtures.submitted(fixtures.person("全选" + (char) ('甲' + i)), unit, thisYear);
            decisions.approve(id, signedIn(unit), null);
            matching.add(id);
        }
        long otherYear = fixtures.submitted(fixtures.person("全选去年"), unit, thisYear - 1);
        decisions.approve(otherYear, signedIn(unit), null);
        BrowserlessSession session = session(unit);

        String found = session.submit(
                        REPORT, REPORT, Map.of("report:year", String.valueOf(thisYear), "report:search", ""))
                .body();
        assertThat(rows(found)).hasSize(10);
        assertThat(found).contains("全选查询结果（共 12 条，不限于本页）");

        String reported = session.submitOn(
                        found,
                        REPORT,
                        Map.of(
                                "report:year",
                                String.valueOf(thisYear),
                                "report:allMatching",
                                "on",
                                "report:submit",
                                ""))
                .body();
        assertThat(reported).contains("已上报 12 份");
        assertThat(occurrences(reported, "已上报 12 份")).isOne();
        for (long id : matching) {
            DeclarationDetails d = declarations.details(id, signedIn(superior));
            assertThat(d.state()).isEqualTo(DeclarationState.REPORTED);
        }
        assertThat(declarations.details(otherYear, signedIn(unit)).state()).isEqualTo(DeclarationState.UNIT_APPROVED);
        assertThat(rows(session.get(REPORT).body()))
                .singleElement()
                .satisfies(r -> assertThat(r).contains("全选去年"));
    }

    @Test
    void attachmentSizesReadInKilobytesOnTheUnitsAndTheApplicantsPages() throws Exception {
        Unit unit = fixtures.unit("大小显示单位");
        PortalUser person = fixtures.person("孙大小");
        long id = fixtures.submitted(person, unit);
        // the 证件照 is shown as a picture, not in the attachments table: the size of a listed file
        long bytes = declarations.details(id, person).attachments().stream()
                .filter(a -> a.kind() != AttachmentKind.PHOTO)
                .findFirst()
                .orElseThrow()
                .sizeBytes();
        String size = FileSizes.of(bytes);
        assertThat(size).endsWith(" KB");

        String review = session(unit).get(REVIEW + id).body();
        assertThat(review).contains("<td class=\"review-attachment-size\">" + size + "</td>");
        assertThat(review).doesNotContain("<td>" + bytes + "</td>");

        BrowserlessSession own = new BrowserlessSession(base());
        own.portalLogin("person", person.loginName(), "Secret123");
        String mine = own.get("/rsrc/person/declaration.xhtml?id=" + id).body();
        assertThat(mine).contains(">" + size + "<").doesNotContain(">" + bytes + "<");
    }

    @Test
    void aDecisionsSuccessMessageAppearsOnce() throws Exception {
        Unit unit = fixtures.unit("消息一次单位");
        long id = fixtures.submitted(fixtures.person("李一次"), unit);
        BrowserlessSession session = session(unit);

        String approved = session.submit(REVIEW + id, REVIEW + id, Map.of("review", "review", "review:approve", ""))
                .body();
        assertThat(occurrences(approved, "审核通过。如需上报")).isOne();
    }

    private static void assertPdf(HttpResponse<byte[]> answer) {
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(new String(answer.body(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    }

    /** The data rows of the page's PrimeFaces table. */
    static List<String> rows(String page) {
        List<String> rows = new ArrayList<>();
        Matcher m = ROW.matcher(page);
        while (m.find()) {
            rows.add(m.group(1));
        }
        return rows;
    }

    private static List<String> yearCells(String page) {
        List<String> years = new ArrayList<>();
        Matcher m =
                Pattern.compile("<td class=\"declaration-year\">(\\d+)</td>").matcher(page);
        while (m.find()) {
            years.add(m.group(1));
        }
        return years;
    }

    private static String cell(String page, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\">([^<]*)<").matcher(page);
        assertThat(m.find()).as(id).isTrue();
        return m.group(1).strip();
    }

    static int occurrences(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    private BrowserlessSession session(Unit unit) throws Exception {
        return ReviewFixtures.unitSession(ports, unit);
    }

    private String base() {
        return Faces.publicBase(ports);
    }
}

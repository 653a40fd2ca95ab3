package cn.hrss.zcrd.shared;

import static cn.hrss.zcrd.certificate.CertificatePageFixtures.as;
import static cn.hrss.zcrd.review.ReviewFixtures.signedIn;
import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.zcrd.account.BackOfficeRole;
import cn.hrss.zcrd.account.PortalUser;
import cn.hrss.zcrd.audit.AuditQuery;
import cn.hrss.zcrd.audit.AuditRecord;
import cn.hrss.zcrd.audit.AuditTrail;
import cn.hrss.zcrd.certificate.CertificateLibrary;
import cn.hrss.zcrd.certificate.CertificatePageFixtures;
import cn.hrss.zcrd.certificate.CertificateQuery;
import cn.hrss.zcrd.certificate.LibraryEntry;
import cn.hrss.zcrd.certificate.LibraryQuery;
import cn.hrss.zcrd.certificate.TitleCertificate;
import cn.hrss.zcrd.certificate.TitleCertificates;
import cn.hrss.zcrd.declaration.DeclarationQueue;
import cn.hrss.zcrd.declaration.QueueItem;
import cn.hrss.zcrd.declaration.QueueQuery;
import cn.hrss.zcrd.declaration.QueueSort;
import cn.hrss.zcrd.declaration.QueueStatus;
import cn.hrss.zcrd.review.ReviewDecisions;
import cn.hrss.zcrd.review.ReviewFixtures;
import cn.hrss.zcrd.support.BackOfficeStaff;
import cn.hrss.zcrd.support.BrowserlessSession;
import cn.hrss.zcrd.support.Faces;
import cn.hrss.zcrd.support.IntegrationTest;
import cn.hrss.zcrd.support.RegionalStaff;
import cn.hrss.zcrd.support.SignsOut;
import cn.hrss.zcrd.unit.IssuingAuthorities;
import cn.hrss.zcrd.unit.IssuingAuthorityInfo;
import cn.hrss.zcrd.unit.Unit;
import cn.hrss.zcrd.web.ConnectorPorts;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * 导出Excel as a user clicks it (the list page's form posted with the export button): the file opens with Apache POI,
 * has the list's Chinese headers in a bold frozen row, exactly the list's rows for the filter (compared with the
 * list's own service query), ID numbers as text; another unit, a city admin of another region and a role without
 * the list get none of the rows; a back-office export is audited with its list, filter and row count.
 */
@IntegrationTest
@ExtendWith(SignsOut.class)
class XlsxExportIT {

    static final String QUEUE = "/rsrc/unit/review/queue.xhtml";
    static final String LIBRARY = "/sdmanager/certificates/library.xhtml";
    static final String AUDIT = "/sdmanager/audit.xhtml";
    static final String REPORT = "/rsrc/unit/review/report.xhtml";
    static final String MANAGE = "/sdmanager/certificates/manage.xhtml";
    static final String AUTHORITY = "/sdmanager/authority/review.xhtml";
    static final String SEALS = "/sdmanager/seal/electronic.xhtml";

    @Autowired
    BackOfficeStaff staff;

    @Autowired
    ConnectorPorts ports;

    @Autowired
    ReviewFixtures reviews;

    @Autowired
    CertificatePageFixtures certificatesPages;

    @Autowired
    DeclarationQueue queue;

    @Autowired
    CertificateLibrary library;

    @Autowired
    AuditTrail trail;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ReviewDecisions decisions;

    @Autowired
    IssuingAuthorities authorities;

    @Autowired
    TitleCertificates certificates;

    @Test
    void theReviewQueueExportsTheUnitsRowsForTheFilterAndNoOneElses() throws Exception {
        Unit employer = reviews.unit("导出审核单位");
        Unit other = reviews.unit("导出无关单位");
        reviews.submitted(reviews.person("欧阳导出"), employer);
        reviews.submitted(reviews.person("欧阳第二"), employer);
        reviews.submitted(reviews.person("司马不选"), employer);
        reviews.submitted(reviews.person("欧阳他单"), other);

        BrowserlessSession session = unitSession(employer);
        HttpResponse<byte[]> file = export(session, QUEUE, "queue", Map.of("queue:name", "欧阳"));

        assertThat(file.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith(XlsxExport.CONTENT_TYPE));
        assertThat(file.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(d -> assertThat(d)
                        .startsWith("attachment")
                        .contains("filename*=UTF-8''%E8%81%8C%E7%A7%B0%E8%AE%A4%E5%AE%9A%E5%AE%A1%E6%A0%B8_") // 职称认定审核_
                        .endsWith(".xlsx"));
        List<List<String>> rows = read(file.body(), 1);
        assertThat(rows.get(0))
                .containsExactly("姓名", "身份证号", "业务类型", "申报年度", "申报级别", "职称系列", "申报职称", "申报单位", "状态", "提交时间");
        List<QueueItem> listed = queue.page(
                signedIn(employer),
                new QueueQuery("欧阳", null, null, null, QueueStatus.PENDING, null, null, null, null),
                0,
                100,
                QueueSort.SUBMITTED_AT,
                true);
        assertThat(listed).hasSize(2);
        assertThat(rows.subList(1, rows.size()))
                .extracting(r -> r.get(0) + " " + r.get(1))
                .containsExactlyElementsOf(listed.stream()
                        .map(r -> r.applicantName() + " " + r.applicantIdNumber())
                        .toList());
        // the export's keyset pages, one row each, walk the list's order: every row once
        QueueQuery pending = QueueQuery.of(QueueStatus.PENDING);
        assertThat(XlsxExportIT.<QueueItem>walk(
                        (last, size) -> queue.pageAfter(signedIn(employer), pending, last, size)))
                .extracting(QueueItem::id)
                .containsExactlyElementsOf(
                        queue.page(signedIn(employer), pending, 0, 100, QueueSort.SUBMITTED_AT, true).stream()
                                .map(QueueItem::id)
                                .toList())
                .hasSize(3);

        // the other unit's export of the same filter holds its own declaration only
        List<List<String>> others = read(
                export(unitSession(other), QUEUE, "queue", Map.of("queue:name", "欧阳"))
                        .body(),
                1);
        assertThat(others).extracting(r -> r.get(0)).containsExactly("姓名", "欧阳他单");

        // a person has no review queue: the page and its export are refused
        PortalUser person = reviews.person("导出个人");
        BrowserlessSession personSession = new BrowserlessSession(Faces.publicBase(ports));
        personSession.portalLogin("person", person.loginName(), "Secret123");
        assertThat(personSession.get(QUEUE).statusCode()).isEqualTo(403);
    }

    @Test
    void theCertificateLibraryExportsTheOperatorsUnitOnlyAndIsAudited() throws Exception {
        Unit unit = certificatesPages.issuingUnit("导出证书库单位");
        CertificatePageFixtures.Operator operator = certificatesPages.operator(unit);
        CertificatePageFixtures.Approved first = certificatesPages.finallyApproved(unit, "诸葛入库");
        certificatesPages.finallyApproved(unit, "诸葛二号");
        certificatesPages.finallyApproved(unit, "端木不选");
        Unit stranger = certificatesPages.unitWithoutSeal("导出他证书库单位");
        CertificatePageFixtures.Operator strangerOperator = certificatesPages.operator(stranger);

        HttpResponse<byte[]> file = export(ukey(operator), LIBRARY, "library", Map.of("library:name", "诸葛"));
        List<List<String>> rows = read(file.body(), 1);
        assertThat(rows.get(0)).containsExactly("姓名", "身份证号", "级别", "系列", "资格名称", "专业", "申报年度", "终审时间", "状态");
        List<LibraryEntry> listed = as(
                operator.ukeyUser(),
                () -> library.find(new LibraryQuery("诸葛", null, null, null, null, null, null), 0, 100, null, false));
        assertThat(listed).hasSize(2);
        assertThat(rows.subList(1, rows.size()))
                .extracting(r -> r.get(0) + " " + r.get(1) + " " + r.get(8))
                .containsExactlyElementsOf(listed.stream()
                        .map(e -> e.holderName() + " " + e.idNumber() + " 待入库")
                        .toList());
        assertThat(rows.subList(1, rows.size())).extracting(r -> r.get(1)).contains(first.idNumber());
        assertThat(as(
                        operator.ukeyUser(),
                        () -> XlsxExportIT.<LibraryEntry>walk(
                                (last, size) -> library.findAfter(LibraryQuery.all(), last, size))))
                .extracting(LibraryEntry::id)
                .containsExactlyElementsOf(
                        as(operator.ukeyUser(), () -> library.find(LibraryQuery.all(), 0, 100, null, false)).stream()
                                .map(LibraryEntry::id)
                                .toList())
                .hasSize(3);

        assertThat(lastExportAudited(operator.username())).isEqualTo("list=职称认定; filter=name: 诸葛; rows=2");

        // the operator of another issuing unit: its own (empty) library, none of these people
        List<List<String>> others = read(
                export(ukey(strangerOperator), LIBRARY, "library", Map.of("library:name", "诸葛"))
                        .body(),
                1);
        assertThat(others).hasSize(1);

        // 职称认定证书管理 once one of them has a certificate: the number as text, the operator's unit only
        TitleCertificate issued = certificatesPages.issue(operator, first).get(0);
        List<List<String>> managed = read(
                export(ukey(operator), MANAGE, "certificates", Map.of("certificates:name", "诸葛"))
                        .body(),
                1);
        assertThat(managed.get(0)).containsExactly("证书编号", "姓名", "身份证号", "资格名称", "级别", "公布时间", "状态");
        List<TitleCertificate> listed2 = as(
                operator.ukeyUser(),
                () -> certificates.find(new CertificateQuery("诸葛", null, null, null, null, null), 0, 100, null, false));
        assertThat(managed.subList(1, managed.size()))
                .extracting(r -> r.get(0) + " " + r.get(1) + " " + r.get(2))
                .containsExactlyElementsOf(listed2.stream()
                        .map(c -> c.number() + " " + c.holderName() + " " + c.idNumber())
                        .toList())
                .containsExactly(issued.number() + " 诸葛入库 " + first.idNumber());
        assertThat(as(
                        operator.ukeyUser(),
                        () -> XlsxExportIT.<TitleCertificate>walk(
                                (last, size) -> certificates.findAfter(CertificateQuery.all(), last, size))))
                .extracting(TitleCertificate::number)
                .containsExactly(issued.number());
        assertThat(read(
                        export(ukey(strangerOperator), MANAGE, "certificates", Map.of("certificates:name", "诸葛"))
                                .body(),
                        1))
                .hasSize(1);
    }

    @Test
    void theReportListAndTheBureausListsExportTheirOwnScope() throws Exception {
        Unit employer = reviews.unit("导出上报单位");
        long approved = reviews.submitted(reviews.person("上官已审"), employer);
        reviews.submitted(reviews.person("上官未审"), employer);
        decisions.approve(approved, signedIn(employer), null);
        List<List<String>> report =
                read(export(unitSession(employer), REPORT, "report", Map.of()).body(), 1);
        List<QueueItem> listed = queue.page(
                signedIn(employer), QueueQuery.of(QueueStatus.APPROVED), 0, 100, QueueSort.SUBMITTED_AT, true);
        assertThat(report.subList(1, report.size()))
                .extracting(r -> r.get(0) + " " + r.get(1))
                .containsExactlyElementsOf(listed.stream()
                        .map(r -> r.applicantName() + " " + r.applicantIdNumber())
                        .toList())
                .singleElement()
                .satisfies(r -> assertThat(r).startsWith("上官已审 "));

        // 职称认定证书发放权限审核 and 电子印章: Jinan's reviewer sees the Jinan unit, Qingdao's does not
        Unit issuer = certificatesPages.issuingUnit("导出权限单位");
        RegionalStaff jinan = staff.regional(BackOfficeRole.BUREAU_REVIEWER, "370100", "导出济南审核员");
        RegionalStaff qingdao = staff.regional(BackOfficeRole.BUREAU_REVIEWER, "370200", "导出青岛审核员");
        List<List<String>> applications = read(
                export(jinan.session(ukeyBase()), AUTHORITY, "filter", Map.of()).body(), 1);
        assertThat(applications.get(0)).containsExactly("申请单位", "证书等级", "所属机构", "申请时间", "申请状态");
        jinan.signIn();
        List<IssuingAuthorityInfo> inScope = authorities.reviewQueue(null);
        SecurityContextHolder.clearContext();
        assertThat(applications.subList(1, applications.size()))
                .extracting(r -> r.get(0))
                .containsExactlyElementsOf(
                        inScope.stream().map(IssuingAuthorityInfo::unitName).toList())
                .contains(issuer.getName());
        assertThat(read(
                        export(qingdao.session(ukeyBase()), AUTHORITY, "filter", Map.of())
                                .body(),
                        1))
                .extracting(r -> r.get(0))
                .doesNotContain(issuer.getName());

        List<List<String>> seals =
                read(export(jinan.session(ukeyBase()), SEALS, "seals", Map.of()).body(), 1);
        assertThat(seals.subList(1, seals.size())).extracting(r -> r.get(0)).contains(issuer.getName());
        String qingdaoSeals = qingdao.session(ukeyBase()).get(SEALS).body();
        assertThat(qingdaoSeals).doesNotContain(issuer.getName());
    }

    @Test
    void theAuditExportIsTheAdminsScopeAndRefusedToOtherRoles() throws Exception {
        RegionalStaff province = staff.regional(BackOfficeRole.SYSTEM_ADMIN, "370000", "导出省管理员");
        RegionalStaff jinan = staff.regional(BackOfficeRole.SYSTEM_ADMIN, "370100", "导出济南管理员");
        RegionalStaff qingdaoReviewer = staff.regional(BackOfficeRole.BUREAU_REVIEWER, "370200", "导出青岛审核员");
        assertThat(qingdaoReviewer
                        .session(ukeyBase())
                        .get("/sdmanager/index.xhtml")
                        .statusCode())
                .isEqualTo(200);
        String reviewerName = qingdaoReviewer.account().getUsername();

        List<List<String>> whole = read(
                export(province.session(ukeyBase()), AUDIT, "audit", Map.of("audit:actor", reviewerName))
                        .body(),
                1);
        assertThat(whole.get(0)).containsExactly("时间", "操作人", "认证方式", "客户端地址", "操作", "操作对象", "结果", "详情");
        province.signIn();
        List<AuditRecord> listed =
                trail.search(AuditQuery.all().withActor(reviewerName), 0, 200).getContent();
        assertThat(listed).isNotEmpty();
        assertThat(whole.subList(1, whole.size()))
                .extracting(r -> r.get(1))
                .hasSize(listed.size())
                .allSatisfy(actor -> assertThat(actor).contains(reviewerName));
        SecurityContextHolder.clearContext();

        // Jinan's admin: nothing of Qingdao's reviewer, whatever the filter
        List<List<String>> city = read(
                export(jinan.session(ukeyBase()), AUDIT, "audit", Map.of("audit:actor", reviewerName))
                        .body(),
                1);
        assertThat(city).hasSize(1);
        assertThat(lastExportAudited(jinan.account().getUsername()))
                .isEqualTo("list=审计日志; filter=actor: " + reviewerName + "; rows=0");

        // a reviewer has no audit page, hence no export
        assertThat(qingdaoReviewer.session(ukeyBase()).get(AUDIT).statusCode()).isEqualTo(403);
    }

    @Test
    void anExportOfSeveralPagesHasEveryRowOnceInTheListsOrder() throws Exception {
        // 250 rows of one actor (two and a half export pages), three at a time at the same microsecond: the order
        // needs its tie-breaker
        String actor = "keyset-" + System.nanoTime();
        jdbc.update(
                "insert into audit_record (occurred_at, actor_kind, actor_account_id, actor_login, "
                        + "authenticated_by, client_address, action_code, target_type, target_id, outcome, detail) "
                        + "select timestamp'2026-11-30 08:00:00.123456' - interval (seq div 3) second, 'BACK_OFFICE', null, ?, "
                        + "'UKEY', '10.1.2.3', 'KEYSET_CHECK', 'ROW', seq, 'SUCCESS', concat('n=', seq) "
                        + "from seq_1_to_250",
                actor);
        try {
            // the expected order, worked out here: newest first, then the higher id first
            List<String> expected = jdbc
                    .query(
                            "select id, occurred_at, target_id from audit_record where actor_login = ?",
                            (rs, i) -> new Object[] {
                                rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3)
                            },
                            actor)
                    .stream()
                    .sorted(java.util.Comparator.comparing((Object[] r) -> (java.time.Instant) r[1])
                            .thenComparing(r -> (Long) r[0])
                            .reversed())
                    .map(r -> "ROW " + r[2])
                    .toList();
            assertThat(expected).hasSize(250).doesNotHaveDuplicates();

            RegionalStaff province = staff.regional(BackOfficeRole.SYSTEM_ADMIN, "370000", "导出分页管理员");
            List<List<String>> rows = read(
                    export(province.session(ukeyBase()), AUDIT, "audit", Map.of("audit:actor", actor))
                            .body(),
                    1);
            assertThat(rows.subList(1, rows.size())).extracting(r -> r.get(5)).containsExactlyElementsOf(expected);
            assertThat(lastExportAudited(province.account().getUsername()))
                    .isEqualTo("list=审计日志; filter=actor: " + actor + "; rows=250");
        } finally {
            // rows written past the audit chain (as only a test may): gone again, so the chain checks of later
            // tests (AuditChainIT, the integrity page) find the chain whole
            jdbc.update("delete from audit_record where actor_login = ?", actor);
        }
    }

    /** The detail of the latest {@code LIST_EXPORTED} row of {@code login}. */
    private String lastExportAudited(String login) {
        return jdbc.queryForObject(
                "select detail from audit_record where action_code = 'LIST_EXPORTED' and actor_login = ? "
                        + "order by id desc limit 1",
                String.class,
                login);
    }

    /** Every row a keyset page query gives, read one row at a time from the start. */
    private static <T> List<T> walk(XlsxExport.Pages<T> pages) {
        List<T> all = new ArrayList<>();
        for (List<T> page = pages.after(null, 1); !page.isEmpty(); page = pages.after(page.get(0), 1)) {
            all.addAll(page);
        }
        return all;
    }

    /** Opens the list page and posts its form with the given filter and the 导出Excel button. */
    private static HttpResponse<byte[]> export(
            BrowserlessSession session, String page, String form, Map<String, String> filter) throws Exception {
        String body = session.get(page).body();
        assertThat(body).contains(form + ":export");
        Map<String, String> fields = new java.util.HashMap<>(filter);
        fields.put(form, form);
        fields.put(form + ":export", "");
        HttpResponse<byte[]> answer = session.submitForBytes(body, page, fields);
        assertThat(answer.statusCode()).isEqualTo(200);
        return answer;
    }

    /** The sheet's rows as text; checks the header row is bold and frozen and that text cells stay text. */
    private static List<List<String>> read(byte[] xlsx, int headerRows) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) headerRows);
            List<List<String>> rows = new ArrayList<>();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (Cell cell : row) {
                    if (row.getRowNum() == 0) {
                        assertThat(workbook.getFontAt(cell.getCellStyle().getFontIndex())
                                        .getBold())
                                .isTrue();
                    }
                    cells.add(
                            cell.getCellType() == CellType.NUMERIC
                                    ? Long.toString((long) cell.getNumericCellValue())
                                    : cell.getStringCellValue());
                }
                rows.add(cells);
            }
            // an ID number never becomes a number (1.2E+17)
            rows.stream().skip(headerRows).forEach(r -> assertThat(r).noneMatch(c -> c.contains("E+")));
            return rows;
        }
    }

    private BrowserlessSession unitSession(Unit unit) throws Exception {
        BrowserlessSession session = new BrowserlessSession(Faces.publicBase(ports));
        session.portalLogin("unit", unit.getCreditCode(), ReviewFixtures.PASSWORD);
        return session;
    }

    private BrowserlessSession ukey(CertificatePageFixtures.Operator operator) {
        return new BrowserlessSession(Faces.ukeyBase(ports), operator.ukey());
    }

    private String ukeyBase() {
        return Faces.ukeyBase(ports);
    }
}

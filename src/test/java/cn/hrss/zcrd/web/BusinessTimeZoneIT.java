package cn.hrss.zcrd.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.zcrd.account.BackOfficeRole;
import cn.hrss.zcrd.account.PortalUser;
import cn.hrss.zcrd.audit.AuditActor;
import cn.hrss.zcrd.audit.AuditEntry;
import cn.hrss.zcrd.audit.AuditTrail;
import cn.hrss.zcrd.certificate.CertificatePageFixtures;
import cn.hrss.zcrd.certificate.internal.CertificatePdfs;
import cn.hrss.zcrd.declaration.RecognitionForms;
import cn.hrss.zcrd.review.ReviewFixtures;
import cn.hrss.zcrd.support.BackOfficeStaff;
import cn.hrss.zcrd.support.BrowserlessSession;
import cn.hrss.zcrd.support.Faces;
import cn.hrss.zcrd.support.IntegrationTest;
import cn.hrss.zcrd.support.TestClock;
import cn.hrss.zcrd.unit.Unit;
import cn.hrss.zcrd.verification.VerificationFixtures;
import cn.hrss.zcrd.verification.VerifyClient;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TimeZone;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 17, item 2: the application runs in a UTC JVM (failsafe's {@code -Duser.timezone=UTC}) and every face shows
 * Asia/Shanghai times. The instants are 16:30 UTC — 00:30 of the next day in Shanghai — so a page that formats in the
 * JVM's zone shows another date and another hour. Expected texts are computed here, independently of the product's
 * formatter.
 */
@IntegrationTest
class BusinessTimeZoneIT {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter MINUTES =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(SHANGHAI);
    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(SHANGHAI);
    private static final DateTimeFormatter UTC_DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final String PASSWORD = "Time-Zone-Passw0rd";

    @Autowired
    BackOfficeStaff staff;

    @Autowired
    Clock clock;

    @Autowired
    AuditTrail trail;

    @Autowired
    ReviewFixtures review;

    @Autowired
    VerificationFixtures verification;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RecognitionForms forms;

    @Autowired
    ConnectorPorts ports;

    @Autowired
    CertificatePageFixtures certificatePages;

    /** The latest 16:30 UTC that has passed: 00:30 of the next day in Shanghai. */
    Instant nearMidnight;

    @BeforeEach
    void setUp() {
        assertThat(TimeZone.getDefault().getID()).as("the ITs' JVM runs in UTC").isEqualTo("UTC");
        Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofMinutes(16 * 60 + 30));
        nearMidnight = today.isAfter(Instant.now()) ? today.minus(Duration.ofDays(1)) : today;
        assertThat(MINUTES.format(nearMidnight))
                .as("another date in Shanghai")
                .doesNotStartWith(UTC_DATE.format(nearMidnight));
    }

    @Test
    void aDeclarationSubmittedAt1630UtcShowsTheShanghaiTimeOnEveryFaceAndInTheRecognitionForm() throws Exception {
        Unit unit = review.unit("时区单位");
        PortalUser person = review.person("时区申报");
        long id;
        try (TestClock.Fixed fixed = TestClock.of(clock).fixedAt(nearMidnight)) {
            id = review.submitted(person, unit);
        }
        String shanghai = MINUTES.format(nearMidnight);
        String utc = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .withZone(ZoneOffset.UTC)
                .format(nearMidnight);

        BrowserlessSession applicant = new BrowserlessSession(Faces.publicBase(ports));
        applicant.portalLogin("person", person.loginName(), "Secret123");
        assertThat(applicant.get("/rsrc/person/declarations.xhtml").body())
                .as("portal list: 提交时间")
                .contains(shanghai)
                .doesNotContain(utc);
        assertThat(applicant.get("/rsrc/person/declaration.xhtml?id=" + id).body())
                .as("portal page: history")
                .contains(shanghai)
                .doesNotContain(utc);

        BrowserlessSession employer = new BrowserlessSession(Faces.publicBase(ports));
        employer.portalLogin("unit", unit.getCreditCode(), ReviewFixtures.PASSWORD);
        assertThat(employer.get("/rsrc/unit/review/queue.xhtml").body())
                .as("the unit's review queue")
                .contains(shanghai)
                .doesNotContain(utc);

        String form;
        try (TestClock.Fixed fixed = TestClock.of(clock).fixedAt(nearMidnight)) {
            form = CertificatePdfs.pdftotext(forms.render(id, person).pdf());
        }
        // 审核记录: the time column wraps the date and the time onto two lines of the table cell
        String[] dateAndTime = shanghai.split(" ");
        assertThat(form)
                .as("认定表 (pdftotext)")
                .containsPattern(dateAndTime[0] + "\\s+确定申报[^\\n]*\\n\\s*" + dateAndTime[1])
                .contains("生成时间：" + shanghai)
                .doesNotContain(utc.split(" ")[0] + " ");

        // the audit page: a back-office action recorded at that instant, found by its actor and a from/to given in
        // Shanghai time
        String actor = "tz-job-" + id;
        try (TestClock.Fixed fixed = TestClock.of(clock).fixedAt(nearMidnight)) {
            trail.record(AuditEntry.action("DECLARATION_FINAL_APPROVED")
                    .by(AuditActor.system(actor))
                    .target("DECLARATION", id)
                    .detail("recorded at 16:30 UTC by the time-zone test")
                    .build());
        }
        BrowserlessSession admin = Faces.publicSession(ports);
        staff.fallback("tz-admin-" + id, "时区审计", BackOfficeRole.SYSTEM_ADMIN, PASSWORD)
                .login(admin);
        String page = "/sdmanager/audit.xhtml";
        String rows = admin.submit(
                        page,
                        page,
                        Map.of(
                                "audit:from_input", shanghai,
                                "audit:to_input", shanghai,
                                "audit:actor", actor,
                                "audit:search", ""))
                .body();
        assertThat(rows)
                .as("audit page")
                .contains(actor, SECONDS.format(nearMidnight))
                .doesNotContain(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                        .withZone(ZoneOffset.UTC)
                        .format(nearMidnight));
    }

    @Test
    void aCertificateIssuedAt1630UtcShowsTheShanghaiTimeOnTheVerificationPageAndKeepsItsInstantInTheApi()
            throws Exception {
        VerificationFixtures.Issued issued = verification.issued(verification.issuer("时区发证"), "时区持证");
        jdbc.update(
                "update title_certificate set issued_at = ? where number = ?",
                Timestamp.from(nearMidnight),
                issued.number());

        VerifyClient client = new VerifyClient(Faces.publicBase(ports));
        assertThat(client.lookUp(issued.number(), issued.holderName()).body())
                .as("/verify/ page: 发证时间")
                .contains(SECONDS.format(nearMidnight))
                .contains("2026-11-20");
        assertThat(client.postJson(
                                "/api/verify/number",
                                "{\"number\":\"" + issued.number() + "\",\"holderName\":\"" + issued.holderName()
                                        + "\"}")
                        .body())
                .as("API: the instant itself, not a display string")
                .contains(nearMidnight.toString().replace("Z", ""));
        assertThat(CertificatePdfs.pdftotext(issued.pdf()))
                .as("certificate PDF: 公布时间")
                .contains("2026年11月20日");
    }

    @Test
    void theCertificateLibraryShowsAndFiltersFinalApprovalsByTheShanghaiDay() throws Exception {
        Unit unit = certificatePages.issuingUnit("时区证书库");
        CertificatePageFixtures.Operator operator = certificatePages.operator(unit);
        CertificatePageFixtures.Approved approved = certificatePages.finallyApproved(unit, "时区入库");
        jdbc.update(
                "update certificate_library_entry set final_approved_at = ? where declaration_id = ?",
                Timestamp.from(nearMidnight),
                approved.declarationId());
        BrowserlessSession session = Faces.publicSession(ports);
        operator.fallback().login(session);
        String page = "/sdmanager/certificates/library.xhtml";
        String library = session.get(page).body();
        assertThat(library).as("证书库: 终审时间").contains(MINUTES.format(nearMidnight));

        String shanghaiDay = MINUTES.format(nearMidnight).substring(0, 10);
        String utcDay = UTC_DATE.format(nearMidnight);
        assertThat(session.submitOn(
                                library,
                                page,
                                Map.of(
                                        "library:approvedFrom", shanghaiDay,
                                        "library:approvedTo", shanghaiDay,
                                        "library:search", ""))
                        .body())
                .as("filtered by the Shanghai day")
                .contains(approved.name());
        assertThat(session.submitOn(
                                session.get(page).body(),
                                page,
                                Map.of(
                                        "library:approvedFrom", utcDay,
                                        "library:approvedTo", utcDay,
                                        "library:search", ""))
                        .body())
                .as("not on the UTC day")
                .doesNotContain(approved.name());
    }
}

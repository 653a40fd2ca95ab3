package cn.hrss.zcrd.review;

import cn.hrss.zcrd.account.ApplicantDetails;
import cn.hrss.zcrd.account.Applicants;
import cn.hrss.zcrd.account.BackOfficeRole;
import cn.hrss.zcrd.account.BackOfficeUser;
import cn.hrss.zcrd.account.PersonRegistration;
import cn.hrss.zcrd.account.PortalAccountKind;
import cn.hrss.zcrd.account.PortalUser;
import cn.hrss.zcrd.declaration.AttachmentKind;
import cn.hrss.zcrd.declaration.DeclarationFixtures;
import cn.hrss.zcrd.declaration.Declarations;
import cn.hrss.zcrd.declaration.TitleObtainedBy;
import cn.hrss.zcrd.declaration.TransferInfo;
import cn.hrss.zcrd.declaration.WorkRecord;
import cn.hrss.zcrd.shared.BusinessTime;
import cn.hrss.zcrd.support.BackOfficeStaff;
import cn.hrss.zcrd.support.BrowserlessSession;
import cn.hrss.zcrd.support.Faces;
import cn.hrss.zcrd.support.TestIdentities;
import cn.hrss.zcrd.support.TestPhotos;
import cn.hrss.zcrd.unit.BusinessType;
import cn.hrss.zcrd.unit.IssuingAuthorities;
import cn.hrss.zcrd.unit.PathApplication;
import cn.hrss.zcrd.unit.ReportingPaths;
import cn.hrss.zcrd.unit.Unit;
import cn.hrss.zcrd.unit.UnitFixtures;
import cn.hrss.zcrd.unit.UnitRegistration;
import cn.hrss.zcrd.unit.UnitType;
import cn.hrss.zcrd.unit.UnitVerifications;
import cn.hrss.zcrd.unit.Units;
import cn.hrss.zcrd.web.ConnectorPorts;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.layout.Document;
import com.itextpdf.layout.element.Paragraph;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The set-up of review tests, through the public services only: registered people and units (password
 * {@link #PASSWORD}), submitted declarations (工程 / 助理工程师 / 机械工程, graduated two years ago), effective reporting
 * paths and granted issuing authority (decided by a bureau reviewer of the back office).
 */
public class ReviewFixtures {

    public static final String PASSWORD = "UnitPass123";
    /** The declarations' level (助理级), as {@link DeclarationFixtures} declares it. */
    public static final String LEVEL = DeclarationFixtures.LEVEL;

    public static final String SERIES = "GONGCHENG";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final Applicants applicants;
    private final Units units;
    private final Declarations declarations;
    private final ReportingPaths paths;
    private final IssuingAuthorities authorities;
    private final BackOfficeStaff staff;
    private final UnitVerifications verifications;
    private final DeclarationFixtures declarationFixtures;
    private final BusinessTime time;

    public ReviewFixtures(
            Applicants applicants,
            Units units,
            Declarations declarations,
            ReportingPaths paths,
            IssuingAuthorities authorities,
            BackOfficeStaff staff,
            UnitVerifications verifications,
            DeclarationFixtures declarationFixtures,
            BusinessTime time) {
        this.verifications = verifications;
        this.declarationFixtures = declarationFixtures;
        this.time = time;
        this.applicants = applicants;
        this.units = units;
        this.declarations = declarations;
        this.paths = paths;
        this.authorities = authorities;
        this.staff = staff;
    }

    /** A registered unit in 济南市历下区, verified by the bureau; its name made unique with a number. */
    public Unit unit(String prefix) {
        return UnitFixtures.verified(verifications, staff, unverifiedUnit(prefix));
    }

    /** A registered unit in 济南市历下区 its bureau has not verified yet. */
    public Unit unverifiedUnit(String prefix) {
        return units.register(new UnitRegistration(
                prefix + SEQUENCE.incrementAndGet(),
                TestIdentities.creditCode(),
                "370102",
                UnitType.PUBLIC_INSTITUTION,
                null,
                "王联系",
                "0531-86001234",
                PASSWORD,
                PASSWORD));
    }

    /** The unit signed in, as the services take it. */
    public static PortalUser signedIn(Unit unit) {
        return new PortalUser(unit.getAccountId(), PortalAccountKind.UNIT, unit.getCreditCode(), unit.getName());
    }

    /** A session on the public face signed in as the unit (its password is {@link #PASSWORD}). */
    public static BrowserlessSession unitSession(ConnectorPorts ports, Unit unit) throws Exception {
        BrowserlessSession session = Faces.publicSession(ports);
        session.portalLogin("unit", unit.getCreditCode(), PASSWORD);
        return session;
    }

    /** A registered individual, signed in. */
    public PortalUser person(String name) {
        int n = SEQUENCE.incrementAndGet();
        ApplicantDetails a = applicants.register(new PersonRegistration(
                name,
                TestIdentities.idNumber(),
                String.format("138%08d", n),
                "r" + n + "@example.cn",
                "Secret123",
                "Secret123"));
        return new PortalUser(a.accountId(), PortalAccountKind.PERSON, a.idNumber(), a.name());
    }

    /**
     * The applicant changes only the work module of a returned declaration (one record since two years ago) and
     * submits it again.
     */
    public void workCorrectedAndResubmitted(long id, PortalUser person) {
        declarations.saveWork(
                id,
                person,
                List.of(new WorkRecord(
                        LocalDate.now(BusinessTime.DEFAULT_ZONE).minusYears(2).plusDays(10),
                        null,
                        "济南重工机械有限公司",
                        "结构设计员")));
        declarations.submit(id, person);
    }

    /** A complete declaration of the person to the declaring unit, submitted (确定申报). */
    public long submitted(PortalUser person, Unit declaringUnit) {
        return submitted(person, declaringUnit, time.today().getYear());
    }

    /** As {@link #submitted(PortalUser, Unit)}, for the 申报年度 given (last, this or next year). */
    public long submitted(PortalUser person, Unit declaringUnit, int declarationYear) {
        long id = completeDraft(person, declaringUnit, declarationYear);
        declarations.submit(id, person);
        return id;
    }

    /** A declaration of the person to the declaring unit with every module filled in, not submitted yet. */
    public long completeDraft(PortalUser person, Unit declaringUnit) {
        return completeDraft(person, declaringUnit, time.today().getYear());
    }

    /**
     * As {@link #completeDraft(PortalUser, Unit)}, for the 申报年度 given: the declaration tests' complete draft
     * ({@link DeclarationFixtures}: 山东大学 two years ago, a diploma, the 证件照).
     */
    public long completeDraft(PortalUser person, Unit declaringUnit, int declarationYear) {
        long id = declarations.createDraft(
                person,
                declarationFixtures.basic(declaringUnit.getId(), declarationFixtures.twoYearsAgo(), declarationYear));
        declarationFixtures.completeModules(id, person);
        return id;
    }

    /**
     * A transfer-in confirmation (外地调入确认) draft of the person to the declaring unit: a 助理工程师 (工程, 助理级,
     * 机械工程) obtained by 评审 in 江苏 three years ago, transferred here a month ago, with one work entry; no scans yet.
     */
    public long transferDraft(PortalUser person, Unit declaringUnit) {
        LocalDate today = time.today();
        long id = declarations.createTransferDraft(
                person,
                new TransferInfo(
                        SERIES,
                        LEVEL,
                        DeclarationFixtures.TITLE_ASSISTANT_ENGINEER,
                        DeclarationFixtures.SPECIALTY_MECHANICAL,
                        TitleObtainedBy.REVIEW,
                        "江苏省人力资源和社会保障厅",
                        "江苏省",
                        "JS2023-000188",
                        today.minusYears(3),
                        "南京精工机械有限公司",
                        "江苏省",
                        today.minusMonths(1),
                        declaringUnit.getId()));
        declarations.uploadPhoto(id, person, "证件照.jpg", TestPhotos.oneInchStream());
        declarations.saveWork(
                id, person, List.of(new WorkRecord(today.minusYears(5), today.minusMonths(1), "南京精工机械有限公司", "助理工程师")));
        return id;
    }

    /** Uploads a scan (a small PDF) into the transfer declaration's module of that kind. */
    public void upload(long id, PortalUser person, AttachmentKind kind) {
        declarations.addAttachment(
                id, person, kind, kind.name() + ".pdf", new ByteArrayInputStream(pdf(kind + " " + id)));
    }

    /** A transfer-in confirmation with both scans (原职称证书, 调令), submitted (确定申报). */
    public long transferSubmitted(PortalUser person, Unit declaringUnit) {
        long id = transferDraft(person, declaringUnit);
        upload(id, person, AttachmentKind.ORIGINAL_CERTIFICATE);
        upload(id, person, AttachmentKind.TRANSFER_ORDER);
        declarations.submit(id, person);
        return id;
    }

    /** An effective reporting path for {@link #LEVEL} / {@link #SERIES}, applied for and approved. */
    public long effectivePath(Unit from, Unit superior) {
        return effectivePath(from, superior, LEVEL, SERIES);
    }

    public long effectivePath(Unit from, Unit superior, String level, String series) {
        return effectivePath(from, superior, level, series, BusinessType.FULL_TIME_RECOGNITION);
    }

    /** An effective path applied for while doing the business (both businesses share it, seed manual 2.3). */
    public long effectivePath(Unit from, Unit superior, String level, String series, BusinessType business) {
        long id = paths.apply(signedIn(from), new PathApplication(superior.getId(), level, series, business));
        paths.approve(id, signedIn(superior), null);
        return id;
    }

    /** Issuing authority for the levels, applied for by the unit and granted by a bureau reviewer. */
    public void grantIssuingAuthority(Unit unit, String... levels) {
        long id = authorities.apply(signedIn(unit), Set.of(levels), "HRSS370100");
        authorities.decide(id, bureauReviewer(), true, null);
    }

    /** A new back-office account of the role, signed in by password. */
    public BackOfficeUser backOfficeUser(BackOfficeRole role) {
        String username = "review-" + role.name().toLowerCase() + "-" + SEQUENCE.incrementAndGet();
        return staff.passwordUser(username, "审核员" + username, role, "Reviewer123!");
    }

    public BackOfficeUser bureauReviewer() {
        return backOfficeUser(BackOfficeRole.BUREAU_REVIEWER);
    }

    /** A small one-page PDF holding the text (a scan as an upload takes it). */
    public static byte[] pdf(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PdfDocument pdf = new PdfDocument(new PdfWriter(out));
                Document doc = new Document(pdf)) {
            doc.add(new Paragraph(text));
        }
        return out.toByteArray();
    }
}

package cn.hrss.zcrd.declaration;

import cn.hrss.zcrd.account.ApplicantDetails;
import cn.hrss.zcrd.account.Applicants;
import cn.hrss.zcrd.account.PersonRegistration;
import cn.hrss.zcrd.account.PortalAccountKind;
import cn.hrss.zcrd.account.PortalUser;
import cn.hrss.zcrd.catalog.Education;
import cn.hrss.zcrd.shared.BusinessTime;
import cn.hrss.zcrd.support.BackOfficeStaff;
import cn.hrss.zcrd.support.TestIdentities;
import cn.hrss.zcrd.support.TestPhotos;
import cn.hrss.zcrd.unit.Unit;
import cn.hrss.zcrd.unit.UnitFixtures;
import cn.hrss.zcrd.unit.UnitVerifications;
import cn.hrss.zcrd.unit.Units;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.layout.Document;
import com.itextpdf.layout.element.Paragraph;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Registered people and units, and declarations made through the services, for integration tests: a 工程 / 助理工程师
 * / 机械工程 declaration by 全日制大学本科毕业见习期满一年 of someone who graduated two years ago.
 */
public final class DeclarationFixtures {

    public static final String LEVEL = "ZHULI";
    public static final long TITLE_ASSISTANT_ENGINEER = 102;
    public static final long SPECIALTY_MECHANICAL = 1001;
    static final long METHOD_BACHELOR_ONE_YEAR = 5;
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final Applicants applicants;
    private final Units units;
    private final Declarations declarations;

    private final UnitVerifications verifications;
    private final BackOfficeStaff staff;
    private final BusinessTime time;

    public DeclarationFixtures(
            Applicants applicants,
            Units units,
            Declarations declarations,
            UnitVerifications verifications,
            BackOfficeStaff staff,
            BusinessTime time) {
        this.time = time;
        this.verifications = verifications;
        this.staff = staff;
        this.applicants = applicants;
        this.units = units;
        this.declarations = declarations;
    }

    /** A newly registered individual, signed in. */
    PortalUser person(String name) {
        int n = SEQUENCE.incrementAndGet();
        ApplicantDetails a = applicants.register(new PersonRegistration(
                name,
                TestIdentities.idNumber(),
                String.format("139%08d", n),
                "p" + n + "@example.cn",
                "Secret123",
                "Secret123"));
        return new PortalUser(a.accountId(), PortalAccountKind.PERSON, a.idNumber(), a.name());
    }

    /** A newly registered unit its bureau verified, signed in. */
    PortalUser unit(String name) {
        PortalUser unit = unverifiedUnit(name);
        UnitFixtures.verified(verifications, staff, units.ofAccount(unit.accountId()));
        return unit;
    }

    /** A newly registered unit its bureau has not verified yet, signed in. */
    PortalUser unverifiedUnit(String name) {
        Unit u = units.register(UnitFixtures.aUnit(name));
        return new PortalUser(u.getAccountId(), PortalAccountKind.UNIT, u.getCreditCode(), u.getName());
    }

    long unitId(PortalUser unit) {
        return units.ofAccount(unit.accountId()).getId();
    }

    /** The basic module of this year's declaration (the year of the business zone, on the application's clock). */
    BasicInfo basic(long declaringUnitId, LocalDate graduation) {
        return basic(declaringUnitId, graduation, time.today().getYear());
    }

    /** The basic module of a declaration for the 申报年度 given. */
    public BasicInfo basic(long declaringUnitId, LocalDate graduation, int declarationYear) {
        return new BasicInfo(
                declarationYear,
                LEVEL,
                TITLE_ASSISTANT_ENGINEER,
                SPECIALTY_MECHANICAL,
                METHOD_BACHELOR_ONE_YEAR,
                declaringUnitId,
                true,
                null,
                graduation.plusDays(10),
                graduation.plusDays(10),
                "山东大学",
                graduation,
                Education.BACHELOR,
                "机械设计制造及其自动化",
                "设计员");
    }

    /** Two years ago in the business zone, on the application's clock. */
    public LocalDate twoYearsAgo() {
        return time.today().minusYears(2);
    }

    long draft(PortalUser person, long declaringUnitId) {
        return declarations.createDraft(person, basic(declaringUnitId, twoYearsAgo()));
    }

    /**
     * Fills every module but the basic one (saved at creation): education, work, performance, a diploma; and uploads
     * the 证件照 (after the diploma: the diploma stays the first attachment).
     */
    public void completeModules(long id, PortalUser person) {
        LocalDate graduation = declarations.details(id, person).basic().graduationDate();
        declarations.saveEducation(id, person, List.of(bachelor(graduation, "104221202305001234")));
        declarations.saveWork(id, person, List.of(new WorkRecord(graduation.plusDays(10), null, "济南重工机械有限公司", "设计员")));
        declarations.savePerformance(id, person, new Performance("参与减速器箱体的结构设计与校核。", ProbationResult.QUALIFIED));
        declarations.addAttachment(
                id, person, AttachmentKind.DIPLOMA, "毕业证书.pdf", new ByteArrayInputStream(pdf("Diploma " + id)));
        declarations.uploadPhoto(id, person, "证件照.jpg", TestPhotos.oneInchStream());
    }

    /** 山东大学's 机械设计制造及其自动化 bachelor, four years of study to the graduation, with that diploma number. */
    static EducationRecord bachelor(LocalDate graduation, String diplomaNumber) {
        return new EducationRecord(
                "山东大学",
                "机械设计制造及其自动化",
                Education.BACHELOR,
                Degree.BACHELOR,
                graduation.minusYears(4),
                graduation,
                diplomaNumber);
    }

    long completeDraft(PortalUser person, long declaringUnitId) {
        long id = draft(person, declaringUnitId);
        completeModules(id, person);
        return id;
    }

    long submitted(PortalUser person, long declaringUnitId) {
        long id = completeDraft(person, declaringUnitId);
        declarations.submit(id, person);
        return id;
    }

    static byte[] pdf(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PdfDocument pdf = new PdfDocument(new PdfWriter(out));
                Document doc = new Document(pdf)) {
            doc.add(new Paragraph(text));
        }
        return out.toByteArray();
    }

    static String unitName(String prefix) {
        return prefix + "测试有限公司" + SEQUENCE.incrementAndGet();
    }
}

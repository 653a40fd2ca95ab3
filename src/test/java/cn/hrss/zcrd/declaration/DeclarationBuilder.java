package cn.hrss.zcrd.declaration;

import cn.hrss.zcrd.catalog.Education;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Declarations for unit tests (no Spring, no database): a valid 助理工程师 draft by default (工程, 机械工程, 全日制大学本科毕业
 * 见习期满一年), changed by the {@code with…} methods, then {@link #draft()}, {@link #complete()} or
 * {@link #inState(DeclarationState)} — driven there through the aggregate's own transitions.
 */
public final class DeclarationBuilder {

    public static final long APPLICANT = 1001;
    public static final long DECLARING_UNIT = 11;
    public static final long WORK_UNIT = 12;
    public static final long SUPERIOR_UNIT = 13;
    public static final long OTHER_UNIT = 99;
    public static final Instant NOW = Instant.parse("2025-06-02T02:00:00Z");
    public static final LocalDate GRADUATION = LocalDate.of(2023, 7, 1);

    private Integer year = 2025;
    private String levelCode = "ZHULI";
    private long methodId = 5;
    private boolean declaringUnitIsWorkUnit = true;
    private Long workUnitId;
    private LocalDate graduation = GRADUATION;
    private LocalDate professionalWorkStart = GRADUATION.plusDays(10);
    private Education education = Education.BACHELOR;

    private DeclarationBuilder() {}

    public static DeclarationBuilder aDeclaration() {
        return new DeclarationBuilder();
    }

    public DeclarationBuilder graduatedOn(LocalDate date) {
        this.graduation = date;
        return this;
    }

    public DeclarationBuilder professionalWorkFrom(LocalDate date) {
        this.professionalWorkStart = date;
        return this;
    }

    public DeclarationBuilder withEducation(Education value) {
        this.education = value;
        return this;
    }

    public DeclarationBuilder withLevel(String code) {
        this.levelCode = code;
        return this;
    }

    public DeclarationBuilder withMethod(long id) {
        this.methodId = id;
        return this;
    }

    /** 是否是工作单位 = 否, with the given work unit (or none). */
    public DeclarationBuilder notAtWorkUnit(Long workUnit) {
        this.declaringUnitIsWorkUnit = false;
        this.workUnitId = workUnit;
        return this;
    }

    public BasicInfo basic() {
        return new BasicInfo(
                year,
                levelCode,
                102L,
                1001L,
                methodId,
                DECLARING_UNIT,
                declaringUnitIsWorkUnit,
                workUnitId,
                graduation.minusMonths(1),
                professionalWorkStart,
                "山东大学",
                graduation,
                education,
                "机械设计制造及其自动化",
                null);
    }

    public Declaration draft() {
        return new Declaration(APPLICANT, "张三", "370102199001011234", basic(), "GONGCHENG", NOW);
    }

    /** A draft with every module complete (one education and work entry, achievements, a diploma). */
    public Declaration complete() {
        Declaration d = draft();
        fill(d);
        return d;
    }

    static void fill(Declaration d) {
        d.replaceEducation(List.of(education()), NOW);
        d.replaceWork(List.of(work()), NOW);
        d.changePerformance(new Performance("参与某型号减速器设计。", ProbationResult.QUALIFIED), NOW);
        d.addAttachment(
                AttachmentKind.DIPLOMA, "毕业证.pdf", UUID.randomUUID() + ".pdf", "application/pdf", 10, "00", NOW);
        photo(d);
    }

    /** The 证件照's description (its bytes are the service's). */
    public static void photo(Declaration d) {
        d.addAttachment(AttachmentKind.PHOTO, "照片.jpg", UUID.randomUUID() + ".jpg", "image/jpeg", 10, "00", NOW);
    }

    public static EducationRecord education() {
        return new EducationRecord(
                "山东大学",
                "机械设计制造及其自动化",
                Education.BACHELOR,
                Degree.BACHELOR,
                LocalDate.of(2019, 9, 1),
                GRADUATION,
                "104221202305001234");
    }

    public static WorkRecord work() {
        return new WorkRecord(GRADUATION.plusDays(10), null, "济南重工机械有限公司", "设计员");
    }

    /**
     * A complete declaration brought into the state through legal transitions: SUBMITTED and later via the declaring
     * unit; REPORTED is with {@link #SUPERIOR_UNIT}; RETURNED has {@link ModuleKind#EDUCATION} rejected.
     */
    public Declaration inState(DeclarationState state) {
        Declaration d = complete();
        switch (state) {
            case DRAFT -> {}
            case WITHDRAWN -> d.withdraw(applicant(), NOW);
            case SUBMITTED -> d.submit(applicant(), NOW);
            case UNIT_APPROVED -> {
                d.submit(applicant(), NOW);
                d.approve(unit(DECLARING_UNIT), null, NOW);
            }
            case REPORTED -> {
                d.submit(applicant(), NOW);
                d.approve(unit(DECLARING_UNIT), null, NOW);
                d.reportTo(SUPERIOR_UNIT, unit(DECLARING_UNIT), null, NOW);
            }
            case FINAL_APPROVED -> {
                d.submit(applicant(), NOW);
                d.finalApprove(unit(DECLARING_UNIT), null, NOW);
            }
            case CERTIFIED -> {
                d.submit(applicant(), NOW);
                d.finalApprove(unit(DECLARING_UNIT), null, NOW);
                d.certify(new Actor(500, "发证员", null), "3701262026000001", NOW);
            }
            case RETURNED -> {
                d.submit(applicant(), NOW);
                d.returnToApplicant(unit(DECLARING_UNIT), Map.of(ModuleKind.EDUCATION, "学历信息不完整"), null, NOW);
            }
        }
        d.clearDomainEvents();
        return d;
    }

    public static Actor applicant() {
        return Actor.applicant(APPLICANT, "张三");
    }

    public static Actor unit(long unitId) {
        return Actor.ofUnit(2000 + unitId, "审核员" + unitId, unitId);
    }
}

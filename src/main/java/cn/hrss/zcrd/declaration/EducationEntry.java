package cn.hrss.zcrd.declaration;

import cn.hrss.zcrd.catalog.Education;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.LocalDate;

/** A row of the 学历学位 module (table {@code declaration_education}). */
@Embeddable
class EducationEntry {

    @Column(name = "school", nullable = false, length = 100)
    private String school;

    @Column(name = "major", nullable = false, length = 100)
    private String major;

    @Enumerated(EnumType.STRING)
    @Column(name = "education_level", nullable = false, length = 32)
    private Education level;

    @Enumerated(EnumType.STRING)
    @Column(name = "degree", nullable = false, length = 16)
    private Degree degree;

    @Column(name = "start_date", nullable = false)
    private LocalDate startDate;

    @Column(name = "end_date", nullable = false)
    private LocalDate endDate;

    @Column(name = "diploma_number", nullable = false, length = 50)
    private String diplomaNumber;

    protected EducationEntry() {}

    EducationEntry(EducationRecord r) {
        this.school = r.school();
        this.major = r.major();
        this.level = r.level();
        this.degree = r.degree();
        this.startDate = r.startDate();
        this.endDate = r.endDate();
        this.diplomaNumber = r.diplomaNumber();
    }

    EducationRecord toRecord() {
        return new EducationRecord(school, major, level, degree, startDate, endDate, diplomaNumber);
    }
}

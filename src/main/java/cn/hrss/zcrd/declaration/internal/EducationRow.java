package cn.hrss.zcrd.declaration.internal;

import cn.hrss.zcrd.catalog.Education;
import cn.hrss.zcrd.declaration.Degree;
import cn.hrss.zcrd.declaration.EducationRecord;

/** One editable row of the 学历学位 module. */
public final class EducationRow extends PeriodRow {

    private String school;
    private String major;
    private Education level;
    private Degree degree;
    private String diplomaNumber;

    static EducationRow of(EducationRecord r) {
        EducationRow row = new EducationRow();
        row.school = r.school();
        row.major = r.major();
        row.level = r.level();
        row.degree = r.degree();
        row.period(r.startDate(), r.endDate());
        row.diplomaNumber = r.diplomaNumber();
        return row;
    }

    EducationRecord toRecord() {
        return new EducationRecord(school, major, level, degree, getStartDate(), getEndDate(), diplomaNumber);
    }

    public String getSchool() {
        return school;
    }

    public void setSchool(String school) {
        this.school = school;
    }

    public String getMajor() {
        return major;
    }

    public void setMajor(String major) {
        this.major = major;
    }

    public Education getLevel() {
        return level;
    }

    public void setLevel(Education level) {
        this.level = level;
    }

    public Degree getDegree() {
        return degree;
    }

    public void setDegree(Degree degree) {
        this.degree = degree;
    }

    public String getDiplomaNumber() {
        return diplomaNumber;
    }

    public void setDiplomaNumber(String diplomaNumber) {
        this.diplomaNumber = diplomaNumber;
    }
}

package cn.hrss.zcrd.declaration.internal;

import cn.hrss.zcrd.declaration.WorkRecord;
import java.io.Serializable;
import java.time.LocalDate;

/** One editable row of the 工作经历 module; no end date = 至今. */
public final class WorkRow implements Serializable {

    private LocalDate startDate;
    private LocalDate endDate;
    private String unitName;
    private String duty;

    static WorkRow of(WorkRecord r) {
        WorkRow row = new WorkRow();
        row.startDate = r.startDate();
        row.endDate = r.endDate();
        row.unitName = r.unitName();
        row.duty = r.duty();
        return row;
    }

    WorkRecord toRecord() {
        return new WorkRecord(startDate, endDate, unitName, duty);
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public void setStartDate(LocalDate startDate) {
        this.startDate = startDate;
    }

    public LocalDate getEndDate() {
        return endDate;
    }

    public void setEndDate(LocalDate endDate) {
        this.endDate = endDate;
    }

    public String getUnitName() {
        return unitName;
    }

    public void setUnitName(String unitName) {
        this.unitName = unitName;
    }

    public String getDuty() {
        return duty;
    }

    public void setDuty(String duty) {
        this.duty = duty;
    }
}

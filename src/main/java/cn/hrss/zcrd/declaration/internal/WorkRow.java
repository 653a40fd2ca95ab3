package cn.hrss.zcrd.declaration.internal;

import cn.hrss.zcrd.declaration.WorkRecord;

/** One editable row of the 工作经历 module; no end date = 至今. */
public final class WorkRow extends PeriodRow {

    private String unitName;
    private String duty;

    static WorkRow of(WorkRecord r) {
        WorkRow row = new WorkRow();
        row.period(r.startDate(), r.endDate());
        row.unitName = r.unitName();
        row.duty = r.duty();
        return row;
    }

    WorkRecord toRecord() {
        return new WorkRecord(getStartDate(), getEndDate(), unitName, duty);
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

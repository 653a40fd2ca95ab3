package cn.hrss.zcrd.declaration;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.LocalDate;

/** A row of the 工作经历 module (table {@code declaration_work}). */
@Embeddable
class WorkEntry {

    @Column(name = "start_date", nullable = false)
    private LocalDate startDate;

    @Column(name = "end_date")
    private LocalDate endDate;

    @Column(name = "unit_name", nullable = false, length = 100)
    private String unitName;

    @Column(name = "duty", nullable = false, length = 100)
    private String duty;

    protected WorkEntry() {}

    WorkEntry(WorkRecord r) {
        this.startDate = r.startDate();
        this.endDate = r.endDate();
        this.unitName = r.unitName();
        this.duty = r.duty();
    }

    WorkRecord toRecord() {
        return new WorkRecord(startDate, endDate, unitName, duty);
    }
}

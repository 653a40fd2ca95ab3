package cn.hrss.zcrd.declaration.internal;

import java.io.Serializable;
import java.time.LocalDate;

/** An editable row of a module that lists periods (学历学位, 工作经历): its 起止日期. */
public abstract class PeriodRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private LocalDate startDate;
    private LocalDate endDate;

    /** Starts the row from a stored period. */
    final void period(LocalDate start, LocalDate end) {
        startDate = start;
        endDate = end;
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
}

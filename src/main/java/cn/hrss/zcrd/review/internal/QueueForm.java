package cn.hrss.zcrd.review.internal;

import cn.hrss.zcrd.declaration.QueueQuery;
import cn.hrss.zcrd.declaration.QueueStatus;
import cn.hrss.zcrd.shared.ListForm;
import cn.hrss.zcrd.unit.BusinessType;

/**
 * The query form of the unit's declaration lists (职称认定审核, 上报): the shared fields and the 业务类型 filter
 * ({@code #{view.form.business}}); 重置 empties both.
 */
public class QueueForm extends ListForm {

    private static final long serialVersionUID = 1L;

    private BusinessType business;

    QueueForm(BusinessType business) {
        this.business = business;
    }

    /** The list's query with this form's filters and {@code status}. */
    QueueQuery query(QueueStatus status) {
        return new QueueQuery(
                getName(),
                getIdNumber(),
                getLevelCode(),
                getSeriesCode(),
                status,
                getFrom(),
                getTo(),
                business,
                getYear());
    }

    @Override
    public void clear() {
        super.clear();
        business = null;
    }

    /** 业务类型 filter: 全日制职称认定, 外地调入确认, or both (null). */
    public BusinessType getBusiness() {
        return business;
    }

    public void setBusiness(BusinessType business) {
        this.business = business;
    }

    public BusinessType[] getBusinessTypes() {
        return BusinessType.values();
    }
}

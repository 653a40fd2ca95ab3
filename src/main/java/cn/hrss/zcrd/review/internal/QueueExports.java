package cn.hrss.zcrd.review.internal;

import cn.hrss.zcrd.account.CurrentPortalUser;
import cn.hrss.zcrd.account.PortalAccountKind;
import cn.hrss.zcrd.account.PortalUser;
import cn.hrss.zcrd.declaration.DeclarationQueue;
import cn.hrss.zcrd.declaration.QueueItem;
import cn.hrss.zcrd.declaration.QueueQuery;
import cn.hrss.zcrd.shared.BusinessTime;
import cn.hrss.zcrd.shared.FacesMessages;
import cn.hrss.zcrd.shared.XlsxExport;
import cn.hrss.zcrd.shared.XlsxExport.Column;
import java.util.function.UnaryOperator;
import org.primefaces.model.StreamedContent;
import org.springframework.stereotype.Component;

/**
 * 导出Excel of 职称认定审核 and 职称认定上报: the unit's queue with the form's filters, through the same
 * {@link DeclarationQueue} query and order as the list, keyset-paged (the unit comes from the signed-in account,
 * never the form).
 */
@Component("queueExports")
public class QueueExports {

    private final DeclarationQueue queue;
    private final BusinessTime time;

    QueueExports(DeclarationQueue queue, BusinessTime time) {
        this.queue = queue;
        this.time = time;
    }

    /** The columns of both lists, labels and texts through {@code text} (the message bundle). */
    XlsxExport<QueueItem> columns(UnaryOperator<String> text) {
        return XlsxExport.of(
                Column.text("review.column.name", 10, QueueItem::applicantName),
                Column.text("review.column.id-number", 20, QueueItem::applicantIdNumber),
                Column.text(
                        "review.column.business",
                        12,
                        r -> r.businessType() == null
                                ? ""
                                : text.apply(r.businessType().messageKey())),
                Column.number("declaration.field.declaration-year", 8, QueueItem::declarationYear),
                Column.text("declaration.field.level", 8, QueueItem::levelName),
                Column.text("declaration.field.series", 14, QueueItem::seriesName),
                Column.text("declaration.field.title", 16, QueueItem::titleName),
                Column.text("declaration.field.declaring-unit", 24, QueueItem::declaringUnitName),
                Column.text("review.column.state", 10, r -> text.apply(r.state().messageKey())),
                Column.text("review.column.submitted", 17, r -> time.minutes(r.submittedAt())));
    }

    /** 职称认定审核 as the form filters it. */
    public StreamedContent queue(QueueQuery query) {
        return export("menu.review", query);
    }

    /** 职称认定上报 as the form filters it. */
    public StreamedContent report(QueueQuery query) {
        return export("menu.report", query);
    }

    private StreamedContent export(String listKey, QueueQuery query) {
        PortalUser unit = CurrentPortalUser.requireKind(PortalAccountKind.UNIT);
        return columns(FacesMessages::text)
                .download(listKey, time, (last, size) -> queue.pageAfter(unit, query, last, size), null);
    }
}

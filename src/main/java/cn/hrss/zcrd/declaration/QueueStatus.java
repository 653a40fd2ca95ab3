package cn.hrss.zcrd.declaration;

import java.util.Locale;

/** The status filter of a unit's review queue (职称认定审核 → 状态). */
public enum QueueStatus {
    /** 待审核: with the unit, submitted to it or reported to it */
    PENDING,
    /** 审核通过（待上报）: approved by the unit, not yet reported */
    APPROVED,
    /** 终审通过: finally approved by the unit (it holds issuing authority) */
    FINAL_APPROVED,
    /** 全部（本单位）: everything that is with the unit now */
    CURRENT,
    /** 已处理: the unit decided on it before and it has moved on (reported upwards or returned) */
    HANDLED;

    public String messageKey() {
        return "review.queue.status." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

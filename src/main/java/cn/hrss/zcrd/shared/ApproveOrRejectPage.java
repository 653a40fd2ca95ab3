package cn.hrss.zcrd.shared;

import java.io.Serializable;

/**
 * A review page with 通过 and 驳回 for the item it has open ({@code #{page.approve}}, {@code #{page.reject}}): both are
 * one decision, which answers with the outcome of the action (a redirect once decided, null to stay and say why not).
 */
public abstract class ApproveOrRejectPage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** 通过 */
    public String approve() {
        return decide(true);
    }

    /** 驳回 */
    public String reject() {
        return decide(false);
    }

    /** Decides the open item; null when nothing is open. */
    protected abstract String decide(boolean approve);
}

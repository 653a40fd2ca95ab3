package cn.hrss.zcrd.unit;

import cn.hrss.zcrd.shared.Refusal;
import cn.hrss.zcrd.shared.RefusedException;

/**
 * A rule of reporting paths or issuing authority refused the request; {@link #messageKey()} and
 * {@link #arguments()} give the Chinese text for the page. Nothing was stored.
 */
public class UnitRuleException extends RefusedException {

    public UnitRuleException(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }

    public UnitRuleException(Refusal refusal) {
        super(refusal);
    }
}

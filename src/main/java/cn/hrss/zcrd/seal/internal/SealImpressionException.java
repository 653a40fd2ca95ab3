package cn.hrss.zcrd.seal.internal;

import cn.hrss.zcrd.shared.RefusedException;

/**
 * A seal impression refused what was asked of it (a decision on a version that is no longer pending, a rejection
 * without an opinion, a decision without the rights for it); {@link #messageKey()} names the text for the user.
 * Nothing was stored.
 */
public class SealImpressionException extends RefusedException {

    public SealImpressionException(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }
}

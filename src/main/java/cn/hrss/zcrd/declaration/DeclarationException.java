package cn.hrss.zcrd.declaration;

import cn.hrss.zcrd.shared.RefusedException;

/**
 * A declaration refused what was asked of it; {@link #messageKey()} and {@link #arguments()} give the text for the
 * user (the page shows it as a page message). Nothing was stored.
 */
public class DeclarationException extends RefusedException {

    public DeclarationException(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }
}

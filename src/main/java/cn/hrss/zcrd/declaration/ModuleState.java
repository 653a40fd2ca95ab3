package cn.hrss.zcrd.declaration;

import java.util.Locale;

/** A module's review mark: 正常, 被退回 (with the reviewer's opinion) or 已修改 (changed after a return). */
public enum ModuleState {
    NORMAL,
    REJECTED,
    MODIFIED;

    public String messageKey() {
        return "declaration.module-state." + name().toLowerCase(Locale.ROOT);
    }
}

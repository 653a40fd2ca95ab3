package cn.hrss.zcrd.declaration;

/**
 * A module may not change now: the declaration has been submitted and not returned
 * ({@code declaration.error.locked}), or it was returned and this module was not rejected
 * ({@code declaration.error.module-locked}).
 */
public class ModuleLockedException extends DeclarationException {

    private final ModuleKind module;

    public ModuleLockedException(String messageKey, ModuleKind module) {
        super(messageKey);
        this.module = module;
    }

    public ModuleKind module() {
        return module;
    }
}

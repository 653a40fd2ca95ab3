package cn.hrss.zcrd.declaration;

/** A unit tried to decide on a declaration that is not (or no longer) with it. */
public class NotCurrentUnitException extends DeclarationException {

    public NotCurrentUnitException() {
        super("declaration.error.not-current-unit");
    }
}

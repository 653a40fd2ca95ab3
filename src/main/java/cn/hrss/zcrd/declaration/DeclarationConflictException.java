package cn.hrss.zcrd.declaration;

/** Someone else changed the declaration at the same moment and won; reload and try again. */
public class DeclarationConflictException extends DeclarationException {

    public DeclarationConflictException() {
        super("declaration.error.conflict");
    }
}

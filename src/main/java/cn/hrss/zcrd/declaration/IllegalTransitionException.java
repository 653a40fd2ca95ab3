package cn.hrss.zcrd.declaration;

/** The declaration's state does not allow the action (e.g. approving a draft, submitting twice). */
public class IllegalTransitionException extends DeclarationException {

    private final DeclarationAction action;
    private final DeclarationState state;

    public IllegalTransitionException(DeclarationAction action, DeclarationState state) {
        super(action.refusalKey());
        this.action = action;
        this.state = state;
    }

    public DeclarationAction action() {
        return action;
    }

    public DeclarationState state() {
        return state;
    }

    @Override
    public String getMessage() {
        return action + " not allowed in state " + state;
    }
}

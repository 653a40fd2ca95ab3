package cn.hrss.zcrd.approval;

/**
 * The port a module implements to carry out its kind of request once approved. It runs in the approver's session
 * (their guard checks apply) and in the approval's transaction: when it throws, nothing is stored and the request
 * stays pending. A module's service usually implements it itself ({@link Approvals} looks handlers up on first use,
 * so a service may both ask {@link Approvals} for requests and handle them).
 */
public interface ApprovalHandler {

    ApprovalKind kind();

    /**
     * Does the approved action (as the approver; note {@link ApprovalRequest#auditNote()} in its audit record).
     *
     * @return what the approver must hand over, shown to them once (e.g. a new account's one-time password), or
     *         null
     */
    String execute(ApprovalRequest request);
}

package cn.hrss.zcrd.approval;

/**
 * The port a module implements to carry out its kind of request once approved. It runs in the approver's session
 * (their guard checks apply) and in the approval's transaction: when it throws, nothing is stored and the request
 * stays pending.
 */
public interface ApprovalHandler {

    ApprovalKind kind();

    void execute(ApprovalRequest request);
}

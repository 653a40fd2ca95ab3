/**
 * Four-eyes approvals (双人复核), as EJBCA's approvals: an action configured to need a second person (revoking a
 * certificate, revoking an electronic seal, …) is stored as a request — who asked, when, why, the action's
 * parameters — and takes effect only when a second back-office user, allowed to do the action (role, UKEY policy,
 * data scope) and in a UKEY session ({@code DECIDE_APPROVAL}), approves it. Nobody approves their own request; a
 * request can be rejected with a reason and expires ({@code zcrd.approvals.expiry}); every step is audited.
 *
 * <p>A module wires an action in a few lines: after its own checks it calls
 * {@link cn.hrss.zcrd.approval.Approvals#requestIfRequired} with an {@link cn.hrss.zcrd.approval.ApprovalTarget}
 * (a stored request, or empty and it acts at once), and its service implements
 * {@link cn.hrss.zcrd.approval.ApprovalHandler} for the kind: the handler does the action on approval, in the
 * approver's session and transaction. This module knows no other module's internals.
 */
package cn.hrss.zcrd.approval;

package cn.hrss.zcrd.review;

/**
 * What 通过 means at a unit (SPEC §5): the chain ends at a unit holding issuing authority for the declaration's
 * level, so its approval is the final review (终审通过); anywhere else it is an ordinary approval, after which the
 * unit reports the declaration upwards. Plain Java.
 */
public final class ApprovalPolicy {

    /** The kind of approval a unit gives. */
    public enum Outcome {
        /** 审核通过: the unit then reports it to its superior (职称认定上报) */
        APPROVED,
        /** 终审通过: the end of the chain; the certificate library takes over */
        FINAL_APPROVED
    }

    private ApprovalPolicy() {}

    /** @param holdsIssuingAuthority whether the approving unit holds issuing authority for the declaration's level */
    public static Outcome outcome(boolean holdsIssuingAuthority) {
        return holdsIssuingAuthority ? Outcome.FINAL_APPROVED : Outcome.APPROVED;
    }
}

package cn.hrss.zcrd.certificate.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * This node's leases on issuance batches (docs/operations-cluster.md): a batch runs on the node whose name and
 * lease expiry stand in the batch row. A new batch is leased to the node that starts it; every transaction of a run
 * renews the lease ({@link #renew}), and a run that finds its lease gone stops ({@link LeaseLost}); once a lease has
 * run out ({@code zcrd.certificate.issuance.lease}, a node died) any node takes the batch over ({@link #resumable},
 * {@link #acquire}). Completing or interrupting a batch gives the lease up. The rows are {@link BatchStore}'s; this
 * class holds the node's name and the clock.
 */
@Component
class BatchLeases {

    private final BatchStore batches;
    private final IssuanceProperties properties;
    private final Clock clock;
    private final String node;

    BatchLeases(BatchStore batches, IssuanceProperties properties, Clock clock) {
        this.batches = batches;
        this.properties = properties;
        this.clock = clock;
        this.node = properties.nodeId() != null && !properties.nodeId().isBlank()
                ? properties.nodeId()
                : hostName() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** This node's name in batch leases ({@code zcrd.certificate.issuance.node-id}). */
    String node() {
        return node;
    }

    /** When a lease taken or renewed at {@code now} runs out. */
    Instant until(Instant now) {
        return now.plus(properties.lease());
    }

    /** Whether another node holds the batch's lease now (it is running there). */
    boolean heldElsewhere(BatchStore.Batch batch) {
        return batch.leaseOwner() != null
                && batch.leaseUntil() != null
                && batch.leaseUntil().isAfter(clock.instant())
                && !batch.leaseOwner().equals(node);
    }

    /** Unfinished batches this node may take: no lease, this node's, or one that ran out. */
    List<Long> resumable() {
        return batches.resumable(node, clock.instant());
    }

    /** Takes (or renews) the batch's lease in the caller's transaction: true when this node holds it now. */
    boolean acquire(long batchId) {
        Instant now = clock.instant();
        return batches.acquire(batchId, node, now, until(now));
    }

    /**
     * Renews this node's lease in the caller's transaction and adds {@code issued} to the batch's count.
     *
     * @throws LeaseLost when another node took the batch over (the caller's transaction then rolls back)
     */
    void renew(long batchId, int issued) {
        Instant now = clock.instant();
        if (!batches.renew(batchId, node, now, until(now), issued)) {
            throw new LeaseLost();
        }
    }

    /** Completes the batch when every item is issued, giving the lease up; false when some are not. */
    boolean complete(long batchId) {
        return batches.complete(batchId, node, clock.instant());
    }

    /** Stops the batch for now with a problem (a message key) and gives the lease up, so that any node may resume it. */
    void interrupt(long batchId, String problem) {
        batches.interrupt(batchId, node, problem, clock.instant());
    }

    /** This node's lease on a batch was taken over by another node: the run stops, its transaction rolls back. */
    static final class LeaseLost extends RuntimeException {
        LeaseLost() {
            super("lease lost", null, false, false);
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "node";
        }
    }
}

package cn.hrss.zcrd.certificate.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code zcrd.certificate.issuance.*}: the background issuance job.
 *
 * @param batchWorkers   batches this node runs at once (each has its own lease)
 * @param signingThreads threads rendering and signing certificates in parallel, shared by all batches (0: one per
 *                       processor); the token's own bound ({@code zcrd.signing.max-concurrent-signatures}) applies
 *                       beneath
 * @param chunkSize      certificates per numbering reservation and per storing transaction
 * @param lease          how long a node's claim on a batch holds without renewal (renewed at every chunk); after a
 *                       node dies another takes the batch over once it expired
 * @param retryInterval  how often unfinished batches without a live lease are looked for and resumed
 * @param maxBatchSize   the most people one batch may hold
 * @param nodeId         this node's name in leases (default: host name and a random suffix, new at every start)
 */
@ConfigurationProperties("zcrd.certificate.issuance")
public record IssuanceProperties(
        @DefaultValue("2") int batchWorkers,
        @DefaultValue("0") int signingThreads,
        @DefaultValue("50") int chunkSize,
        @DefaultValue("2m") Duration lease,
        @DefaultValue("30s") Duration retryInterval,
        @DefaultValue("20000") int maxBatchSize,
        String nodeId) {

    int effectiveSigningThreads() {
        return signingThreads > 0 ? signingThreads : Runtime.getRuntime().availableProcessors();
    }
}

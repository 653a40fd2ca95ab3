package cn.hrss.zcrd.certificate.internal;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code zcrd.certificate.archive.*}: the archive time-stamp job (PAdES-BASELINE-LTA, see
 * docs/long-term-validation.md).
 *
 * @param enabled        whether the job runs on this node (on by default)
 * @param interval       pause between two runs
 * @param batchSize      certificates claimed per run (newest first: the just issued ones get theirs right away)
 * @param renewalMargin  a certificate is renewed when its newest archive time-stamp's TSA certificate expires
 *                       within this margin
 * @param lease          how long a node's claim on a certificate holds; after a failure it waits this long
 * @param threads        chunks of a run time-stamped at once
 * @param chunkSize      certificates per chunk: a chunk's PDFs are read in one query and its new versions stored
 *                       (with their audit rows) in one transaction
 * @param weakeningAlgorithms digest or signature algorithms (names such as {@code SHA-1}, {@code SHA1withRSA}, or
 *                       OIDs) no longer trusted for long: a certificate whose newest archive time-stamp rests on one
 *                       is due for renewal (unless the TSA itself still uses it: then a renewal would not help)
 */
@ConfigurationProperties("zcrd.certificate.archive")
public record ArchiveProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("30s") Duration interval,
        @DefaultValue("200") int batchSize,
        @DefaultValue("365d") Duration renewalMargin,
        @DefaultValue("5m") Duration lease,
        @DefaultValue("4") int threads,
        @DefaultValue("50") int chunkSize,
        @DefaultValue List<String> weakeningAlgorithms) {

    public ArchiveProperties {
        if (threads < 1 || batchSize < 1 || chunkSize < 1) {
            throw new IllegalArgumentException(
                    "zcrd.certificate.archive.threads, batch-size and chunk-size must be at least 1");
        }
        weakeningAlgorithms = weakeningAlgorithms == null ? List.of() : List.copyOf(weakeningAlgorithms);
    }
}

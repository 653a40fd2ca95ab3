package cn.hrss.zcrd.certificate.internal;

import java.time.Duration;
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
 * @param threads        certificates time-stamped at once within a run (each its own transaction: most of its time
 *                       is the database's commit and the token's signature, so a few threads overlap them)
 */
@ConfigurationProperties("zcrd.certificate.archive")
public record ArchiveProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("30s") Duration interval,
        @DefaultValue("200") int batchSize,
        @DefaultValue("365d") Duration renewalMargin,
        @DefaultValue("5m") Duration lease,
        @DefaultValue("4") int threads) {

    public ArchiveProperties {
        if (threads < 1 || batchSize < 1) {
            throw new IllegalArgumentException("zcrd.certificate.archive.threads and batch-size must be at least 1");
        }
    }
}

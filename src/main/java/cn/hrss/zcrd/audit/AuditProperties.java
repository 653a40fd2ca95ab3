package cn.hrss.zcrd.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The audit chain's checkpoints ({@code zcrd.audit.checkpoint.*}).
 *
 * @param checkpoint when and with which key the chain head is signed
 */
@ConfigurationProperties("zcrd.audit")
public record AuditProperties(@DefaultValue Checkpoint checkpoint) {

    /**
     * @param enabled   whether this node makes checkpoints (any node may; two making the same one is harmless)
     * @param everyRows a checkpoint once the chain has grown by this many rows since the last one
     * @param every     and at least this often while rows were added
     * @param poll      how often a node looks whether a checkpoint is due
     * @param keyAlias  the checkpoint key in the platform token (EC P-256, generated on first use)
     */
    public record Checkpoint(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("1000") int everyRows,
            @DefaultValue("10m") Duration every,
            @DefaultValue("15s") Duration poll,
            @DefaultValue("audit-checkpoint-1") String keyAlias) {}
}

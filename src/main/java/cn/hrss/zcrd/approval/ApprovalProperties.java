package cn.hrss.zcrd.approval;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Four-eyes settings ({@code zcrd.approvals.*}).
 *
 * @param requiredFor the kinds that need a second person (default: all); an empty list switches them all off
 * @param expiry how long a request waits for a decision before it expires
 */
@ConfigurationProperties("zcrd.approvals")
public record ApprovalProperties(
        Set<ApprovalKind> requiredFor, @DefaultValue("72h") Duration expiry) {

    public ApprovalProperties {
        requiredFor = requiredFor == null
                ? EnumSet.allOf(ApprovalKind.class)
                : requiredFor.isEmpty() ? EnumSet.noneOf(ApprovalKind.class) : EnumSet.copyOf(requiredFor);
    }
}

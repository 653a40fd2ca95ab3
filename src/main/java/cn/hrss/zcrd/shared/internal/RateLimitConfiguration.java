package cn.hrss.zcrd.shared.internal;

import cn.hrss.zcrd.shared.RateLimits;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.caffeine.Bucket4jCaffeine;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.mysql.Bucket4jMySQL;
import io.github.bucket4j.mysql.MySQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The limits' two stores. Shared: Bucket4j's MySQL proxy manager on the table {@code rate_limit_bucket} (V23),
 * one row per key, read with {@code SELECT … FOR UPDATE} and written in the same short transaction on a
 * connection of its own; rows of buckets that have refilled completely (plus a minute) are deleted every minute.
 * Node: Bucket4j's Caffeine proxy manager, at most {@code max-keys-in-memory} keys, dropped like the rows.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(RateLimitConfiguration.class);
    /** A full bucket is kept this long after it refilled (a new one would be the same). */
    private static final Duration KEEP_FULL = Duration.ofMinutes(1);

    @Bean
    RateLimits rateLimits(RateLimitProperties properties, DataSource dataSource) {
        ProxyManager<String> node = inMemory(properties);
        ProxyManager<String> shared =
                properties.store() == RateLimitProperties.Store.DATABASE ? inDatabase(dataSource) : node;
        return new Bucket4jRateLimits(properties, shared, node);
    }

    @Bean
    ExpiredBuckets expiredBuckets(RateLimitProperties properties, DataSource dataSource) {
        return new ExpiredBuckets(
                properties.store() == RateLimitProperties.Store.DATABASE ? inDatabase(dataSource) : null);
    }

    static ProxyManager<String> inMemory(RateLimitProperties properties) {
        return Bucket4jCaffeine.<String>builderFor(
                        Caffeine.newBuilder().maximumSize(Math.max(1000, properties.maxKeysInMemory())))
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_FULL))
                .build();
    }

    static MySQLSelectForUpdateBasedProxyManager<String> inDatabase(DataSource dataSource) {
        return Bucket4jMySQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_bucket")
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_FULL))
                .requestTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** Deletes the rows of buckets that have refilled completely (they would be made the same anew). */
    static final class ExpiredBuckets {

        private static final int BATCH = 1000;

        private final MySQLSelectForUpdateBasedProxyManager<String> store;

        ExpiredBuckets(MySQLSelectForUpdateBasedProxyManager<String> store) {
            this.store = store;
        }

        @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
        void removeExpired() {
            if (store == null) {
                return;
            }
            try {
                int removed;
                do {
                    removed = store.removeExpired(BATCH);
                } while (removed == BATCH);
            } catch (RuntimeException e) {
                LOG.warn("expired rate-limit buckets not removed this time: {}", e.toString());
            }
        }
    }
}

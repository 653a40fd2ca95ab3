package cn.hrss.zcrd.shared.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.zcrd.shared.RateLimit;
import cn.hrss.zcrd.shared.RateLimits;
import cn.hrss.zcrd.support.IntegrationTest;
import cn.hrss.zcrd.support.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two application nodes share one budget: the application's limits (node A) and a second set of limits built the
 * same way on a connection pool of its own (node B, as another JVM would have) take tokens of one key at once;
 * together they get exactly the capacity — the database is the arbiter. A node-scoped limit is each node's own.
 */
@IntegrationTest
class SharedBucketStoreIT {

    @Autowired
    RateLimits nodeA;

    @Autowired
    RateLimitProperties properties;

    @Test
    void twoNodesRacingOnOneKeyGetOneBudget() throws Exception {
        assertThat(properties.store()).isEqualTo(RateLimitProperties.Store.DATABASE);
        int capacity = properties.rules().get("verification").capacity();
        String key = "10.90." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);
        try (HikariDataSource poolOfB = new HikariDataSource()) {
            poolOfB.setJdbcUrl(TestDatabase.url());
            poolOfB.setUsername(TestDatabase.user());
            poolOfB.setPassword(TestDatabase.password());
            poolOfB.setMaximumPoolSize(4);
            RateLimits nodeB = new Bucket4jRateLimits(
                    properties,
                    RateLimitConfiguration.inDatabase(poolOfB),
                    RateLimitConfiguration.inMemory(properties));
            RateLimit onA = nodeA.named("verification");
            RateLimit onB = nodeB.named("verification");

            AtomicInteger allowed = new AtomicInteger();
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<?>> takers = new ArrayList<>();
            for (int thread = 0; thread < 8; thread++) {
                RateLimit limit = thread % 2 == 0 ? onA : onB;
                takers.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 5; i++) {
                        if (limit.tryTake(key).allowed()) {
                            allowed.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> taker : takers) {
                taker.get(2, TimeUnit.MINUTES);
            }
            pool.shutdown();

            // 40 tries over two nodes within seconds: the capacity, and the refill of those seconds at most
            assertThat(allowed.get()).isBetween(capacity, capacity + 2);
            RateLimit.Decision next = onB.tryTake(key);
            assertThat(next.allowed()).isFalse();
            assertThat(next.retryAfterSeconds()).isPositive();
            // a node-scoped limit is not shared: B's own memory has a full bucket for the key
            assertThat(nodeB.named("anonymous-session").tryTake(key).allowed()).isTrue();
        }
    }
}

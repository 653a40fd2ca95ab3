package cn.hrss.zcrd.shared;

/**
 * "Limit this key": the configured budgets by name (Bucket4j token buckets). Each use names its own limit under
 * {@code zcrd.limits.rules.<name>} (capacity, refill per period, scope); asking for a name that is not configured
 * fails at start-up, where the caller takes its handle.
 *
 * <p>A limit of scope {@code shared} lives in the store all application nodes share ({@code zcrd.limits.store:
 * database}: a table in the platform database, checked and updated with {@code SELECT … FOR UPDATE}, so the
 * database is the arbiter of one budget across nodes); scope {@code node} counts what each node holds for itself
 * (e.g. its HTTP sessions) in memory. With {@code store: memory} (the H2 database of {@code ops/run}) every
 * limit is kept in memory.
 */
public interface RateLimits {

    /**
     * The limit configured as {@code zcrd.limits.rules.<name>}.
     *
     * @throws IllegalStateException when there is no such limit
     */
    RateLimit named(String name);
}

package cn.hrss.zcrd.shared;

import java.io.InputStream;
import java.lang.reflect.Method;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Set;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.resilience.retry.MethodRetryPredicate;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Which database failures a whole transaction may simply be run again after (docs/operations-cluster.md, "Retry
 * rules"). Behind HAProxy's database front one Galera node writes at a time; two things interrupt a transaction that
 * did nothing wrong:
 *
 * <ul>
 *   <li>a <b>conflict</b>: Galera's certification failed (error 1213, "WSREP detected deadlock/conflict"), a lock wait
 *   timed out (1205), or the node is not ready yet (1047, "WSREP has not yet prepared node"). The transaction was
 *   rolled back: running it again is always safe;</li>
 *   <li>a <b>lost connection</b> (the writing node died, HAProxy cut its sessions and moves new ones to the next
 *   node): safe to run again when it was lost before the commit (nothing was committed); lost <i>at</i> the commit,
 *   the outcome is unknown, so only work that is idempotent (or checks what is already stored, as the issuance job
 *   does) runs again.</li>
 * </ul>
 *
 * Retries wait 0.2 s, doubling to at most 2 s, ten times (about 15 s: HAProxy marks a node down after 2 s, Galera
 * re-forms its primary component within its suspect timeout of 5 s).
 */
public final class DatabaseFailover {

    /** Retries after the first attempt. */
    public static final long MAX_RETRIES = 10;

    public static final long FIRST_DELAY_MILLIS = 200;
    public static final long MAX_DELAY_MILLIS = 2000;

    /** MariaDB's deadlock (Galera certification failure), lock wait timeout, node not ready, connection killed. */
    private static final Set<Integer> CONFLICT_CODES = Set.of(1213, 1205, 1047, 1927);

    private DatabaseFailover() {}

    /** Galera rolled the transaction back (certification conflict, lock wait, node not ready): always re-runnable. */
    public static boolean conflict(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                if (CONFLICT_CODES.contains(sql.getErrorCode())) {
                    return true;
                }
                String message = sql.getMessage();
                if (message != null && message.contains("WSREP")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The connection to the database broke or none could be had (SQL state class 08, a failed transaction start). */
    public static boolean connectionLost(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CannotCreateTransactionException
                    || t instanceof SQLRecoverableException
                    || t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    /** Whether the failure came from committing (its outcome unknown when the connection was lost there). */
    public static boolean atCommit(Throwable failure) {
        if (failure instanceof TransactionSystemException) {
            return true;
        }
        for (StackTraceElement frame : failure.getStackTrace()) {
            if (frame.getMethodName().equals("doCommit") && frame.getClassName().endsWith("TransactionManager")) {
                return true;
            }
        }
        return false;
    }

    /** Safe to run a transaction of any kind again: a conflict, or a connection lost before the commit. */
    public static boolean rerunnable(Throwable failure) {
        return conflict(failure) || (connectionLost(failure) && !atCommit(failure));
    }

    /** Safe to run an idempotent transaction again: a conflict or a lost connection, also at the commit. */
    public static boolean rerunnableIfIdempotent(Throwable failure) {
        return conflict(failure) || connectionLost(failure);
    }

    /**
     * A retry template for work that is idempotent (or first checks what a lost commit may have stored): each {@code
     * invoke} runs the whole transaction again after a conflict or a lost connection.
     */
    public static RetryTemplate idempotentRetry() {
        return new RetryTemplate(RetryPolicy.builder()
                .predicate(DatabaseFailover::rerunnableIfIdempotent)
                .maxRetries(MAX_RETRIES)
                .delay(Duration.ofMillis(FIRST_DELAY_MILLIS))
                .multiplier(2)
                .maxDelay(Duration.ofMillis(MAX_DELAY_MILLIS))
                .build());
    }

    /**
     * For {@code @Retryable(predicate = DatabaseFailover.Rerunnable.class, ...)} on a transactional service (the retry
     * advice wraps the transaction's, so each attempt is a whole new transaction): {@link #rerunnable}, except for a
     * method that reads a stream (an upload), which a second attempt would find consumed.
     */
    public static final class Rerunnable implements MethodRetryPredicate {
        @Override
        public boolean shouldRetry(Method method, Throwable failure) {
            for (Class<?> parameter : method.getParameterTypes()) {
                if (InputStream.class.isAssignableFrom(parameter)) {
                    return false;
                }
            }
            return rerunnable(failure);
        }
    }
}

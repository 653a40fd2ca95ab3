package cn.hrss.zcrd.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

class DatabaseFailoverTest {

    static SQLException certificationConflict() {
        return new SQLException(
                "WSREP detected deadlock/conflict and aborted the transaction. Try restarting the transaction",
                "40001",
                1213);
    }

    static SQLException lost() {
        return new SQLException("Communications link failure", "08S01", 0);
    }

    @Test
    void aGaleraConflictIsAlwaysRunAgain() {
        var failure = new CannotAcquireLockException("update", certificationConflict());
        assertThat(DatabaseFailover.rerunnable(failure)).isTrue();
        assertThat(DatabaseFailover.rerunnable(new TransactionSystemException("commit", certificationConflict())))
                .as("certification fails at the commit: rolled back, safe")
                .isTrue();
        assertThat(DatabaseFailover.rerunnable(new SQLException("Lock wait timeout exceeded", "HY000", 1205)))
                .isTrue();
        assertThat(DatabaseFailover.rerunnable(
                        new SQLException("WSREP has not yet prepared node for application use", "08S01", 1047)))
                .isTrue();
    }

    @Test
    void aConnectionLostBeforeTheCommitIsRunAgainAtTheCommitOnlyWhenIdempotent() {
        var beforeCommit = new DataAccessResourceFailureException("select", lost());
        assertThat(DatabaseFailover.rerunnable(beforeCommit)).isTrue();
        assertThat(DatabaseFailover.rerunnable(new CannotCreateTransactionException("no connection", lost())))
                .isTrue();

        var atCommit = new TransactionSystemException("Could not commit JPA transaction", lost());
        assertThat(DatabaseFailover.rerunnable(atCommit)).as("outcome unknown").isFalse();
        assertThat(DatabaseFailover.rerunnableIfIdempotent(atCommit)).isTrue();
    }

    @Test
    void whatTheUserDidWrongIsNeverRunAgain() {
        var duplicate = new DataIntegrityViolationException(
                "insert", new SQLIntegrityConstraintViolationException("Duplicate entry", "23000", 1062));
        assertThat(DatabaseFailover.rerunnableIfIdempotent(duplicate)).isFalse();
        assertThat(DatabaseFailover.rerunnableIfIdempotent(new IllegalStateException("no seal")))
                .isFalse();
    }

    @Test
    void theIdempotentRetryRunsTheWorkAgainUntilItSucceeds() {
        AtomicInteger attempts = new AtomicInteger();
        String result = DatabaseFailover.idempotentRetry().invoke(() -> {
            if (attempts.incrementAndGet() < 3) {
                throw new DataAccessResourceFailureException("lost", lost());
            }
            return "stored";
        });
        assertThat(result).isEqualTo("stored");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void anUploadIsNotReadTwice() throws Exception {
        var predicate = new DatabaseFailover.Rerunnable();
        var failure = new DataAccessResourceFailureException("select", lost());
        assertThat(predicate.shouldRetry(Uploads.class.getMethod("save", long.class), failure))
                .isTrue();
        assertThat(predicate.shouldRetry(Uploads.class.getMethod("upload", long.class, InputStream.class), failure))
                .isFalse();
    }

    interface Uploads {
        void save(long id);

        void upload(long id, InputStream content);
    }
}

package cn.hrss.zcrd.audit.internal;

import cn.hrss.zcrd.audit.AuditChain;
import cn.hrss.zcrd.audit.AuditEntry;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends audit rows to the hash chain. The sequence number and previous hash come from the one chain-head row,
 * read with {@code SELECT … FOR UPDATE} and advanced in the same transaction as the insert: whichever node
 * appends, the next one waits for that transaction to end, so the chain has no gap, no fork, and follows the
 * commit order; a rolled-back transaction takes its numbers back with it.
 *
 * <p>A row recorded inside a business transaction is <em>not</em> inserted when recorded: it waits for the
 * transaction's {@code beforeCommit} (after everything else of the transaction was flushed) and is chained there,
 * so the chain head is held only while that transaction commits — a long business transaction (an issuance chunk,
 * a batch) does not hold up every other node's audit rows. It is still written in that transaction: the row
 * commits exactly when the action does.
 *
 * <p>{@code occurred_at} holds UTC wall-clock time; the chain hashes that stored value.
 */
@Component
public class AuditChainWriter {

    private static final Logger log = LoggerFactory.getLogger(AuditChainWriter.class);

    static final String INSERT = "INSERT INTO audit_record (occurred_at, actor_kind, actor_account_id, actor_login,"
            + " authenticated_by, client_address, action_code, target_type, target_id, outcome, detail, seq,"
            + " prev_hash, row_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final JdbcTemplate jdbc;
    /** Absent where a node writes without JPA (nothing to flush then). */
    private final EntityManagerFactory entityManagers;

    private final TransactionTemplate ownTransaction;

    AuditChainWriter(
            JdbcTemplate jdbc,
            ObjectProvider<EntityManagerFactory> entityManagers,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.entityManagers = entityManagers.getIfAvailable();
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Written in the caller's read-write transaction, chained as it commits (rolled back with it). */
    public void appendWithinCurrentTransaction(AuditEntry entry, Instant at) {
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            pending = new Pending();
            TransactionSynchronizationManager.bindResource(this, pending);
            TransactionSynchronizationManager.registerSynchronization(new ChainOnCommit(pending));
        }
        if (pending.headLocked) {
            // recorded by something that runs after the chain step while committing: this transaction holds the head
            append(List.of(new Unchained(entry, at)));
        } else {
            pending.rows.add(new Unchained(entry, at));
        }
    }

    /** Committed on return in a transaction of its own, whatever becomes of the caller's transaction. */
    public void appendInOwnTransaction(AuditEntry entry, Instant at) {
        if (TransactionSynchronizationManager.getResource(this) instanceof Pending pending && pending.headLocked) {
            // this thread's transaction holds the chain head while committing: a new transaction would wait for it
            append(List.of(new Unchained(entry, at)));
            return;
        }
        ownTransaction.executeWithoutResult(status -> append(List.of(new Unchained(entry, at))));
    }

    /** Locks the head, inserts {@code rows} after it, moves it on; in the current transaction. */
    private void append(List<Unchained> rows) {
        Head head = jdbc.queryForObject(
                "SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE",
                (rs, i) -> new Head(rs.getLong(1), rs.getString(2)));
        if (head == null) {
            throw new IllegalStateException("audit chain head missing (migration V40)");
        }
        long seq = head.seq();
        String prev = head.hash();
        List<Hashed> links = new ArrayList<>(rows.size());
        for (Unchained row : rows) {
            AuditChain.Link link = row.link(++seq, prev);
            prev = link.hash();
            links.add(new Hashed(link, prev));
        }
        jdbc.batchUpdate(INSERT, links, links.size(), (PreparedStatement ps, Hashed hashed) -> {
            AuditChain.Link link = hashed.link();
            // as text: Connector/J drops the fraction of a LocalDateTime parameter for a server that reports
            // itself as 5.5.5 (MariaDB), and the chain hashes the microseconds
            ps.setString(1, AuditChain.timeText(link.occurredAt()).replace('T', ' '));
            ps.setString(2, link.actorKind());
            if (link.actorAccountId() == null) {
                ps.setNull(3, Types.BIGINT);
            } else {
                ps.setLong(3, link.actorAccountId());
            }
            ps.setString(4, link.actorLogin());
            ps.setString(5, link.authenticatedBy());
            ps.setString(6, link.clientAddress());
            ps.setString(7, link.action());
            ps.setString(8, link.targetType());
            ps.setString(9, link.targetId());
            ps.setString(10, link.outcome());
            ps.setString(11, link.detail());
            ps.setLong(12, link.seq());
            ps.setString(13, link.prevHash());
            ps.setString(14, hashed.hash());
        });
        jdbc.update("UPDATE audit_chain_head SET last_seq = ?, last_hash = ? WHERE id = 1", seq, prev);
    }

    private record Head(long seq, String hash) {}

    private record Hashed(AuditChain.Link link, String hash) {}

    /** An entry with its time, not yet given its place in the chain. */
    private record Unchained(AuditEntry entry, Instant at) {

        AuditChain.Link link(long seq, String prevHash) {
            return new AuditChain.Link(
                    seq,
                    LocalDateTime.ofInstant(at, ZoneOffset.UTC),
                    entry.actor().kind().name(),
                    entry.actor().accountId(),
                    entry.actor().loginName(),
                    entry.actor().authenticatedBy().name(),
                    entry.clientAddress(),
                    entry.action(),
                    entry.target() == null ? null : entry.target().type(),
                    entry.target() == null ? null : entry.target().id(),
                    entry.outcome().name(),
                    entry.detail(),
                    prevHash);
        }
    }

    /** The rows a transaction recorded, and whether it already holds the chain head. */
    private static final class Pending {
        final List<Unchained> rows = new ArrayList<>();
        boolean headLocked;
    }

    /** Chains a transaction's rows as it commits; the last step before the commit itself. */
    private final class ChainOnCommit implements TransactionSynchronization {

        private final Pending pending;

        ChainOnCommit(Pending pending) {
            this.pending = pending;
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            // the business writes first, so no row lock of theirs is awaited while the chain head is held
            EntityManager entityManager = entityManagers == null
                    ? null
                    : EntityManagerFactoryUtils.getTransactionalEntityManager(entityManagers);
            if (entityManager != null) {
                entityManager.flush();
            }
            pending.headLocked = true;
            chainPending();
        }

        /**
         * A row recorded while the transaction was already committing (by another synchronization's
         * {@code beforeCommit}, e.g. a {@code BEFORE_COMMIT} event listener) registered this synchronization too
         * late for {@code beforeCommit}; it is chained here, still inside the transaction. On a rollback the rows
         * go with it.
         */
        @Override
        public void beforeCompletion() {
            try {
                chainPending();
            } catch (RuntimeException e) {
                // Spring only logs what beforeCompletion throws; say what it means
                log.error("Audit rows recorded while committing could not be chained; the transaction goes on", e);
                throw e;
            }
        }

        private void chainPending() {
            if (!pending.rows.isEmpty()) {
                pending.headLocked = true;
                append(List.copyOf(pending.rows));
                pending.rows.clear();
            }
        }

        @Override
        public void suspend() {
            TransactionSynchronizationManager.unbindResource(AuditChainWriter.this);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(AuditChainWriter.this, pending);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(AuditChainWriter.this);
        }
    }
}

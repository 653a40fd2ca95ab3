package cn.hrss.zcrd.audit;

import cn.hrss.zcrd.audit.internal.AuditAccess;
import cn.hrss.zcrd.audit.internal.AuditChainWriter;
import cn.hrss.zcrd.audit.internal.AuditRows;
import cn.hrss.zcrd.audit.internal.AuditScope;
import java.time.Clock;
import java.time.Instant;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The append-only audit trail: {@link #record} adds a row, {@link #search} pages through them for a system admin.
 * There is deliberately no way to change or remove a row.
 *
 * <p>Which transaction a row is written in:
 * <ul>
 *   <li>a <b>success</b> recorded inside a read-write transaction is written <em>in</em> that transaction: it
 *   commits exactly when the action commits. A committed action therefore always has its row (no window between
 *   the business commit and a later audit write, as an after-commit write would have), and an action that is
 *   rolled back leaves no success row behind. If the row cannot be written, the action fails with it. The row is
 *   given its place in the hash chain as that transaction commits ({@link AuditChainWriter});</li>
 *   <li>a <b>refusal</b>, and anything recorded outside a transaction (logins) or inside a read-only one, is
 *   written at once in a transaction of its own ({@code REQUIRES_NEW}): it stays when the caller's transaction
 *   rolls back, which is what usually follows a refusal.</li>
 * </ul>
 */
@Service
public class AuditTrail {

    /** The most rows one page may hold. */
    public static final int MAX_PAGE_SIZE = 200;

    private final AuditRows rows;
    private final AuditChainWriter chain;
    private final Clock clock;
    private final AuditScope scope;

    AuditTrail(AuditRows rows, AuditChainWriter chain, Clock clock, AuditScope scope) {
        this.rows = rows;
        this.chain = chain;
        this.clock = clock;
        this.scope = scope;
    }

    /** Adds {@code entry} with the current time; see the class comment for the transaction it is written in. */
    public void record(AuditEntry entry) {
        Instant now = clock.instant();
        if (entry.outcome() == AuditOutcome.SUCCESS && inReadWriteTransaction()) {
            chain.appendWithinCurrentTransaction(entry, now);
        } else {
            chain.appendInOwnTransaction(entry, now);
        }
    }

    /**
     * One page (from 0) of the rows matching {@code filter}, newest first, paged in the database; a city's admin
     * gets only its region's rows ({@link AuditScope}).
     *
     * @throws org.springframework.security.access.AccessDeniedException unless a system admin is signed in
     */
    public Page<AuditRecord> search(AuditQuery filter, int page, int size) {
        AuditAccess.requireSystemAdmin();
        return rows.page(scope.apply(filter), Math.max(page, 0), Math.min(Math.max(size, 1), MAX_PAGE_SIZE));
    }

    /**
     * At most {@code size} (up to {@link #MAX_PAGE_SIZE}) rows that follow {@code last} (null: the newest) in
     * {@link #search}'s order and scope, keyset-paged and without the count a page carries (an export reads page
     * after page).
     *
     * @throws org.springframework.security.access.AccessDeniedException unless a system admin is signed in
     */
    public java.util.List<AuditRecord> rowsAfter(AuditQuery filter, AuditRecord last, int size) {
        AuditAccess.requireSystemAdmin();
        return rows.rowsAfter(scope.apply(filter), last, Math.min(Math.max(size, 1), MAX_PAGE_SIZE));
    }

    /**
     * How many rows match {@code filter}.
     *
     * @throws org.springframework.security.access.AccessDeniedException unless a system admin is signed in
     */
    public long count(AuditQuery filter) {
        AuditAccess.requireSystemAdmin();
        return rows.count(scope.apply(filter));
    }

    private static boolean inReadWriteTransaction() {
        return TransactionSynchronizationManager.isActualTransactionActive()
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly();
    }
}

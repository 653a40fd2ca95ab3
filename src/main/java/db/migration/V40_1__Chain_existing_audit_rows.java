package db.migration;

import cn.hrss.zcrd.audit.AuditChain;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Chains the audit rows written before the chain existed, in id order (the order they were inserted), and sets the
 * chain head to the last of them. Java because SQL has no portable SHA-256 over the canonical encoding; it runs once,
 * with the migration account (the only time audit rows are updated).
 */
public class V40_1__Chain_existing_audit_rows extends BaseJavaMigration {

    private static final int BATCH = 500;

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        long seq = 0;
        String prev = AuditChain.GENESIS;
        try (Statement select = connection.createStatement();
                ResultSet rows = select.executeQuery(
                        "SELECT id, occurred_at, actor_kind, actor_account_id, actor_login, authenticated_by,"
                                + " client_address, action_code, target_type, target_id, outcome, detail"
                                + " FROM audit_record ORDER BY id");
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE audit_record SET seq = ?, prev_hash = ?, row_hash = ? WHERE id = ?")) {
            int pending = 0;
            while (rows.next()) {
                seq++;
                long accountId = rows.getLong(4);
                Long account = rows.wasNull() ? null : accountId;
                AuditChain.Link link = new AuditChain.Link(
                        seq,
                        rows.getObject(2, LocalDateTime.class),
                        rows.getString(3),
                        account,
                        rows.getString(5),
                        rows.getString(6),
                        rows.getString(7),
                        rows.getString(8),
                        rows.getString(9),
                        rows.getString(10),
                        rows.getString(11),
                        rows.getString(12),
                        prev);
                String hash = link.hash();
                update.setLong(1, seq);
                update.setString(2, prev);
                update.setString(3, hash);
                update.setLong(4, rows.getLong(1));
                update.addBatch();
                prev = hash;
                if (++pending == BATCH) {
                    update.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                update.executeBatch();
            }
        }
        try (PreparedStatement head =
                connection.prepareStatement("UPDATE audit_chain_head SET last_seq = ?, last_hash = ? WHERE id = 1")) {
            head.setLong(1, seq);
            head.setString(2, prev);
            head.executeUpdate();
        }
    }
}

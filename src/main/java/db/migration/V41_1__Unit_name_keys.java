package db.migration;

import cn.hrss.zcrd.unit.UnitNameKey;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Fills {@code unit.name_key} for the units registered before names were unique (oldest first) and adds the unique
 * index. Java because the key (NFKC and bracket folding) has no portable SQL.
 */
public class V41_1__Unit_name_keys extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Set<String> taken = new HashSet<>();
        try (Statement select = context.getConnection().createStatement();
                ResultSet units = select.executeQuery("SELECT id, name FROM unit ORDER BY id");
                PreparedStatement update =
                        context.getConnection().prepareStatement("UPDATE unit SET name_key = ? WHERE id = ?")) {
            while (units.next()) {
                long id = units.getLong(1);
                String key = UnitNameKey.of(units.getString(2));
                update.setString(1, taken.add(key) ? key : key + "#" + id);
                update.setLong(2, id);
                update.addBatch();
            }
            update.executeBatch();
        }
        try (Statement index = context.getConnection().createStatement()) {
            index.execute("CREATE UNIQUE INDEX uk_unit_name_key ON unit (name_key)");
        }
    }
}

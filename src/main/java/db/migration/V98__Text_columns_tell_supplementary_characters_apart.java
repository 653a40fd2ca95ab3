package db.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * MariaDB/MySQL: every text column in {@code utf8mb4_unicode_ci}. The tables created with {@code DEFAULT
 * CHARSET=utf8mb4} and no collation got the character set's default, {@code utf8mb4_general_ci}, which compares
 * every supplementary-plane character equal to every other (all weigh as U+FFFD): a search for 王𠀾 found 王𫠠 too,
 * and names of CJK Extension B–G characters are common. The database default becomes the same collation, so tables
 * created later have it too; the tables that had another collation are converted (their text stays as it is). H2
 * (the dev database) compares Java strings and needs nothing. Java because the tables are found at run time.
 */
public class V98__Text_columns_tell_supplementary_characters_apart extends BaseJavaMigration {

    private static final String COLLATION = "utf8mb4_unicode_ci";

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT);
        if (!product.contains("mariadb") && !product.contains("mysql")) {
            return;
        }
        List<String> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT DISTINCT c.table_name FROM information_schema.columns c"
                        + " JOIN information_schema.tables t ON t.table_schema = c.table_schema"
                        + " AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'"
                        + " WHERE c.table_schema = DATABASE() AND c.collation_name IS NOT NULL"
                        + " AND c.collation_name <> '" + COLLATION + "' AND c.table_name NOT LIKE 'flyway%'"
                        + " ORDER BY c.table_name")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER DATABASE CHARACTER SET utf8mb4 COLLATE " + COLLATION);
            statement.execute("SET foreign_key_checks = 0"); // text columns in a key change on both sides
            for (String table : tables) {
                if (!table.matches("[A-Za-z0-9_]+")) {
                    throw new IllegalStateException("Unexpected table name: " + table);
                }
                statement.execute("ALTER TABLE `" + table + "` CONVERT TO CHARACTER SET utf8mb4 COLLATE " + COLLATION);
            }
            statement.execute("SET foreign_key_checks = 1");
        }
    }
}

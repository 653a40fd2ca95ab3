package db.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * MariaDB/MySQL: text columns in {@code utf8mb4_unicode_ci}. The tables created with {@code DEFAULT CHARSET=utf8mb4}
 * and no collation got the character set's default, {@code utf8mb4_general_ci}, which weighs every
 * supplementary-plane character alike (as U+FFFD): a search for 王𠀾 found 王𫠠 too, and names with CJK Extension
 * B–G characters are common. Every such column is changed (its type, nullability and default kept) except the
 * columns of foreign keys (codes of ASCII characters; MariaDB refuses to change one side of a key alone); the tables'
 * and the database's defaults become the same collation, so later columns have it too. H2 (the dev database)
 * compares Java strings and needs nothing. Java because the columns are found at run time.
 */
public class V98__Text_columns_tell_supplementary_characters_apart extends BaseJavaMigration {

    private static final String COLLATION = "utf8mb4_unicode_ci";

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (!product.contains("mariadb") && !product.contains("mysql")) {
            return;
        }
        Map<String, List<String>> changes = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT c.table_name, c.column_name, c.column_type,"
                        + " c.is_nullable, c.column_default FROM information_schema.columns c"
                        + " JOIN information_schema.tables t ON t.table_schema = c.table_schema"
                        + " AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'"
                        + " WHERE c.table_schema = DATABASE() AND c.collation_name IS NOT NULL"
                        + " AND c.collation_name <> '" + COLLATION + "' AND c.table_name NOT LIKE 'flyway%'"
                        + " AND c.extra NOT LIKE '%GENERATED%'"
                        + " AND NOT EXISTS (SELECT 1 FROM information_schema.key_column_usage k"
                        + " WHERE k.table_schema = c.table_schema AND k.referenced_table_name IS NOT NULL"
                        + " AND ((k.table_name = c.table_name AND k.column_name = c.column_name)"
                        + " OR (k.referenced_table_name = c.table_name AND k.referenced_column_name = c.column_name)))"
                        + " ORDER BY c.table_name, c.ordinal_position")) {
            while (rows.next()) {
                String table = identifier(rows.getString(1));
                String definition = "MODIFY COLUMN `" + identifier(rows.getString(2)) + "` " + rows.getString(3)
                        + " CHARACTER SET utf8mb4 COLLATE " + COLLATION
                        + ("NO".equals(rows.getString(4)) ? " NOT NULL" : " NULL")
                        + defaultClause(rows.getString(5));
                changes.computeIfAbsent(table, t -> new ArrayList<>()).add(definition);
            }
        }
        List<String> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT table_name FROM information_schema.tables"
                        + " WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'"
                        + " AND table_collation <> '" + COLLATION + "' AND table_name NOT LIKE 'flyway%'")) {
            while (rows.next()) {
                tables.add(identifier(rows.getString(1)));
            }
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER DATABASE CHARACTER SET utf8mb4 COLLATE " + COLLATION);
            for (Map.Entry<String, List<String>> table : changes.entrySet()) {
                statement.execute("ALTER TABLE `" + table.getKey() + "` " + String.join(", ", table.getValue()));
            }
            for (String table : tables) {
                statement.execute("ALTER TABLE `" + table + "` DEFAULT CHARACTER SET utf8mb4 COLLATE " + COLLATION);
            }
        }
    }

    /** MariaDB's information_schema gives a text default quoted ('x'), NULL as the word NULL. */
    private static String defaultClause(String columnDefault) {
        if (columnDefault == null || columnDefault.equalsIgnoreCase("NULL")) {
            return "";
        }
        return " DEFAULT " + columnDefault;
    }

    private static String identifier(String name) {
        if (!name.matches("[A-Za-z0-9_]+")) {
            throw new IllegalStateException("Unexpected identifier: " + name);
        }
        return name;
    }
}

package cn.hrss.zcrd.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A fresh MariaDB/MySQL database for this test run, created on first use and dropped when the JVM ends.
 * Server and account come from {@code ZCRD_TEST_DB_URL}, {@code ZCRD_TEST_DB_USER}, {@code ZCRD_TEST_DB_PASSWORD}
 * (set by {@code ops/test}; defaults: root without password on 127.0.0.1:3306).
 */
public final class TestDatabase {

    private static final String SERVER_URL = env("ZCRD_TEST_DB_URL", "jdbc:mysql://127.0.0.1:3306/");
    private static final String USER = env("ZCRD_TEST_DB_USER", "root");
    private static final String PASSWORD = env("ZCRD_TEST_DB_PASSWORD", "");
    private static volatile String name;

    private TestDatabase() {}

    public static synchronized String url() {
        if (name == null) {
            name = "zcrd_test_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss")) + "_"
                    + ThreadLocalRandom.current().nextInt(1000, 10000);
            execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            if (System.getenv("ZCRD_TEST_KEEP_DB") == null) {
                Runtime.getRuntime()
                        .addShutdownHook(new Thread(() -> execute("DROP DATABASE IF EXISTS `" + name + "`")));
            }
        }
        return SERVER_URL + name
                + "?useUnicode=true&characterEncoding=UTF-8&connectionTimeZone=LOCAL&rewriteBatchedStatements=true";
    }

    public static String user() {
        return USER;
    }

    public static String password() {
        return PASSWORD;
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(SERVER_URL, USER, PASSWORD);
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Test database server " + SERVER_URL + " as " + USER
                            + " not usable (ops/test starts MariaDB and creates the account): " + e.getMessage(),
                    e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}

package cn.hrss.zcrd.audit;

import cn.hrss.zcrd.account.BackOfficeRole;
import cn.hrss.zcrd.audit.internal.AuditExport;
import cn.hrss.zcrd.support.BackOfficeStaff;
import cn.hrss.zcrd.support.IntegrationTest;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Not a test: run by {@code ops/bench/export} (with {@code -Xmx256m} unless told otherwise). Inserts
 * {@code bench.rows} (100,000) audit rows with one bulk SQL statement, then exports them as the audit page's 导出Excel
 * does — {@link AuditExport}'s columns and page query (system admin, the page's filter) through the shared
 * streaming {@code XlsxExport} — into a file, and prints the time, the rows, the file size and the heap's peak.
 */
@IntegrationTest
class ExportBenchmark {

    static final int ROWS = Integer.getInteger("bench.rows", 100_000);

    @Autowired
    BackOfficeStaff staff;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AuditExport export;

    @Test
    void auditExportOf100000Rows() throws Exception {
        long start = System.nanoTime();
        // rows outside the hash chain (seq null): this run's database is thrown away afterwards
        jdbc.update("insert into audit_record (occurred_at, actor_kind, actor_account_id, actor_login, "
                + "authenticated_by, client_address, action_code, target_type, target_id, outcome, detail) "
                + "select now(6) - interval seq second, 'BACK_OFFICE', 1 + seq % 50, concat('bench-', seq % 50), "
                + "'UKEY', concat('10.0.', seq % 250, '.', seq % 200), 'BENCH_EXPORT', 'DECLARATION', seq, "
                + "'SUCCESS', concat('role=SYSTEM_ADMIN; subject=CN=基准', seq, ',O=济南市人社局,C=CN') "
                + "from seq_1_to_" + ROWS);
        System.out.printf(
                "%nBENCH export: inserted %,d audit rows in %.1f s%n", ROWS, (System.nanoTime() - start) / 1e9);

        staff.regional(BackOfficeRole.SYSTEM_ADMIN, "370000", "基准导出管理员").signIn();
        ResourceBundle bundle = ResourceBundle.getBundle("messages.messages", Locale.SIMPLIFIED_CHINESE);
        UnaryOperator<String> labels = key -> bundle.containsKey(key) ? bundle.getString(key) : null;
        AuditQuery query = AuditQuery.all().withAction("BENCH_EXPORT");

        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .toList();
        System.gc();
        long before = heap.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        Path file = Files.createTempFile("audit-export", ".xlsx");
        long t = System.nanoTime();
        long rows;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            rows = export.columns(labels).write(out, labels, export.pages(query));
        }
        double seconds = (System.nanoTime() - t) / 1e9;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        System.out.printf(
                "BENCH export: %,d rows in %.1f s (%,.0f rows/s), file %,d KB%n",
                rows, seconds, rows / seconds, Files.size(file) >> 10);
        System.out.printf(
                "BENCH export: heap before %,d MB, peak during the export %,d MB (sum of pool peaks), max heap %,d MB%n",
                before >> 20, peak >> 20, Runtime.getRuntime().maxMemory() >> 20);
        Files.delete(file);
        if (rows != ROWS) {
            throw new AssertionError("exported " + rows + " of " + ROWS + " rows");
        }
    }
}

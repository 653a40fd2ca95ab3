package cn.hrss.zcrd.shared;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.function.UnaryOperator;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

/**
 * The one way a query list becomes an Excel file (.xlsx): column definitions (header message key, width, value of
 * a row) and the list's own query, read page after page (keyset-paged: each page after the previous page's last
 * row) with the list's filters and the signed-in user's scope — so an export holds exactly what the list could
 * show, and never the whole result in memory. Apache POI's streaming workbook keeps {@link #ROW_WINDOW} rows in
 * memory and the rest in a compressed temporary file, deleted when the file is written. Text (names, ID numbers,
 * certificate numbers) is written as text, never as a number; dates come formatted by {@link BusinessTime}. The
 * header row is bold and frozen.
 *
 * @param <T> the list's row type
 */
public final class XlsxExport<T> {

    /** The MIME type of an .xlsx file. */
    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** Rows kept in memory while writing. */
    static final int ROW_WINDOW = 100;

    /** Rows asked of the list's page query at once (every list's page query takes at least this many). */
    public static final int PAGE_SIZE = 100;

    /** Data rows a sheet can hold below its header. */
    public static final int MAX_ROWS = SpreadsheetVersion.EXCEL2007.getMaxRows() - 1;

    /**
     * The list's page query, keyset-paged: the rows that follow {@code last} (null: the first rows) in the list's
     * order, at most {@code size}. Each page is found from the previous page's last row (see {@link Keyset}), never
     * by counting rows off with OFFSET, so a long export costs each page about the same.
     */
    @FunctionalInterface
    public interface Pages<T> {
        List<T> after(T last, int size);

        /** A list the service already gives whole (a short one), in pages. */
        static <T> Pages<T> of(List<T> rows) {
            return (last, size) -> {
                int from = 0;
                if (last != null) {
                    // the row given last, by identity: two equal rows are still two rows
                    while (from < rows.size() && rows.get(from) != last) {
                        from++;
                    }
                    from++;
                }
                return rows.subList(Math.min(from, rows.size()), Math.min(from + size, rows.size()));
            };
        }
    }

    /**
     * One column.
     *
     * @param headerKey the message key of the list's own column label
     * @param width     in characters
     * @param value     the cell of a row: a {@link Number} becomes a number cell, anything else text ("" for none)
     */
    public record Column<T>(String headerKey, int width, Function<T, ?> value) {

        /** A text column (also for ID numbers and certificate numbers: they stay text). */
        public static <T> Column<T> text(String headerKey, int width, Function<T, String> value) {
            return new Column<>(headerKey, width, value);
        }

        /** A number column (counts, years). */
        public static <T> Column<T> number(String headerKey, int width, Function<T, ? extends Number> value) {
            return new Column<>(headerKey, width, value);
        }
    }

    private final List<Column<T>> columns;

    private XlsxExport(List<Column<T>> columns) {
        this.columns = List.copyOf(columns);
    }

    @SafeVarargs
    public static <T> XlsxExport<T> of(Column<T>... columns) {
        return new XlsxExport<>(List.of(columns));
    }

    public List<Column<T>> columns() {
        return columns;
    }

    /**
     * The download of a list page's 导出Excel button (a {@code p:fileDownload} of a non-ajax button): named
     * {@code <list name>_<business date>.xlsx} (PrimeFaces sends it as an RFC 5987 UTF-8 file name), headers from
     * the message bundle, written while the response is sent.
     *
     * @param listNameKey message key of the list's name
     * @param afterExport told the number of rows written (the back office audits it); may be null
     */
    public StreamedContent download(String listNameKey, BusinessTime time, Pages<T> pages, LongConsumer afterExport) {
        String fileName = FacesMessages.text(listNameKey) + "_" + time.date(time.today()) + ".xlsx";
        List<String> headers =
                columns.stream().map(c -> FacesMessages.text(c.headerKey())).toList();
        return DefaultStreamedContent.builder()
                .name(fileName)
                .contentType(CONTENT_TYPE)
                .writer(out -> {
                    long rows = write(out, headers, pages);
                    if (afterExport != null) {
                        afterExport.accept(rows);
                    }
                })
                .build();
    }

    /** Writes the workbook (headers resolved through {@code header}) to {@code out}; the number of data rows. */
    public long write(OutputStream out, UnaryOperator<String> header, Pages<T> pages) {
        return write(out, columns.stream().map(c -> header.apply(c.headerKey())).toList(), pages);
    }

    private long write(OutputStream out, List<String> headers, Pages<T> pages) {
        SXSSFWorkbook workbook = new SXSSFWorkbook(ROW_WINDOW);
        workbook.setCompressTempFiles(true);
        try {
            SXSSFSheet sheet = workbook.createSheet();
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle text = workbook.createCellStyle();
            text.setDataFormat(workbook.createDataFormat().getFormat("@"));
            SXSSFRow head = sheet.createRow(0);
            for (int i = 0; i < columns.size(); i++) {
                Cell cell = head.createCell(i);
                cell.setCellValue(headers.get(i));
                cell.setCellStyle(bold);
                int chars = Math.max(columns.get(i).width(), 2 * headers.get(i).length() + 2);
                sheet.setColumnWidth(i, Math.min(chars, 100) * 256);
            }
            sheet.createFreezePane(0, 1);
            long written = 0;
            T last = null;
            while (written < MAX_ROWS) {
                List<T> page = pages.after(last, PAGE_SIZE);
                for (T row : page) {
                    if (written >= MAX_ROWS) {
                        break;
                    }
                    SXSSFRow line = sheet.createRow((int) ++written);
                    for (int i = 0; i < columns.size(); i++) {
                        Object value = columns.get(i).value().apply(row);
                        Cell cell = line.createCell(i);
                        if (value instanceof Number number) {
                            cell.setCellValue(number.doubleValue());
                        } else {
                            cell.setCellValue(value == null ? "" : value.toString());
                            cell.setCellStyle(text);
                        }
                    }
                }
                if (page.size() < PAGE_SIZE) {
                    break;
                }
                last = page.get(page.size() - 1);
            }
            workbook.write(out);
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            workbook.dispose();
            try {
                workbook.close();
            } catch (IOException e) {
                // nothing left to write; the temporary files are gone with dispose()
            }
        }
    }
}

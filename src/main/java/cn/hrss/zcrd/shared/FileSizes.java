package cn.hrss.zcrd.shared;

import java.util.Locale;

/**
 * File sizes as people read them — {@code 512 KB}, {@code 1.5 MB}, {@code 5 MB} — the one formatter of every face
 * (portal, back office, verification page) and of the PDFs; pages call it as {@code #{z:fileSize(bytes)}}. Binary
 * units (1 KB = 1,024 bytes); anything under a megabyte in whole kilobytes rounded up, so a non-empty file never
 * reads "0 KB".
 */
public final class FileSizes {

    private static final long KB = 1024;
    private static final long MB = KB * KB;

    private FileSizes() {}

    /** {@code bytes} as KB (under 1 MB) or MB (one decimal, none when whole). */
    public static String of(long bytes) {
        long kilobytes = bytes <= 0 ? 0 : (bytes + KB - 1) / KB;
        if (kilobytes < KB) {
            return kilobytes + " KB";
        }
        String text = String.format(Locale.ROOT, "%.1f", bytes / (double) MB);
        return (text.endsWith(".0") ? text.substring(0, text.length() - 2) : text) + " MB";
    }
}

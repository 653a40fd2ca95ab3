package cn.hrss.zcrd.shared;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The national administrative division codes (行政区划代码, GB/T 2260) that ever existed, abolished ones included:
 * an ID number keeps the code of the division that first issued it. Shipped as {@code gbt2260-codes.tsv} beside
 * this class (its header names the sources). The province's own dictionary (the {@code region} table, see
 * {@code catalog.Regions}) is a subset of these codes.
 */
public final class DivisionCodes {

    private static final Map<String, String> NAMES = load();

    private DivisionCodes() {}

    /** Whether {@code code} is six digits that name a division of GB/T 2260, current or abolished. */
    public static boolean isKnown(String code) {
        return code != null && NAMES.containsKey(code);
    }

    /** The division's name as last published (e.g. {@code 崇文区} for 110103), empty for an unknown code. */
    public static Optional<String> name(String code) {
        return Optional.ofNullable(code == null ? null : NAMES.get(code));
    }

    /** How many codes are known (about 7,200). */
    public static int size() {
        return NAMES.size();
    }

    private static Map<String, String> load() {
        Map<String, String> names = new HashMap<>(12_000);
        try (InputStream in = DivisionCodes.class.getResourceAsStream("gbt2260-codes.tsv")) {
            if (in == null) {
                throw new IllegalStateException("gbt2260-codes.tsv missing from the class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                String code = tab < 0 ? line.strip() : line.substring(0, tab);
                if (code.length() != 6 || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
                    throw new IllegalStateException("gbt2260-codes.tsv: not a six-digit code: " + line);
                }
                names.put(code, tab < 0 ? "" : line.substring(tab + 1).strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(names);
    }
}

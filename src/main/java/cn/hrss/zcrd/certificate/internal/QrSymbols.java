package cn.hrss.zcrd.certificate.internal;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.decoder.Version;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The QR code of a verification address: ZXing's encoding (byte mode, UTF-8, error correction M, no quiet zone),
 * with the data mask chosen as ISO/IEC 18004 asks — the lowest penalty score of the eight masks (rules N1–N4 as
 * ZXing 3.5 scores them; the first of equal scores) — but scored on the eight masks applied to <em>one</em> encoding.
 * ZXing's own choice builds and scores eight complete symbols, ≈ 0.25 ms per address, which was the largest part of
 * a certificate's Java CPU time; this is ≈ 0.05 ms. The symbol is the one ZXing makes ({@code QrSymbolsTest}
 * compares both over thousands of addresses).
 *
 * <p>How: the symbol is encoded once with mask 0, and kept as bits, a long per row and per column. Its data
 * modules (those outside the version's function patterns) unmasked give the data bits; for each mask the data
 * modules are those bits under that mask, and every other module (finder, timing and alignment patterns, format
 * and version information) comes from a reference symbol of the same version made by ZXing with that mask, built
 * once per version. The penalty rules then look at whole rows and columns with shifts and bit counts. Thread-safe.
 */
final class QrSymbols {

    private static final ErrorCorrectionLevel LEVEL = ErrorCorrectionLevel.M;
    private static final int MASKS = 8;
    /** The largest symbol whose rows fit in a long (version 11). */
    private static final int MAX_SIZE = 63;

    private static final Map<Integer, Template> TEMPLATES = new ConcurrentHashMap<>();

    private QrSymbols() {}

    /** The modules, row by row from the top, 1 = dark. */
    static byte[][] encode(String content) throws WriterException {
        QRCode first = Encoder.encode(content, LEVEL, hints(null, 0));
        Version version = first.getVersion();
        byte[][] masked = first.getMatrix().getArray();
        int size = masked.length;
        if (size > MAX_SIZE) {
            // beyond what a row fits in a long: ZXing chooses (no verification address is this long)
            return Encoder.encode(content, LEVEL, hints(null, -1)).getMatrix().getArray();
        }
        Template template = TEMPLATES.get(version.getVersionNumber());
        if (template == null) {
            template = TEMPLATES.computeIfAbsent(version.getVersionNumber(), v -> Template.of(content, version));
        }
        long[] rows = rows(masked);
        long[] columns = transposed(rows, size);
        // the data bits, unmasked (mask 0 applied twice is none)
        long[] bitRows = new long[size];
        long[] bitColumns = new long[size];
        for (int i = 0; i < size; i++) {
            bitRows[i] = rows[i] ^ template.maskRows[0][i];
            bitColumns[i] = columns[i] ^ template.maskColumns[0][i];
        }
        int best = 0;
        int lowest = Integer.MAX_VALUE;
        long[] candidateRows = new long[size];
        long[] candidateColumns = new long[size];
        for (int mask = 0; mask < MASKS; mask++) {
            template.apply(mask, bitRows, candidateRows, bitColumns, candidateColumns);
            int penalty = penalty(candidateRows, candidateColumns, size);
            if (penalty < lowest) {
                lowest = penalty;
                best = mask;
            }
        }
        template.apply(best, bitRows, candidateRows, bitColumns, candidateColumns);
        byte[][] modules = new byte[size][size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                modules[y][x] = (byte) ((candidateRows[y] >>> x) & 1);
            }
        }
        return modules;
    }

    /** 1 where mask {@code mask} inverts the module in column {@code x}, row {@code y} (ISO/IEC 18004 table 10). */
    static int maskBit(int mask, int x, int y) {
        int product = x * y;
        int condition = switch (mask) {
            case 0 -> (x + y) % 2;
            case 1 -> y % 2;
            case 2 -> x % 3;
            case 3 -> (x + y) % 3;
            case 4 -> (y / 2 + x / 3) % 2;
            case 5 -> product % 2 + product % 3;
            case 6 -> (product % 2 + product % 3) % 2;
            case 7 -> ((x + y) % 2 + product % 3) % 2;
            default -> throw new IllegalArgumentException("mask " + mask);
        };
        return condition == 0 ? 1 : 0;
    }

    /**
     * The penalty score of a symbol given as its rows and its columns (bit x of a line = its module x, 1 = dark):
     * N1 runs of five or more like modules in a row or column (3 + the length beyond five), N2 2×2 blocks of one
     * colour (3 each), N3 1:1:3:1:1 dark-light patterns with four light modules inside the symbol before or after
     * them (40 each; as ZXing 3.5 scores it), N4 the dark share's distance from half (10 per whole 5 %). Each rule
     * looks at a whole line at once with shifts and bit counts.
     */
    static int penalty(long[] rows, long[] columns, int size) {
        int score = 0;
        int dark = 0;
        int blocks = 0;
        int finders = 0;
        for (int i = 0; i < size; i++) {
            score += runs(rows[i], size) + runs(columns[i], size);
            finders += finderLike(rows[i], size) + finderLike(columns[i], size);
            dark += Long.bitCount(rows[i]);
            if (i + 1 < size) {
                long a = rows[i];
                long b = rows[i + 1];
                long vertical = ~(a ^ b);
                blocks += Long.bitCount(vertical & (vertical >>> 1) & ~(a ^ (a >>> 1)) & low(size - 1));
            }
        }
        int cells = size * size;
        int fivePercentSteps = Math.abs(dark * 2 - cells) * 10 / cells;
        return score + 3 * blocks + 40 * finders + 10 * fivePercentSteps;
    }

    /** N1 of one line: a run of L ≥ 5 like modules scores L − 2. */
    private static int runs(long line, int size) {
        long equalToNext = ~(line ^ (line >>> 1)) & low(size - 1);
        long fiveAlike = equalToNext & (equalToNext >>> 1) & (equalToNext >>> 2) & (equalToNext >>> 3);
        long runStarts = fiveAlike & ~(fiveAlike << 1);
        return Long.bitCount(fiveAlike) + 2 * Long.bitCount(runStarts);
    }

    /** N3 of one line: dark-light-dark-dark-dark-light-dark with four light modules inside before or after. */
    private static int finderLike(long line, int size) {
        if (size < 11) {
            return 0;
        }
        long pattern = line
                & ~(line >>> 1)
                & (line >>> 2)
                & (line >>> 3)
                & (line >>> 4)
                & ~(line >>> 5)
                & (line >>> 6)
                & low(size - 6);
        long lightBefore = ~((line << 1) | (line << 2) | (line << 3) | (line << 4)) & ~low(4);
        long lightAfter = ~((line >>> 7) | (line >>> 8) | (line >>> 9) | (line >>> 10)) & low(size - 10);
        return Long.bitCount(pattern & (lightBefore | lightAfter));
    }

    /** The lowest {@code bits} bits set. */
    private static long low(int bits) {
        return bits <= 0 ? 0 : (1L << bits) - 1;
    }

    private static long[] rows(byte[][] modules) {
        long[] rows = new long[modules.length];
        for (int y = 0; y < modules.length; y++) {
            long row = 0;
            for (int x = 0; x < modules.length; x++) {
                row |= (long) (modules[y][x] & 1) << x;
            }
            rows[y] = row;
        }
        return rows;
    }

    private static long[] transposed(long[] lines, int size) {
        long[] columns = new long[size];
        for (int y = 0; y < size; y++) {
            long row = lines[y];
            while (row != 0) {
                int x = Long.numberOfTrailingZeros(row);
                columns[x] |= 1L << y;
                row &= row - 1;
            }
        }
        return columns;
    }

    private static Map<EncodeHintType, Object> hints(Version version, int mask) {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.CHARACTER_SET, "UTF-8");
        if (mask >= 0) {
            hints.put(EncodeHintType.QR_MASK_PATTERN, mask);
        }
        if (version != null) {
            hints.put(EncodeHintType.QR_VERSION, version.getVersionNumber());
        }
        return hints;
    }

    /**
     * Per version, as rows and as columns of bits: where the data modules are, each mask's pattern, and every other
     * module under each mask (from ZXing's reference symbol with that mask).
     */
    private static final class Template {

        final long[] dataRows;
        final long[] dataColumns;
        final long[][] maskRows = new long[MASKS][];
        final long[][] maskColumns = new long[MASKS][];
        final long[][] fixedRows = new long[MASKS][];
        final long[][] fixedColumns = new long[MASKS][];

        private Template(int size, byte[][] data) {
            dataRows = rows(data);
            dataColumns = transposed(dataRows, size);
        }

        static Template of(String content, Version version) {
            int size = version.getDimensionForVersion();
            byte[][] data = new byte[size][size];
            for (byte[] row : data) {
                java.util.Arrays.fill(row, (byte) 1);
            }
            // the function patterns (ISO/IEC 18004 §6.3): finder patterns with their separators and the format
            // information beside them (with the dark module at the bottom left) ...
            function(data, 0, 0, 9, 9);
            function(data, size - 8, 0, 8, 9);
            function(data, 0, size - 8, 9, 8);
            // ... alignment patterns, except where a finder pattern is ...
            int[] centers = version.getAlignmentPatternCenters();
            for (int i = 0; i < centers.length; i++) {
                for (int j = 0; j < centers.length; j++) {
                    boolean finder =
                            (i == 0 && (j == 0 || j == centers.length - 1)) || (i == centers.length - 1 && j == 0);
                    if (!finder) {
                        function(data, centers[i] - 2, centers[j] - 2, 5, 5);
                    }
                }
            }
            // ... timing patterns, and from version 7 the version information
            function(data, 6, 9, 1, size - 17);
            function(data, 9, 6, size - 17, 1);
            if (version.getVersionNumber() >= 7) {
                function(data, size - 11, 0, 3, 6);
                function(data, 0, size - 11, 6, 3);
            }
            Template template = new Template(size, data);
            for (int mask = 0; mask < MASKS; mask++) {
                byte[][] pattern = new byte[size][size];
                for (int y = 0; y < size; y++) {
                    for (int x = 0; x < size; x++) {
                        pattern[y][x] = (byte) maskBit(mask, x, y);
                    }
                }
                template.maskRows[mask] = rows(pattern);
                template.maskColumns[mask] = transposed(template.maskRows[mask], size);
                try {
                    template.fixedRows[mask] = rows(Encoder.encode(content, LEVEL, hints(version, mask))
                            .getMatrix()
                            .getArray());
                } catch (WriterException e) {
                    throw new IllegalStateException("QR version " + version + " reference symbol", e);
                }
                template.fixedColumns[mask] = transposed(template.fixedRows[mask], size);
            }
            return template;
        }

        private static void function(byte[][] data, int left, int top, int width, int height) {
            for (int y = top; y < top + height; y++) {
                for (int x = left; x < left + width; x++) {
                    data[y][x] = 0;
                }
            }
        }

        /** The symbol under {@code mask}: data bits masked where data is, the reference elsewhere. */
        void apply(int mask, long[] bitRows, long[] intoRows, long[] bitColumns, long[] intoColumns) {
            for (int i = 0; i < bitRows.length; i++) {
                intoRows[i] = ((bitRows[i] ^ maskRows[mask][i]) & dataRows[i]) | (fixedRows[mask][i] & ~dataRows[i]);
                intoColumns[i] = ((bitColumns[i] ^ maskColumns[mask][i]) & dataColumns[i])
                        | (fixedColumns[mask][i] & ~dataColumns[i]);
            }
        }
    }
}

package cn.hrss.zcrd.shared;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One TrueType face of a font file or collection (.ttf/.ttc), memory-mapped and read without locks (absolute reads
 * only, so any number of threads share it), and its subsetter: {@link #subset} writes a small font holding just the
 * given glyphs, renumbered 0..n-1 (glyph 0 stays .notdef), so a certificate's font is a few KB instead of carrying
 * the full 45,000-entry {@code loca}/{@code hmtx} tables that a subset keeping the original glyph ids drags along.
 * Only the tables a PDF viewer needs for an embedded CIDFontType2 are written (the PDF's ToUnicode and W entries
 * stand in for {@code cmap}, {@code OS/2}, {@code name}, {@code post}).
 */
public final class TrueTypeFace {

    private static final String[] SUBSET_TABLES = {
        "cvt ", "fpgm", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "prep"
    };

    private final ByteBuffer file;
    private final Map<String, int[]> tables = new HashMap<>();
    private final String postScriptName;
    private final int unitsPerEm;
    private final boolean longLoca;
    private final int numGlyphs;
    private final int numberOfHMetrics;
    private final int[] bmpToGlyph = new int[0x10000];
    private final Map<Integer, Integer> supplementaryToGlyph = new HashMap<>();

    private TrueTypeFace(ByteBuffer file, int faceIndex) {
        this.file = file;
        int offsetTable = 0;
        if (u32(0) == 0x74746366) { // 'ttcf'
            offsetTable = (int) u32(12 + 4 * faceIndex);
        }
        int count = u16(offsetTable + 4);
        for (int i = 0; i < count; i++) {
            int record = offsetTable + 12 + 16 * i;
            tables.put(tag(record), new int[] {(int) u32(record + 8), (int) u32(record + 12)});
        }
        int head = table("head")[0];
        this.unitsPerEm = u16(head + 18);
        this.longLoca = s16(head + 50) == 1;
        this.numGlyphs = u16(table("maxp")[0] + 4);
        this.numberOfHMetrics = u16(table("hhea")[0] + 34);
        readCmap();
        this.postScriptName = readPostScriptName();
    }

    /** Opens {@code location}: a file, optionally followed by {@code ,index} for a face of a collection. */
    public static TrueTypeFace open(String location) {
        int comma = location.lastIndexOf(',');
        boolean indexed = comma > 0
                && location.substring(comma + 1).chars().allMatch(Character::isDigit)
                && comma < location.length() - 1;
        Path path = Path.of(indexed ? location.substring(0, comma) : location);
        int index = indexed ? Integer.parseInt(location.substring(comma + 1)) : 0;
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            return new TrueTypeFace(channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size()), index);
        } catch (IOException e) {
            throw new UncheckedIOException("Font " + location + " cannot be read", e);
        }
    }

    public String postScriptName() {
        return postScriptName;
    }

    /** The glyph of a Unicode code point, 0 (.notdef) when the font has none. */
    public int glyph(int codePoint) {
        if (codePoint < 0x10000) {
            return bmpToGlyph[codePoint];
        }
        return supplementaryToGlyph.getOrDefault(codePoint, 0);
    }

    /** Advance width of a glyph in thousandths of the font size (PDF glyph space). */
    public int advance(int glyph) {
        int hmtx = table("hmtx")[0];
        int units = u16(hmtx + 4 * Math.min(glyph, numberOfHMetrics - 1));
        return Math.round(units * 1000f / unitsPerEm);
    }

    /** Ascent, descent, bounding box (xMin, yMin, xMax, yMax), all in PDF glyph space. */
    public int[] metrics() {
        int head = table("head")[0];
        int hhea = table("hhea")[0];
        return new int[] {
            scale(s16(hhea + 4)),
            scale(s16(hhea + 6)),
            scale(s16(head + 36)),
            scale(s16(head + 38)),
            scale(s16(head + 40)),
            scale(s16(head + 42))
        };
    }

    /**
     * A font file with {@code glyphs} as glyphs 0..n-1 in this order (the first should be 0, .notdef). Components of
     * composite glyphs are appended and the references rewritten, so the font may hold more glyphs than given: the
     * caller's numbering of the given glyphs holds, the components come after ({@code glyphs} itself is not changed).
     */
    public byte[] subset(List<Integer> glyphs) {
        List<Integer> order = new java.util.ArrayList<>(glyphs);
        Map<Integer, Integer> newId = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            newId.putIfAbsent(order.get(i), i);
        }
        ByteArrayOutputStream glyf = new ByteArrayOutputStream(order.size() * 256);
        int[] loca = new int[order.size() + 1];
        for (int i = 0; i < order.size(); i++) { // order grows while composites add components
            loca[i] = glyf.size();
            byte[] data = glyphData(order.get(i));
            if (data.length >= 10 && (short) ((data[0] & 0xFF) << 8 | data[1] & 0xFF) < 0) {
                remapComponents(data, order, newId);
                if (loca.length < order.size() + 1) {
                    loca = Arrays.copyOf(loca, order.size() + 1);
                }
            }
            glyf.write(data, 0, data.length);
            while (glyf.size() % 4 != 0) {
                glyf.write(0);
            }
        }
        int n = order.size();
        loca[n] = glyf.size();

        Map<String, byte[]> out = new HashMap<>();
        for (String name : new String[] {"cvt ", "fpgm", "prep"}) {
            if (tables.containsKey(name)) {
                out.put(name, copy(name));
            }
        }
        byte[] head = copy("head");
        put32(head, 8, 0); // checkSumAdjustment: not used by viewers
        put16(head, 50, 1); // long loca
        out.put("head", head);
        byte[] hhea = copy("hhea");
        put16(hhea, 34, n);
        out.put("hhea", hhea);
        byte[] maxp = copy("maxp");
        put16(maxp, 4, n);
        out.put("maxp", maxp);
        byte[] hmtx = new byte[4 * n];
        for (int i = 0; i < n; i++) {
            int g = order.get(i);
            put16(hmtx, 4 * i, advanceUnits(g));
            put16(hmtx, 4 * i + 2, leftSideBearing(g));
        }
        out.put("hmtx", hmtx);
        byte[] locaBytes = new byte[4 * (n + 1)];
        for (int i = 0; i <= n; i++) {
            put32(locaBytes, 4 * i, loca[i]);
        }
        out.put("loca", locaBytes);
        out.put("glyf", glyf.toByteArray());
        return assemble(out);
    }

    private static byte[] assemble(Map<String, byte[]> out) {
        String[] names = Arrays.stream(SUBSET_TABLES).filter(out::containsKey).toArray(String[]::new);
        int count = names.length;
        int size = 12 + 16 * count;
        for (String name : names) {
            size += (out.get(name).length + 3) & ~3;
        }
        byte[] font = new byte[size];
        put32(font, 0, 0x00010000);
        put16(font, 4, count);
        int power = Integer.highestOneBit(count);
        put16(font, 6, power * 16);
        put16(font, 8, Integer.numberOfTrailingZeros(power));
        put16(font, 10, count * 16 - power * 16);
        int offset = 12 + 16 * count;
        for (int i = 0; i < count; i++) {
            byte[] data = out.get(names[i]);
            int record = 12 + 16 * i;
            byte[] tag = names[i].getBytes(StandardCharsets.ISO_8859_1);
            System.arraycopy(tag, 0, font, record, 4);
            put32(font, record + 4, checksum(data));
            put32(font, record + 8, offset);
            put32(font, record + 12, data.length);
            System.arraycopy(data, 0, font, offset, data.length);
            offset += (data.length + 3) & ~3;
        }
        return font;
    }

    private void remapComponents(byte[] data, List<Integer> order, Map<Integer, Integer> newId) {
        int p = 10;
        while (true) {
            int flags = (data[p] & 0xFF) << 8 | data[p + 1] & 0xFF;
            int component = (data[p + 2] & 0xFF) << 8 | data[p + 3] & 0xFF;
            Integer id = newId.get(component);
            if (id == null) {
                id = order.size();
                order.add(component);
                newId.put(component, id);
            }
            put16(data, p + 2, id);
            p += 4 + ((flags & 0x0001) != 0 ? 4 : 2);
            if ((flags & 0x0008) != 0) {
                p += 2;
            } else if ((flags & 0x0040) != 0) {
                p += 4;
            } else if ((flags & 0x0080) != 0) {
                p += 8;
            }
            if ((flags & 0x0020) == 0) {
                return;
            }
        }
    }

    private byte[] glyphData(int glyph) {
        if (glyph < 0 || glyph >= numGlyphs) {
            return new byte[0];
        }
        int loca = table("loca")[0];
        int start;
        int end;
        if (longLoca) {
            start = (int) u32(loca + 4 * glyph);
            end = (int) u32(loca + 4 * glyph + 4);
        } else {
            start = u16(loca + 2 * glyph) * 2;
            end = u16(loca + 2 * glyph + 2) * 2;
        }
        byte[] data = new byte[Math.max(0, end - start)];
        file.get(table("glyf")[0] + start, data);
        return data;
    }

    private int advanceUnits(int glyph) {
        return u16(table("hmtx")[0] + 4 * Math.min(glyph, numberOfHMetrics - 1));
    }

    private int leftSideBearing(int glyph) {
        int hmtx = table("hmtx")[0];
        return glyph < numberOfHMetrics
                ? u16(hmtx + 4 * glyph + 2)
                : u16(hmtx + 4 * numberOfHMetrics + 2 * (glyph - numberOfHMetrics));
    }

    private void readCmap() {
        int cmap = table("cmap")[0];
        int count = u16(cmap + 2);
        int format4 = -1;
        int format12 = -1;
        for (int i = 0; i < count; i++) {
            int platform = u16(cmap + 4 + 8 * i);
            int encoding = u16(cmap + 6 + 8 * i);
            int sub = cmap + (int) u32(cmap + 8 + 8 * i);
            int format = u16(sub);
            boolean unicode = platform == 0 || platform == 3 && (encoding == 1 || encoding == 10);
            if (unicode && format == 4 && format4 < 0) {
                format4 = sub;
            } else if (unicode && format == 12 && format12 < 0) {
                format12 = sub;
            }
        }
        if (format12 >= 0) {
            long groups = u32(format12 + 12);
            for (int g = 0; g < groups; g++) {
                int at = format12 + 16 + 12 * g;
                long start = u32(at);
                long end = u32(at + 4);
                long glyph = u32(at + 8);
                for (long c = start; c <= end && c <= 0x10FFFF; c++) {
                    if (c < 0x10000) {
                        bmpToGlyph[(int) c] = (int) (glyph + c - start);
                    } else {
                        supplementaryToGlyph.put((int) c, (int) (glyph + c - start));
                    }
                }
            }
        } else if (format4 >= 0) {
            int segments = u16(format4 + 6) / 2;
            int ends = format4 + 14;
            int starts = ends + 2 * segments + 2;
            int deltas = starts + 2 * segments;
            int rangeOffsets = deltas + 2 * segments;
            for (int s = 0; s < segments; s++) {
                int end = u16(ends + 2 * s);
                int start = u16(starts + 2 * s);
                int delta = s16(deltas + 2 * s);
                int rangeOffset = u16(rangeOffsets + 2 * s);
                for (int c = start; c <= end && c != 0xFFFF; c++) {
                    int glyph;
                    if (rangeOffset == 0) {
                        glyph = (c + delta) & 0xFFFF;
                    } else {
                        int at = rangeOffsets + 2 * s + rangeOffset + 2 * (c - start);
                        glyph = u16(at);
                        glyph = glyph == 0 ? 0 : (glyph + delta) & 0xFFFF;
                    }
                    bmpToGlyph[c] = glyph;
                }
            }
        } else {
            throw new IllegalStateException("Font has no Unicode cmap");
        }
    }

    private String readPostScriptName() {
        int[] name = tables.get("name");
        if (name != null) {
            int base = name[0];
            int count = u16(base + 2);
            int strings = base + u16(base + 4);
            for (int i = 0; i < count; i++) {
                int record = base + 6 + 12 * i;
                if (u16(record + 6) == 6) {
                    byte[] raw = new byte[u16(record + 8)];
                    file.get(strings + u16(record + 10), raw);
                    int platform = u16(record);
                    String value = platform == 3 || platform == 0
                            ? new String(raw, StandardCharsets.UTF_16BE)
                            : new String(raw, StandardCharsets.ISO_8859_1);
                    String clean = value.replaceAll("[^A-Za-z0-9-]", "");
                    if (!clean.isEmpty()) {
                        return clean;
                    }
                }
            }
        }
        return "CJKFont";
    }

    private int scale(int units) {
        return Math.round(units * 1000f / unitsPerEm);
    }

    private int[] table(String name) {
        int[] t = tables.get(name);
        if (t == null) {
            throw new IllegalStateException("Font has no '" + name + "' table");
        }
        return t;
    }

    private byte[] copy(String name) {
        int[] t = table(name);
        byte[] data = new byte[t[1]];
        file.get(t[0], data);
        return data;
    }

    private String tag(int at) {
        byte[] raw = new byte[4];
        file.get(at, raw);
        return new String(raw, StandardCharsets.ISO_8859_1);
    }

    private int u16(int at) {
        return file.getShort(at) & 0xFFFF;
    }

    private int s16(int at) {
        return file.getShort(at);
    }

    private long u32(int at) {
        return file.getInt(at) & 0xFFFFFFFFL;
    }

    private static int checksum(byte[] data) {
        int sum = 0;
        for (int i = 0; i < data.length; i += 4) {
            int word = 0;
            for (int j = 0; j < 4; j++) {
                word = word << 8 | (i + j < data.length ? data[i + j] & 0xFF : 0);
            }
            sum += word;
        }
        return sum;
    }

    private static void put16(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 8);
        b[at + 1] = (byte) v;
    }

    private static void put32(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}

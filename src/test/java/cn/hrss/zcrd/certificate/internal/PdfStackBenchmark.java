package cn.hrss.zcrd.certificate.internal;

import cn.hrss.zcrd.shared.TrueTypeFace;
import com.google.zxing.EncodeHintType;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.Encoder;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.Deflater;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.junit.jupiter.api.Test;

/**
 * Not a test (never part of {@code ops/test}): {@code ops/bench/pdf-stack} runs it and prints figures. The two
 * hand-written parts of the certificate PDF against the libraries they stand in for, on the same inputs and one
 * thread: the font subset of a certificate ({@link TrueTypeFace#subset} against Apache FontBox's
 * {@link TTFSubsetter}) and the QR symbol ({@link QrSymbols#encode} against ZXing's {@link Encoder} choosing the
 * mask itself). Options: {@code -Dbench.seconds=3} per figure.
 */
class PdfStackBenchmark {

    static final String ZENHEI = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc";
    /** The per-certificate values' characters (name, title, specialty, level, unit, number, dates). */
    static final String VALUES = "欧阳明华370102********1234工程师工程电子信息工程中级2026年11月20日山东省测试发证单位ZC2026000012000001";
    /** About what the fixed part of the page shows (title, labels, statement). */
    static final String FIXED =
            "专业技术职务任职资格证书姓名身份证号码资格名称系列专业级别取得时间发证单位证书编号" + "经评审委员会评审通过，具备相应专业技术资格，特发此证。扫描二维码或登录平台核验本证书真伪。签发日期年月日";

    static final double SECONDS = Double.parseDouble(System.getProperty("bench.seconds", "3"));

    @Test
    void fontSubsets() throws Exception {
        TrueTypeFace face = TrueTypeFace.open(ZENHEI + ",0");
        try (TrueTypeCollection collection = new TrueTypeCollection(new File(ZENHEI))) {
            TrueTypeFont font = collection.getFontByName("WenQuanYiZenHei");
            for (String[] set : new String[][] {{"values", VALUES}, {"fixed text", FIXED}}) {
                String text = set[1];
                List<Integer> glyphs = new ArrayList<>(List.of(0));
                text.codePoints().distinct().map(face::glyph).forEach(glyphs::add);
                int[] codePoints = text.codePoints().distinct().toArray();
                int[] sizes = new int[2];
                double ours = time(() -> {
                    byte[] subset = face.subset(new ArrayList<>(glyphs));
                    sizes[0] = subset.length;
                });
                double theirs = time(() -> {
                    TTFSubsetter subsetter = new TTFSubsetter(
                            font, List.of("head", "hhea", "loca", "maxp", "cvt ", "prep", "glyf", "hmtx", "fpgm"));
                    for (int cp : codePoints) {
                        subsetter.add(cp);
                    }
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    subsetter.writeToStream(out);
                    sizes[1] = out.size();
                });
                byte[] oursBytes = face.subset(new ArrayList<>(glyphs));
                ByteArrayOutputStream theirsBytes = new ByteArrayOutputStream();
                TTFSubsetter subsetter = new TTFSubsetter(
                        font, List.of("head", "hhea", "loca", "maxp", "cvt ", "prep", "glyf", "hmtx", "fpgm"));
                for (int cp : codePoints) {
                    subsetter.add(cp);
                }
                subsetter.writeToStream(theirsBytes);
                System.out.printf(
                        Locale.ROOT,
                        "BENCH font subset, %s (%d characters): TrueTypeFace.subset %.1f µs CPU, %,d bytes (%,d deflated);"
                                + " FontBox TTFSubsetter %.1f µs CPU, %,d bytes (%,d deflated); FontBox costs %.0f µs more"
                                + " (%.1f×)%n",
                        set[0],
                        codePoints.length,
                        ours,
                        sizes[0],
                        PdfOut.deflate(oursBytes, Deflater.DEFAULT_COMPRESSION).length,
                        theirs,
                        sizes[1],
                        PdfOut.deflate(theirsBytes.toByteArray(), Deflater.DEFAULT_COMPRESSION).length,
                        theirs - ours,
                        theirs / ours);
            }
        }
    }

    @Test
    void qrSymbols() throws Exception {
        String[] addresses = new String[64];
        for (int i = 0; i < addresses.length; i++) {
            addresses[i] = String.format(
                    Locale.ROOT,
                    "https://zcrd.rsj.shandong.gov.cn/verify/c/ZC2026%012d?k=%016x",
                    12_000_000L + i * 7919L,
                    0x5d0c_1234_abcdL * (i + 1));
        }
        Map<EncodeHintType, Object> hints = Map.of(EncodeHintType.CHARACTER_SET, "UTF-8");
        int[] next = {0};
        double ours = time(() -> QrSymbols.encode(addresses[next[0]++ & 63]));
        double theirs = time(() -> Encoder.encode(addresses[next[0]++ & 63], ErrorCorrectionLevel.M, hints));
        System.out.printf(
                Locale.ROOT,
                "BENCH QR symbol of a verification address (%d characters, version %d): QrSymbols %.1f µs CPU;"
                        + " ZXing choosing the mask %.1f µs CPU (%.1f×)%n",
                addresses[0].length(),
                Encoder.encode(addresses[0], ErrorCorrectionLevel.M, hints)
                        .getVersion()
                        .getVersionNumber(),
                ours,
                theirs,
                theirs / ours);
    }

    interface Work {
        void run() throws Exception;
    }

    /**
     * Microseconds of this thread's CPU per call (CPU time, not wall: the shared machine's load stretches wall
     * time): a warm-up of one second, then the median of five rounds of {@code SECONDS / 5}.
     */
    static double time(Work work) throws Exception {
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long warm = System.nanoTime() + 1_000_000_000L;
        while (System.nanoTime() < warm) {
            work.run();
        }
        double[] rounds = new double[5];
        for (int r = 0; r < rounds.length; r++) {
            long end = System.nanoTime() + (long) (SECONDS / rounds.length * 1e9);
            long cpu = threads.getCurrentThreadCpuTime();
            long n = 0;
            while (System.nanoTime() < end) {
                work.run();
                n++;
            }
            rounds[r] = (threads.getCurrentThreadCpuTime() - cpu) / 1e3 / n;
        }
        java.util.Arrays.sort(rounds);
        return rounds[2];
    }
}

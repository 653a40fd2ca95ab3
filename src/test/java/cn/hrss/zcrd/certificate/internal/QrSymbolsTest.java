package cn.hrss.zcrd.certificate.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.Encoder;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Our mask choice gives exactly the symbol ZXing's own encoder makes, for addresses of every length in use. */
class QrSymbolsTest {

    static final Map<EncodeHintType, Object> ZXING = Map.of(
            EncodeHintType.ERROR_CORRECTION,
            ErrorCorrectionLevel.M,
            EncodeHintType.CHARACTER_SET,
            "UTF-8",
            EncodeHintType.MARGIN,
            0);
    static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    @Test
    void theSymbolIsZxingsForThousandsOfAddresses() throws Exception {
        Random random = new Random(20261129);
        Set<Integer> masks = new HashSet<>();
        Set<Integer> versions = new HashSet<>();
        // at least 3,000 addresses, and on until every mask has been the best for one of them
        for (int i = 0; i < 3000 || masks.size() < 8 && i < 30_000; i++) {
            String address = "https://zcrd.hrss.example.gov.cn/verify/c/ZC2026" + digits(random, 12) + "?k="
                    + text(random, random.nextInt(185));
            byte[][] ours = QrSymbols.encode(address);
            BitMatrix theirs = new QRCodeWriter().encode(address, BarcodeFormat.QR_CODE, 0, 0, ZXING);

            assertThat(ours.length).isEqualTo(theirs.getWidth());
            for (int y = 0; y < ours.length; y++) {
                for (int x = 0; x < ours.length; x++) {
                    assertThat(ours[y][x] == 1)
                            .as("module %d,%d of %s", x, y, address)
                            .isEqualTo(theirs.get(x, y));
                }
            }
            var zxing = Encoder.encode(address, ErrorCorrectionLevel.M, Map.of(EncodeHintType.CHARACTER_SET, "UTF-8"));
            masks.add(zxing.getMaskPattern());
            versions.add(zxing.getVersion().getVersionNumber());
        }
        assertThat(masks).as("every mask was the best for some address").hasSize(8);
        assertThat(versions).as("versions with and without version information").contains(5, 6, 7, 8, 9, 10, 11);
    }

    @Test
    void aSymbolTooLargeForTheFastPathIsStillZxings() throws Exception {
        String address = "https://zcrd.hrss.example.gov.cn/verify/c/ZC2026000012000001?k=" + "x".repeat(400);
        byte[][] ours = QrSymbols.encode(address);
        BitMatrix theirs = new QRCodeWriter().encode(address, BarcodeFormat.QR_CODE, 0, 0, ZXING);

        assertThat(ours.length).isEqualTo(theirs.getWidth()).isGreaterThan(63);
        for (int y = 0; y < ours.length; y++) {
            for (int x = 0; x < ours.length; x++) {
                assertThat(ours[y][x] == 1).isEqualTo(theirs.get(x, y));
            }
        }
    }

    private static String digits(Random random, int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(random.nextInt(10));
        }
        return s.toString();
    }

    private static String text(Random random, int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return s.toString();
    }
}

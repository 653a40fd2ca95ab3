package cn.hrss.zcrd.certificate.internal;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.DecodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/** What a user does with a certificate PDF, through poppler and ZXing: read its text, render it, scan its QR code. */
public final class CertificatePdfs {

    private CertificatePdfs() {}

    /** The page text as poppler's {@code pdftotext} extracts it (layout kept). */
    public static String pdftotext(byte[] pdf) throws IOException, InterruptedException {
        Path file = Files.createTempFile("zcrd-cert-", ".pdf");
        try {
            Files.write(file, pdf);
            return run(List.of("pdftotext", "-layout", "-enc", "UTF-8", file.toString(), "-"));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * The images of every page as poppler's {@code pdfimages -list} lists them, one per image (soft masks left out):
     * page, width, height, encoding.
     */
    public static List<PdfImage> pdfimages(byte[] pdf) throws IOException, InterruptedException {
        Path file = Files.createTempFile("zcrd-images-", ".pdf");
        try {
            Files.write(file, pdf);
            return run(List.of("pdfimages", "-list", file.toString()))
                    .lines()
                    .skip(2) // the header and its rule
                    .map(line -> line.strip().split("\\s+"))
                    .filter(columns -> columns.length > 8 && columns[2].equals("image"))
                    .map(c ->
                            new PdfImage(Integer.parseInt(c[0]), Integer.parseInt(c[3]), Integer.parseInt(c[4]), c[8]))
                    .toList();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** One image of {@link #pdfimages}: its page, pixel size and encoding ({@code jpeg}, {@code image} …). */
    public record PdfImage(int page, int width, int height, String encoding) {}

    /** The first page rendered by poppler's {@code pdftoppm} at {@code dpi}. */
    public static BufferedImage render(byte[] pdf, int dpi) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("zcrd-cert-");
        try {
            Path file = dir.resolve("c.pdf");
            Files.write(file, pdf);
            run(List.of(
                    "pdftoppm",
                    "-r",
                    Integer.toString(dpi),
                    "-png",
                    "-singlefile",
                    file.toString(),
                    dir.resolve("page").toString()));
            return ImageIO.read(dir.resolve("page.png").toFile());
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    /** The text of the QR code found in {@code page}. */
    public static String scanQrCode(BufferedImage page) throws NotFoundException, ChecksumException, FormatException {
        int w = page.getWidth();
        int h = page.getHeight();
        int[] pixels = page.getRGB(0, 0, w, h, null, 0, w);
        return new QRCodeReader()
                .decode(
                        new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(w, h, pixels))),
                        Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE))
                .getText();
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new AssertionError(command.get(0) + " failed: " + output);
        }
        return output;
    }
}

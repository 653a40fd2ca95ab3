package cn.hrss.zcrd.backoffice.internal;

import com.itextpdf.barcodes.BarcodeQRCode;
import com.itextpdf.barcodes.qrcode.EncodeHintType;
import com.itextpdf.barcodes.qrcode.ErrorCorrectionLevel;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.Map;
import javax.imageio.ImageIO;

/** A QR code as a PNG {@code data:} URI (the TOTP enrolment URI), drawn by iText's QR encoder. */
final class QrCodes {

    private static final int MODULE_PIXELS = 5;
    private static final int QUIET_ZONE = 4;

    private QrCodes() {}

    static String pngDataUri(String text) {
        BarcodeQRCode code = new BarcodeQRCode(
                text,
                Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.CHARACTER_SET, "UTF-8"));
        Image modules = code.createAwtImage(Color.BLACK, Color.WHITE);
        int width = modules.getWidth(null);
        int height = modules.getHeight(null);
        int size = (Math.max(width, height) + 2 * QUIET_ZONE) * MODULE_PIXELS;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_BINARY);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.setColor(Color.WHITE);
            graphics.fillRect(0, 0, size, size);
            graphics.drawImage(
                    modules,
                    QUIET_ZONE * MODULE_PIXELS,
                    QUIET_ZONE * MODULE_PIXELS,
                    width * MODULE_PIXELS,
                    height * MODULE_PIXELS,
                    null);
        } finally {
            graphics.dispose();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
    }
}

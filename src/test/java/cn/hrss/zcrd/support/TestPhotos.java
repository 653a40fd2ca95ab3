package cn.hrss.zcrd.support;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** ID photos (证件照) as an applicant uploads them: a drawn head and shoulders on a blue background. */
public final class TestPhotos {

    private TestPhotos() {}

    /** A one-inch photo, 295×413 pixels, as a JPEG. */
    public static byte[] oneInch() {
        return jpeg(295, 413);
    }

    public static InputStream oneInchStream() {
        return new ByteArrayInputStream(oneInch());
    }

    /** The one-inch JPEG in a temporary file (for a browser's file input). */
    public static Path oneInchFile() {
        try {
            Path file = Files.createTempFile("photo", ".jpg");
            Files.write(file, oneInch());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] jpeg(int width, int height) {
        return encode(draw(width, height), "jpeg");
    }

    public static byte[] png(int width, int height) {
        return encode(draw(width, height), "png");
    }

    private static BufferedImage draw(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(new Color(67, 142, 219));
            g.fillRect(0, 0, width, height);
            g.setColor(new Color(240, 200, 170));
            g.fillOval(width / 4, height / 8, width / 2, height * 2 / 5);
            g.setColor(new Color(30, 30, 40));
            g.fillRect(width / 8, height * 5 / 8, width * 3 / 4, height * 3 / 8);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The image in {@code format} ({@code "jpeg"}, {@code "png"}, … as {@link ImageIO} names them). */
    public static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}

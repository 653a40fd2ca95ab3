package cn.hrss.zcrd.seal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Seal images for tests, good and bad, made in memory. */
public final class SealImages {

    private SealImages() {}

    /** A red round seal on a transparent background (RGBA), {@code side} pixels square. */
    public static byte[] transparentSeal(int side) {
        return png(drawSeal(new BufferedImage(side, side, BufferedImage.TYPE_INT_ARGB), null));
    }

    /** The same seal on an opaque white background, as RGB without any alpha (colour type 2, no tRNS). */
    public static byte[] opaqueSeal(int side) {
        return png(drawSeal(new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB), Color.WHITE));
    }

    /** RGBA, but every pixel opaque: declares an alpha channel and uses none. */
    public static byte[] rgbaWithoutTransparentPixels(int side) {
        return png(drawSeal(new BufferedImage(side, side, BufferedImage.TYPE_INT_ARGB), Color.WHITE));
    }

    /** A palette image whose white entry is transparent: colour type 3 with a tRNS chunk. */
    public static byte[] paletteSealWithTrns(int side) {
        byte[] r = {(byte) 255, (byte) 200};
        byte[] g = {(byte) 255, 0};
        byte[] b = {(byte) 255, 0};
        byte[] a = {0, (byte) 255};
        BufferedImage image =
                new BufferedImage(side, side, BufferedImage.TYPE_BYTE_INDEXED, new IndexColorModel(8, 2, r, g, b, a));
        return png(drawSeal(image, null));
    }

    /** A JPEG of the seal: what a file renamed from {@code .jpg} to {@code .png} holds. */
    public static byte[] jpegSeal(int side) {
        BufferedImage image = drawSeal(new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB), Color.WHITE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpeg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] svgSeal() {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"400\" "
                        + "height=\"400\"><circle cx=\"200\" cy=\"200\" r=\"180\" stroke=\"red\" stroke-width=\"12\" "
                        + "fill=\"none\"/><script>alert(1)</script></svg>\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A transparent RGBA PNG of random noise: incompressible, so about {@code 4 × side²} bytes — an easy way to a
     * too-large file that is otherwise acceptable.
     */
    public static byte[] noisyTransparentPng(int side) {
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_ARGB);
        Random random = new Random(side);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                int alpha = (x + y) % 3 == 0 ? 0 : 255;
                image.setRGB(x, y, (alpha << 24) | (random.nextInt() & 0xFFFFFF));
            }
        }
        return png(image);
    }

    /**
     * A decompression bomb's front: a valid PNG signature and IHDR claiming {@code width × height} RGBA pixels,
     * followed by a small IDAT and IEND. Made in microseconds; decoding it would need width × height × 4 bytes.
     */
    public static byte[] pngHeaderClaiming(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(13)
                .putInt(width)
                .putInt(height)
                .put((byte) 8)
                .put((byte) 6)
                .put((byte) 0)
                .put((byte) 0)
                .put((byte) 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        chunk(out, "IHDR", ihdr.array());
        // the start of a zlib stream of zeros; a real bomb would inflate to the claimed size
        chunk(out, "IDAT", new byte[] {0x78, (byte) 0xDA, (byte) 0xED, (byte) 0xC1, 0x01, 0x0D, 0, 0, 0, (byte) 0xC2});
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    /** {@code png} with an extra chunk inserted right after IHDR (e.g. a tEXt comment). */
    public static byte[] withChunkAfterHeader(byte[] png, String type, byte[] data) {
        int afterIhdr = 8 + 8 + 13 + 4;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, afterIhdr);
        chunk(out, type, data);
        out.write(png, afterIhdr, png.length - afterIhdr);
        return out.toByteArray();
    }

    public static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.ISO_8859_1);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private static BufferedImage drawSeal(BufferedImage image, Color background) {
        int side = image.getWidth();
        Graphics2D g = image.createGraphics();
        try {
            if (background != null) {
                g.setColor(background);
                g.fillRect(0, 0, side, side);
            }
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(new Color(200, 0, 0));
            float stroke = Math.max(2, side / 30f);
            g.setStroke(new BasicStroke(stroke));
            int inset = (int) Math.ceil(stroke);
            g.drawOval(inset, inset, side - 2 * inset, side - 2 * inset);
            int star = side / 5;
            g.fillOval(side / 2 - star / 2, side / 2 - star / 2, star, star);
        } finally {
            g.dispose();
        }
        return image;
    }

    private static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}

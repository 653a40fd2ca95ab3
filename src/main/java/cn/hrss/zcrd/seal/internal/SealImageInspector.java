package cn.hrss.zcrd.seal.internal;

import cn.hrss.zcrd.shared.FieldProblem;
import cn.hrss.zcrd.shared.InvalidInputException;
import cn.hrss.zcrd.shared.Uploads;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decides whether uploaded bytes are an acceptable seal impression, by content only (the file name is never looked
 * at): a PNG with transparency, within a byte limit and within pixel dimensions.
 *
 * <p>The order matters against decompression bombs: the byte limit first, then the PNG signature, then the chunk
 * structure is walked <em>without inflating anything</em> — the IHDR header gives width, height, bit depth and
 * colour type, so a 20,000 × 20,000 image is refused from its first 33 bytes, before a pixel is allocated. The
 * transparency must be declared in the header (a colour type with alpha) or by a {@code tRNS} chunk. Only then are
 * the pixels decoded, from a copy that holds just the chunks needed to draw the image (IHDR, PLTE, tRNS, IDAT, IEND),
 * so no compressed text or colour-profile chunk is ever inflated; decoding is subsampled so memory stays below
 * {@value #DECODE_PIXELS} pixels whatever the (already bounded) dimensions. The decoded image must really have a
 * transparent background (at least {@value #MIN_TRANSPARENT_PERCENT}% of its pixels).
 *
 * <p>What is stored is that reduced copy: the user's pixel data byte for byte, without ancillary chunks that
 * nothing on a certificate needs. Refusals are {@link InvalidInputException}s at the field {@value #FIELD}. Plain
 * Java, no Spring.
 */
public final class SealImageInspector {

    /** An accepted seal image: the PNG to store and its dimensions. */
    public record CheckedPng(byte[] png, int width, int height) {}

    /** The facts of a PNG's IHDR chunk. */
    record Header(int width, int height, int bitDepth, int colourType, int interlace) {

        boolean hasAlphaChannel() {
            return colourType == 4 || colourType == 6;
        }
    }

    static final String FIELD = "file";
    static final long DECODE_PIXELS = 1_000_000L;
    static final int MIN_TRANSPARENT_PERCENT = 5;
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    /** chunks kept in the stored copy: what is needed to draw the pixels, nothing else */
    private static final Set<String> KEPT_CHUNKS = Set.of("IHDR", "PLTE", "tRNS", "IDAT", "IEND");

    private final long maxBytes;
    private final int maxSide;
    private final int minSide;

    public SealImageInspector(long maxBytes, int maxSide, int minSide) {
        if (maxBytes <= 0 || maxBytes > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("seal max-bytes out of range: " + maxBytes);
        }
        if (minSide < 1 || maxSide < minSide || (long) maxSide * maxSide > 100_000_000L) {
            throw new IllegalArgumentException("seal side limits out of range: " + minSide + ".." + maxSide);
        }
        this.maxBytes = maxBytes;
        this.maxSide = maxSide;
        this.minSide = minSide;
    }

    /** Reads an upload, but never more than one byte beyond the limit: a larger one is refused as too large. */
    public byte[] read(InputStream in) {
        return Uploads.readAtMost(in, maxBytes, this::tooLarge, () -> refused("seal.upload.unreadable"));
    }

    /** The seal image to store, or a refusal naming what is wrong with the bytes. */
    public CheckedPng inspect(byte[] data) {
        if (data == null || data.length == 0) {
            throw refused("seal.upload.empty");
        }
        if (data.length > maxBytes) {
            throw tooLarge();
        }
        if (!Uploads.startsWith(data, PNG_SIGNATURE)) {
            throw refused(notPngReason(data));
        }
        ByteArrayOutputStream kept = new ByteArrayOutputStream(data.length);
        kept.writeBytes(PNG_SIGNATURE);
        Header header = walkChunks(data, kept);
        byte[] png = kept.toByteArray();
        checkPixels(png, header);
        return new CheckedPng(png, header.width(), header.height());
    }

    /**
     * Walks the chunks up to IEND: checks lengths and CRCs, refuses out-of-bounds dimensions as soon as IHDR is
     * read, and requires a declared transparency; copies the kept chunks to {@code kept}. Inflates nothing.
     */
    Header walkChunks(byte[] data, ByteArrayOutputStream kept) {
        int offset = PNG_SIGNATURE.length;
        Header header = null;
        boolean palette = false;
        boolean transparencyChunk = false;
        boolean imageData = false;
        String previous = "";
        while (true) {
            if (offset + 12 > data.length) {
                throw refused("seal.upload.damaged");
            }
            long length = readUnsignedInt(data, offset);
            if (length > data.length - offset - 12L) {
                throw refused("seal.upload.damaged");
            }
            String type = new String(data, offset + 4, 4, StandardCharsets.ISO_8859_1);
            int dataStart = offset + 8;
            int end = dataStart + (int) length + 4;
            if (!type.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))
                    || readUnsignedInt(data, end - 4) != crc(data, offset + 4, (int) length + 4)) {
                throw refused("seal.upload.damaged");
            }
            if (header == null) {
                if (!"IHDR".equals(type) || length != 13) {
                    throw refused("seal.upload.damaged");
                }
                header = header(data, dataStart);
                checkDimensions(header);
            } else if ("IHDR".equals(type)) {
                throw refused("seal.upload.damaged");
            } else if ("PLTE".equals(type)) {
                palette = true;
            } else if ("tRNS".equals(type)) {
                transparencyChunk = true;
            } else if ("IDAT".equals(type)) {
                if (imageData && !"IDAT".equals(previous)) {
                    throw refused("seal.upload.damaged");
                }
                if (!imageData) {
                    requireTransparency(header, transparencyChunk);
                }
                imageData = true;
            } else if ("IEND".equals(type)) {
                if (!imageData || (header.colourType() == 3 && !palette)) {
                    throw refused("seal.upload.damaged");
                }
                kept.write(data, offset, end - offset);
                return header;
            } else if (Character.isUpperCase(type.charAt(0))) {
                // an unknown critical chunk: no decoder may ignore it, so neither do we
                throw refused("seal.upload.damaged");
            }
            if (KEPT_CHUNKS.contains(type)) {
                kept.write(data, offset, end - offset);
            }
            previous = type;
            offset = end;
        }
    }

    private Header header(byte[] data, int at) {
        long width = readUnsignedInt(data, at);
        long height = readUnsignedInt(data, at + 4);
        int bitDepth = data[at + 8] & 0xFF;
        int colourType = data[at + 9] & 0xFF;
        int compression = data[at + 10] & 0xFF;
        int filter = data[at + 11] & 0xFF;
        int interlace = data[at + 12] & 0xFF;
        if (width == 0
                || height == 0
                || width > Integer.MAX_VALUE
                || height > Integer.MAX_VALUE
                || compression != 0
                || filter != 0
                || interlace > 1
                || !validDepth(colourType, bitDepth)) {
            throw refused("seal.upload.damaged");
        }
        return new Header((int) width, (int) height, bitDepth, colourType, interlace);
    }

    private void checkDimensions(Header header) {
        if (header.width() > maxSide || header.height() > maxSide) {
            throw refused(
                    "seal.upload.too-many-pixels",
                    String.valueOf(header.width()),
                    String.valueOf(header.height()),
                    String.valueOf(maxSide));
        }
        if (header.width() < minSide || header.height() < minSide) {
            throw refused(
                    "seal.upload.too-few-pixels",
                    String.valueOf(header.width()),
                    String.valueOf(header.height()),
                    String.valueOf(minSide));
        }
    }

    private static void requireTransparency(Header header, boolean transparencyChunk) {
        if (!header.hasAlphaChannel() && !transparencyChunk) {
            throw refused("seal.upload.no-transparency");
        }
    }

    /** Decodes the (bounded) image subsampled and checks it is intact and really has a transparent background. */
    private static void checkPixels(byte[] png, Header header) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("png");
        if (!readers.hasNext()) {
            throw new IllegalStateException("no ImageIO reader for PNG");
        }
        ImageReader reader = readers.next();
        AtomicBoolean damaged = new AtomicBoolean();
        BufferedImage image;
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(png))) {
            // metadata is read (the tRNS chunk of a grey or RGB image lives there): only kept chunks remain
            reader.setInput(in, true, false);
            reader.addIIOReadWarningListener((source, warning) -> damaged.set(true));
            ImageReadParam param = reader.getDefaultReadParam();
            int step = 1;
            while ((long) (header.width() / step) * (header.height() / step) > DECODE_PIXELS) {
                step++;
            }
            param.setSourceSubsampling(step, step, 0, 0);
            image = reader.read(0, param);
        } catch (IOException | RuntimeException e) {
            throw refused("seal.upload.damaged");
        } finally {
            reader.dispose();
        }
        if (image == null || damaged.get()) {
            throw refused("seal.upload.damaged");
        }
        if (!image.getColorModel().hasAlpha() || transparentPercent(image) < MIN_TRANSPARENT_PERCENT) {
            throw refused("seal.upload.no-transparency");
        }
    }

    /** The share of (sampled) pixels that are more transparent than opaque, in percent. */
    static int transparentPercent(BufferedImage image) {
        long transparent = 0;
        int width = image.getWidth();
        int[] row = new int[width];
        WritableRaster alpha = image.getAlphaRaster();
        // the alpha band read directly (8 or 16 bits); palette images have none and go through their colour model
        int half = alpha == null ? 128 : 1 << (alpha.getSampleModel().getSampleSize(0) - 1);
        for (int y = 0; y < image.getHeight(); y++) {
            if (alpha != null) {
                alpha.getSamples(0, y, width, 1, 0, row);
            } else {
                image.getRGB(0, y, width, 1, row, 0, width);
                for (int x = 0; x < width; x++) {
                    row[x] >>>= 24;
                }
            }
            for (int a : row) {
                if (a < half) {
                    transparent++;
                }
            }
        }
        return (int) (transparent * 100 / ((long) width * image.getHeight()));
    }

    /** Why bytes that are not a PNG are refused: named for the usual suspects, JPEG, SVG and HTML (a web page saved as .png). */
    static String notPngReason(byte[] data) {
        if (Uploads.startsWith(data, JPEG_MAGIC)) {
            return "seal.upload.jpeg";
        }
        String head =
                new String(data, 0, Math.min(data.length, 4096), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        if (head.startsWith("\u00ef\u00bb\u00bf")) {
            head = head.substring(3);
        }
        head = head.stripLeading();
        if (head.startsWith("<") && head.contains("<svg")) {
            return "seal.upload.svg";
        }
        if (head.startsWith("<!doctype html")
                || head.startsWith("<html")
                || head.contains("<body")
                || head.contains("<head")) {
            return "seal.upload.html";
        }
        return "seal.upload.not-png";
    }

    private static boolean validDepth(int colourType, int bitDepth) {
        return switch (colourType) {
            case 0 -> bitDepth == 1 || bitDepth == 2 || bitDepth == 4 || bitDepth == 8 || bitDepth == 16;
            case 3 -> bitDepth == 1 || bitDepth == 2 || bitDepth == 4 || bitDepth == 8;
            case 2, 4, 6 -> bitDepth == 8 || bitDepth == 16;
            default -> false;
        };
    }

    private static long readUnsignedInt(byte[] data, int at) {
        return ((data[at] & 0xFFL) << 24)
                | ((data[at + 1] & 0xFFL) << 16)
                | ((data[at + 2] & 0xFFL) << 8)
                | (data[at + 3] & 0xFFL);
    }

    private static long crc(byte[] data, int offset, int length) {
        CRC32 crc = new CRC32();
        crc.update(data, offset, length);
        return crc.getValue();
    }

    private InvalidInputException tooLarge() {
        return refused("seal.upload.too-large", String.valueOf(maxBytes / 1024));
    }

    private static InvalidInputException refused(String key, Object... arguments) {
        return new InvalidInputException(FieldProblem.of(FIELD, key, arguments));
    }

    public long maxBytes() {
        return maxBytes;
    }

    public int maxSide() {
        return maxSide;
    }

    public int minSide() {
        return minSide;
    }
}

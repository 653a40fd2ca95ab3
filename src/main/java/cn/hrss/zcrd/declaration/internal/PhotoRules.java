package cn.hrss.zcrd.declaration.internal;

import cn.hrss.zcrd.shared.FieldProblem;
import cn.hrss.zcrd.shared.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * What makes an upload a standard ID photo (证件照) for the 认定表, decided by content: a JPEG or PNG (really decoded by
 * {@link AttachmentInspector}), at most {@value #MAX_BYTES} bytes, portrait, between {@value #MIN_WIDTH}×{@value
 * #MIN_HEIGHT} and {@value #MAX_WIDTH}×{@value #MAX_HEIGHT} pixels — a one-inch photo is 295×413, a two-inch one
 * 413×579 (300 dpi) — with height / width between 1.2 and 1.55 (3:4 is 1.33, the one-inch 1.40). Refusals are
 * {@link InvalidInputException}s at the upload field, with Chinese messages naming the bound. Plain Java.
 */
public final class PhotoRules {

    /** 500 KB: a 413×579 JPEG of good quality is 60–150 KB; more means a scan or an unprocessed camera file */
    public static final int MAX_BYTES = 500 * 1024;

    public static final int MIN_WIDTH = 260;
    public static final int MAX_WIDTH = 720;
    public static final int MIN_HEIGHT = 350;
    public static final int MAX_HEIGHT = 1000;
    /** height / width in thousandths: 1.200 … 1.550 */
    private static final int MIN_RATIO = 1200;

    private static final int MAX_RATIO = 1550;

    private PhotoRules() {}

    /** Reads an upload, but never more than one byte beyond {@link #MAX_BYTES} (a larger one is refused as such). */
    public static byte[] read(InputStream in) {
        try (in) {
            return in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw refused("declaration.attachment.unreadable");
        }
    }

    /** The photo's pixel size once every rule holds; otherwise the refusal. */
    public static Size check(byte[] data, AttachmentInspector inspector) {
        if (data.length == 0) {
            throw refused("declaration.photo.empty");
        }
        var type = AttachmentInspector.sniff(data)
                .filter(t -> t != AttachmentInspector.Type.PDF)
                .orElseThrow(() -> refused("declaration.photo.type"));
        if (data.length > MAX_BYTES) {
            throw refused("declaration.photo.too-large", String.valueOf(MAX_BYTES / 1024));
        }
        inspector.inspect(data); // the whole image decodes (damaged files, PNG bombs)
        Size size = size(data, type);
        if (size.width() < MIN_WIDTH
                || size.width() > MAX_WIDTH
                || size.height() < MIN_HEIGHT
                || size.height() > MAX_HEIGHT) {
            throw refused(
                    "declaration.photo.dimensions",
                    String.valueOf(MIN_WIDTH),
                    String.valueOf(MAX_WIDTH),
                    String.valueOf(MIN_HEIGHT),
                    String.valueOf(MAX_HEIGHT),
                    String.valueOf(size.width()),
                    String.valueOf(size.height()));
        }
        long ratio = size.height() * 1000L / size.width();
        if (ratio < MIN_RATIO || ratio > MAX_RATIO) {
            throw refused("declaration.photo.ratio", String.valueOf(size.width()), String.valueOf(size.height()));
        }
        return size;
    }

    /** Pixel width and height. */
    public record Size(int width, int height) {}

    private static Size size(byte[] data, AttachmentInspector.Type type) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(type.extension());
        ImageReader reader = readers.next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(data))) {
            reader.setInput(in, true, true);
            return new Size(reader.getWidth(0), reader.getHeight(0));
        } catch (IOException e) {
            throw refused("declaration.attachment.unreadable");
        } finally {
            reader.dispose();
        }
    }

    private static InvalidInputException refused(String key, Object... arguments) {
        return new InvalidInputException(FieldProblem.of(AttachmentInspector.FIELD, key, arguments));
    }
}

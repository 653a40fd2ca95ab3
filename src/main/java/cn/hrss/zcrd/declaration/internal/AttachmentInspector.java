package cn.hrss.zcrd.declaration.internal;

import cn.hrss.zcrd.shared.FieldProblem;
import cn.hrss.zcrd.shared.InvalidInputException;
import com.itextpdf.kernel.pdf.PdfDictionary;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;

/**
 * Decides whether uploaded bytes are an acceptable attachment by what they are, never by their name: the magic bytes
 * of PDF, JPEG or PNG, then a real parse — iText opens the PDF and walks its pages; ImageIO decodes the whole image
 * (subsampled, so memory stays bounded whatever the dimensions, after refusing dimensions above a limit). Refusals
 * are {@link InvalidInputException}s at the field {@code file}, with a message key. Plain Java.
 */
public final class AttachmentInspector {

    /** What an accepted attachment is, by content. */
    public enum Type {
        PDF("application/pdf", "pdf"),
        JPEG("image/jpeg", "jpg"),
        PNG("image/png", "png");

        private final String contentType;
        private final String extension;

        Type(String contentType, String extension) {
            this.contentType = contentType;
            this.extension = extension;
        }

        public String contentType() {
            return contentType;
        }

        public String extension() {
            return extension;
        }
    }

    static final String FIELD = "file";
    static final int MAX_NAME_LENGTH = 100;
    /** pixels of the decoded (subsampled) check image; 4 MP × 4 bytes = 16 MB at most per check */
    private static final long DECODE_PIXELS = 4_000_000L;

    private static final byte[] PDF_MAGIC = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};

    private final long maxBytes;
    private final long maxImagePixels;

    public AttachmentInspector(long maxBytes, long maxImagePixels) {
        if (maxBytes <= 0 || maxBytes > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("attachment-max-bytes out of range: " + maxBytes);
        }
        this.maxBytes = maxBytes;
        this.maxImagePixels = maxImagePixels;
    }

    /** Reads an upload, but never more than one byte beyond the limit: a larger one is refused as too large. */
    public byte[] read(InputStream in) {
        try (in) {
            byte[] data = in.readNBytes((int) maxBytes + 1);
            if (data.length > maxBytes) {
                throw tooLarge();
            }
            return data;
        } catch (IOException e) {
            throw refused("declaration.attachment.unreadable");
        }
    }

    /** The type of the bytes, or a refusal: empty, too large, not PDF/JPEG/PNG, or not parseable as what it claims. */
    public Type inspect(byte[] data) {
        if (data.length == 0) {
            throw refused("declaration.attachment.empty");
        }
        if (data.length > maxBytes) {
            throw tooLarge();
        }
        Type type = sniff(data).orElseThrow(() -> refused("declaration.attachment.type"));
        switch (type) {
            case PDF -> checkPdf(data);
            case JPEG, PNG -> checkImage(data, type);
        }
        return type;
    }

    static Optional<Type> sniff(byte[] data) {
        if (startsWith(data, PDF_MAGIC)) {
            return Optional.of(Type.PDF);
        }
        if (startsWith(data, PNG_MAGIC)) {
            return Optional.of(Type.PNG);
        }
        if (startsWith(data, JPEG_MAGIC)) {
            return Optional.of(Type.JPEG);
        }
        return Optional.empty();
    }

    private static void checkPdf(byte[] data) {
        boolean activeContent;
        try (PdfDocument pdf = new PdfDocument(new PdfReader(new ByteArrayInputStream(data)))) {
            int pages = pdf.getNumberOfPages();
            if (pages < 1) {
                throw refused("declaration.attachment.unreadable");
            }
            for (int i = 1; i <= pages; i++) {
                pdf.getPage(i).getPageSize();
            }
            activeContent = hasActiveContent(pdf.getCatalog().getPdfObject());
        } catch (InvalidInputException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // not a PDF after all, damaged beyond repair, or encrypted with a password reviewers do not have
            throw refused("declaration.attachment.unreadable");
        }
        if (activeContent) {
            throw refused("declaration.attachment.active-content");
        }
    }

    /** Scripts, launch actions or embedded files: nothing a scanned certificate needs, everything a trap does. */
    private static boolean hasActiveContent(PdfDictionary catalog) {
        PdfDictionary names = catalog.getAsDictionary(PdfName.Names);
        if (names != null && (names.containsKey(PdfName.JavaScript) || names.containsKey(PdfName.EmbeddedFiles))) {
            return true;
        }
        if (catalog.containsKey(PdfName.AA)) {
            return true;
        }
        PdfDictionary openAction = catalog.getAsDictionary(PdfName.OpenAction);
        if (openAction != null) {
            PdfName kind = openAction.getAsName(PdfName.S);
            return PdfName.JavaScript.equals(kind) || PdfName.Launch.equals(kind);
        }
        return false;
    }

    private void checkImage(byte[] data, Type type) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(type == Type.PNG ? "png" : "jpeg");
        if (!readers.hasNext()) {
            throw new IllegalStateException("no ImageIO reader for " + type);
        }
        ImageReader reader = readers.next();
        AtomicBoolean damaged = new AtomicBoolean();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(data))) {
            reader.setInput(in, true, true);
            // a truncated JPEG decodes with a warning ("Premature end of JPEG file"), not an exception
            reader.addIIOReadWarningListener(warningsTo(damaged));
            long width = reader.getWidth(0);
            long height = reader.getHeight(0);
            if (width <= 0 || height <= 0) {
                throw refused("declaration.attachment.unreadable");
            }
            if (width * height > maxImagePixels) {
                throw refused("declaration.attachment.image-too-large", String.valueOf(maxImagePixels / 10_000));
            }
            ImageReadParam param = reader.getDefaultReadParam();
            int step = 1;
            while ((width / step) * (height / step) > DECODE_PIXELS) {
                step++;
            }
            param.setSourceSubsampling(step, step, 0, 0);
            BufferedImage image = reader.read(0, param);
            if (image == null || damaged.get()) {
                throw refused("declaration.attachment.unreadable");
            }
        } catch (InvalidInputException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw refused("declaration.attachment.unreadable");
        } finally {
            reader.dispose();
        }
    }

    private static IIOReadWarningListener warningsTo(AtomicBoolean damaged) {
        return (source, warning) -> damaged.set(true);
    }

    /**
     * The uploader's file name as data: last path segment only, no control, format (e.g. right-to-left override) or
     * path characters, NFC, at most {@value #MAX_NAME_LENGTH} characters keeping the extension; never blank.
     */
    public static String sanitiseName(String original) {
        if (original == null) {
            return "attachment";
        }
        String name = original;
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = Normalizer.normalize(name.substring(slash + 1), Normalizer.Form.NFC);
        StringBuilder clean = new StringBuilder();
        name.codePoints().filter(AttachmentInspector::allowedInName).forEach(clean::appendCodePoint);
        name = clean.toString().replaceAll("\\s+", " ").strip();
        while (name.startsWith(".")) {
            name = name.substring(1);
        }
        if (name.codePointCount(0, name.length()) > MAX_NAME_LENGTH) {
            int dot = name.lastIndexOf('.');
            String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
            String base = extension.isEmpty() ? name : name.substring(0, dot);
            int keep = MAX_NAME_LENGTH - extension.length();
            base = base.substring(0, base.offsetByCodePoints(0, keep));
            name = base + extension;
        }
        return name.isBlank() ? "attachment" : name;
    }

    private static boolean allowedInName(int c) {
        int type = Character.getType(c);
        return !Character.isISOControl(c)
                && type != Character.FORMAT
                && type != Character.SURROGATE
                && type != Character.PRIVATE_USE
                && type != Character.UNASSIGNED
                && "<>:\"/\\|?*".indexOf(c) < 0;
    }

    private InvalidInputException tooLarge() {
        String megabytes = BigDecimal.valueOf(maxBytes)
                .divide(BigDecimal.valueOf(1024 * 1024), 1, RoundingMode.HALF_UP)
                .stripTrailingZeros()
                .toPlainString();
        return refused("declaration.attachment.too-large", megabytes);
    }

    private static InvalidInputException refused(String key, Object... arguments) {
        return new InvalidInputException(FieldProblem.of(FIELD, key, arguments));
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        return data.length >= prefix.length && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
    }

    public long maxBytes() {
        return maxBytes;
    }
}

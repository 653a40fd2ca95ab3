package cn.hrss.zcrd.declaration.internal;

import cn.hrss.zcrd.shared.FieldProblem;
import cn.hrss.zcrd.shared.InvalidInputException;
import cn.hrss.zcrd.shared.Uploads;
import com.itextpdf.kernel.pdf.MemoryLimitsAwareHandler;
import com.itextpdf.kernel.pdf.PdfDictionary;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfNumber;
import com.itextpdf.kernel.pdf.PdfPage;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.ReaderProperties;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
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
 * of PDF, JPEG or PNG, then a real parse — iText opens the PDF (with limits on what streams may inflate to, on the
 * number of objects and on the declared page count, checked before a page is walked), walks its pages and looks at
 * every object for active content ({@link ActiveContent}); ImageIO decodes the whole image
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
    /** inflated size of a PNG's pixel data over its compressed size above which it is a decompression bomb */
    static final long MAX_PNG_RATIO = 1000;
    /** pages of a PDF attachment: scanned certificates and diplomas have a handful */
    static final int MAX_PAGES = 500;
    /** indirect objects of a PDF attachment (a 500-page scan has a few thousand) */
    static final int MAX_OBJECTS = 200_000;
    /** what one stream (e.g. an object stream the parser must inflate) may inflate to */
    private static final int MAX_INFLATED_STREAM = 32 * 1024 * 1024;
    /** what all streams inflated during the check may add up to */
    private static final long MAX_INFLATED_TOTAL = 64L * 1024 * 1024;

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
        return Uploads.readAtMost(in, maxBytes, this::tooLarge, () -> refused("declaration.attachment.unreadable"));
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
            case PNG -> {
                checkPngStructure(data);
                checkImage(data, type);
            }
            case JPEG -> checkImage(data, type);
        }
        return type;
    }

    static Optional<Type> sniff(byte[] data) {
        if (Uploads.startsWith(data, PDF_MAGIC)) {
            return Optional.of(Type.PDF);
        }
        if (Uploads.startsWith(data, PNG_MAGIC)) {
            return Optional.of(Type.PNG);
        }
        if (Uploads.startsWith(data, JPEG_MAGIC)) {
            return Optional.of(Type.JPEG);
        }
        return Optional.empty();
    }

    private static void checkPdf(byte[] data) {
        switch (PdfPrescan.scan(data, MAX_PAGES)) {
            case TOO_MANY_PAGES -> throw refused("declaration.attachment.too-many-pages", String.valueOf(MAX_PAGES));
            case INFLATES_TOO_MUCH ->
                throw refused(
                        "declaration.attachment.inflates-too-much",
                        String.valueOf(PdfPrescan.INFLATE_BUDGET / (1024 * 1024)));
            case INDIRECT_COUNT -> throw refused("declaration.attachment.unreadable");
            case NONE -> {
                // the parser may open it
            }
        }
        String activeContent;
        MemoryLimitsAwareHandler memory = new MemoryLimitsAwareHandler(data.length);
        memory.setMaxSizeOfSingleDecompressedPdfStream(MAX_INFLATED_STREAM);
        memory.setMaxSizeOfDecompressedPdfStreamsSum(MAX_INFLATED_TOTAL);
        memory.setMaxNumberOfElementsInXrefStructure(MAX_OBJECTS);
        ReaderProperties properties = new ReaderProperties().setMemoryLimitsAwareHandler(memory);
        try (PdfDocument pdf = new PdfDocument(new PdfReader(new ByteArrayInputStream(data), properties))) {
            if (pdf.getNumberOfPdfObjects() > MAX_OBJECTS) {
                throw refused("declaration.attachment.unreadable");
            }
            int pages = declaredPages(pdf);
            for (int i = 1; i <= pages; i++) {
                PdfPage page = pdf.getPage(i);
                if (page == null) {
                    throw refused("declaration.attachment.unreadable");
                }
                page.getPageSize();
            }
            activeContent = ActiveContent.find(pdf);
        } catch (InvalidInputException e) {
            throw e;
        } catch (IOException | RuntimeException | StackOverflowError e) {
            // not a PDF after all, damaged beyond repair, nested deeper than any real document (the parser's
            // recursion runs out of stack: caught here, on a stack that unwinds completely), a decompression bomb
            // (the memory limits), or encrypted with a password reviewers do not have
            throw refused("declaration.attachment.unreadable");
        }
        if (activeContent != null) {
            throw refused("declaration.attachment.active-content", activeContent);
        }
    }

    /**
     * The page count the root of the page tree declares, refused before any page is looked at when it is beyond
     * what an attachment has (a hostile {@code /Count} of two billion would otherwise be walked) or not positive.
     */
    private static int declaredPages(PdfDocument pdf) {
        PdfDictionary root = pdf.getCatalog().getPdfObject().getAsDictionary(PdfName.Pages);
        PdfNumber count = root == null ? null : root.getAsNumber(PdfName.Count);
        if (count == null || count.doubleValue() < 1 || count.doubleValue() != Math.rint(count.doubleValue())) {
            throw refused("declaration.attachment.unreadable");
        }
        if (count.doubleValue() > MAX_PAGES) {
            throw refused("declaration.attachment.too-many-pages", String.valueOf(MAX_PAGES));
        }
        int pages = pdf.getNumberOfPages();
        if (pages != count.intValue()) {
            throw refused("declaration.attachment.unreadable");
        }
        return pages;
    }

    /**
     * Walks a PNG's chunks without inflating anything: lengths and CRCs (ImageIO ignores a wrong CRC), IHDR first,
     * IEND last; refuses too many pixels from the header and pixel data that would inflate to more than
     * {@value #MAX_PNG_RATIO} times its compressed size — a decompression bomb, which the decoder would otherwise
     * spend seconds inflating.
     */
    private void checkPngStructure(byte[] data) {
        int offset = PNG_MAGIC.length;
        long compressed = 0;
        long raw = -1;
        while (true) {
            if (offset + 12 > data.length) {
                throw refused("declaration.attachment.unreadable");
            }
            long length = uint(data, offset);
            if (length > data.length - offset - 12L) {
                throw refused("declaration.attachment.unreadable");
            }
            String chunk = new String(data, offset + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
            int end = offset + 8 + (int) length + 4;
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(data, offset + 4, (int) length + 4);
            if (uint(data, end - 4) != crc.getValue()) {
                throw refused("declaration.attachment.unreadable");
            }
            if (raw < 0) {
                if (!"IHDR".equals(chunk) || length != 13) {
                    throw refused("declaration.attachment.unreadable");
                }
                long width = uint(data, offset + 8);
                long height = uint(data, offset + 12);
                int depth = data[offset + 16] & 0xFF;
                int channels = switch (data[offset + 17] & 0xFF) {
                    case 0, 3 -> 1;
                    case 4 -> 2;
                    case 2 -> 3;
                    case 6 -> 4;
                    default -> throw refused("declaration.attachment.unreadable");
                };
                if (width == 0 || height == 0 || depth == 0 || depth > 16) {
                    throw refused("declaration.attachment.unreadable");
                }
                if (width * height > maxImagePixels) {
                    throw refused("declaration.attachment.image-too-large", String.valueOf(maxImagePixels / 10_000));
                }
                raw = height * (1 + (width * channels * depth + 7) / 8);
            } else if ("IDAT".equals(chunk)) {
                compressed += length;
            } else if ("IEND".equals(chunk)) {
                break;
            }
            offset = end;
        }
        if (compressed == 0) {
            throw refused("declaration.attachment.unreadable");
        }
        if (raw / compressed > MAX_PNG_RATIO) {
            throw refused("declaration.attachment.png-bomb");
        }
    }

    private static long uint(byte[] data, int at) {
        return ((data[at] & 0xFFL) << 24)
                | ((data[at + 1] & 0xFFL) << 16)
                | ((data[at + 2] & 0xFFL) << 8)
                | (data[at + 3] & 0xFFL);
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

    public long maxBytes() {
        return maxBytes;
    }
}

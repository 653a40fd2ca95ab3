package cn.hrss.zcrd.declaration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.hrss.zcrd.shared.FieldProblem;
import cn.hrss.zcrd.shared.InvalidInputException;
import cn.hrss.zcrd.support.TestPhotos;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.kernel.pdf.action.PdfAction;
import com.itextpdf.layout.Document;
import com.itextpdf.layout.element.Paragraph;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The content check of attachments: what the bytes are decides, never the name. */
class AttachmentInspectorTest {

    static final long FIVE_MB = 5L * 1024 * 1024;
    final AttachmentInspector inspector = new AttachmentInspector(FIVE_MB, 60_000_000L);

    @Test
    void acceptsARealPdfJpegAndPng() {
        assertThat(inspector.inspect(pdf())).isEqualTo(AttachmentInspector.Type.PDF);
        assertThat(inspector.inspect(image("jpg", 800, 600))).isEqualTo(AttachmentInspector.Type.JPEG);
        assertThat(inspector.inspect(image("png", 800, 600))).isEqualTo(AttachmentInspector.Type.PNG);
        assertThat(AttachmentInspector.Type.JPEG.contentType()).isEqualTo("image/jpeg");
    }

    @Test
    void refusesAnExecutableWhateverItIsCalled() {
        assertRefused(exe(), "declaration.attachment.type");
    }

    @Test
    void refusesAFileThatOnlyStartsLikeAPdf() {
        byte[] fake = concat("%PDF-1.7\n".getBytes(), randomBytes(4096));
        assertRefused(fake, "declaration.attachment.unreadable");
    }

    @Test
    void refusesTruncatedImages() {
        byte[] png = image("png", 400, 300);
        byte[] jpeg = image("jpg", 400, 300);
        assertRefused(Arrays.copyOf(png, png.length / 2), "declaration.attachment.unreadable");
        assertRefused(Arrays.copyOf(jpeg, jpeg.length / 2), "declaration.attachment.unreadable");
    }

    @Test
    void refusesAPdfThatRunsScripts() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PdfDocument pdf = new PdfDocument(new PdfWriter(out));
                Document doc = new Document(pdf)) {
            doc.add(new Paragraph("diploma"));
            pdf.getCatalog().setOpenAction(PdfAction.createJavaScript("app.alert('x')"));
        }
        assertRefused(out.toByteArray(), "declaration.attachment.active-content");
    }

    @Test
    void refusesEmptyAndOversizedContent() {
        assertRefused(new byte[0], "declaration.attachment.empty");
        byte[] sixMegabytes = concat(pdf(), new byte[6 * 1024 * 1024]);
        assertThatThrownBy(() -> inspector.inspect(sixMegabytes))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .containsExactly(FieldProblem.of("file", "declaration.attachment.too-large", "5")));
    }

    @Test
    void readingAnUploadStopsOneByteAfterTheLimit() {
        AtomicLong read = new AtomicLong();
        InputStream sixMegabytes = new FilterInputStream(new ByteArrayInputStream(new byte[6 * 1024 * 1024])) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                read.addAndGet(Math.max(n, 0));
                return n;
            }
        };

        assertThatThrownBy(() -> inspector.read(sixMegabytes))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).messageKey())
                                .isEqualTo("declaration.attachment.too-large"));
        assertThat(read.get()).isEqualTo(FIVE_MB + 1);
        byte[] small = pdf();
        assertThat(inspector.read(new ByteArrayInputStream(small))).isEqualTo(small);
    }

    @Test
    void refusesAnImageWithMoreThanTheAllowedPixelsBeforeDecodingIt() {
        AttachmentInspector small = new AttachmentInspector(FIVE_MB, 100);
        assertThatThrownBy(() -> small.inspect(image("png", 20, 20)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).messageKey())
                                .isEqualTo("declaration.attachment.image-too-large"));
    }

    @Test
    void keepsTheOriginalNameOnlyAsHarmlessData() {
        assertThat(AttachmentInspector.sanitiseName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(AttachmentInspector.sanitiseName("C:\\Users\\张三\\毕业证书.pdf")).isEqualTo("毕业证书.pdf");
        assertThat(AttachmentInspector.sanitiseName("invoice\u202Efdp.exe")).isEqualTo("invoicefdp.exe");
        assertThat(AttachmentInspector.sanitiseName("a\u0000b\tc<>:\"|?*.pdf")).isEqualTo("abc.pdf");
        assertThat(AttachmentInspector.sanitiseName(".htaccess")).isEqualTo("htaccess");
        assertThat(AttachmentInspector.sanitiseName(null)).isEqualTo("attachment");
        assertThat(AttachmentInspector.sanitiseName("  /  ")).isEqualTo("attachment");
        String longName = "证".repeat(300) + ".pdf";
        String kept = AttachmentInspector.sanitiseName(longName);
        assertThat(kept.codePointCount(0, kept.length())).isEqualTo(100);
        assertThat(kept).endsWith(".pdf");
    }

    private void assertRefused(byte[] content, String key) {
        assertThatThrownBy(() -> inspector.inspect(content))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(FieldProblem::field, FieldProblem::messageKey)
                                .containsExactly(org.assertj.core.groups.Tuple.tuple("file", key)));
    }

    /** A one-page PDF as a scanner would make it. */
    static byte[] pdf() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PdfDocument pdf = new PdfDocument(new PdfWriter(out));
                Document doc = new Document(pdf)) {
            doc.add(new Paragraph("Diploma No. 104221202305001234"));
        }
        return out.toByteArray();
    }

    static byte[] image(String format, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        for (int i = 0; i < 50; i++) {
            g.setColor(new Color(ThreadLocalRandom.current().nextInt()));
            g.fillOval(
                    ThreadLocalRandom.current().nextInt(width),
                    ThreadLocalRandom.current().nextInt(height),
                    60,
                    40);
        }
        g.dispose();
        return TestPhotos.encode(image, format);
    }

    /** The start of a Windows executable (MZ header, PE offset), then noise. */
    static byte[] exe() {
        byte[] header = new byte[128];
        header[0] = 'M';
        header[1] = 'Z';
        header[0x3C] = 0x40;
        header[0x40] = 'P';
        header[0x41] = 'E';
        return concat(header, randomBytes(8192));
    }

    static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : List.of(parts)) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}

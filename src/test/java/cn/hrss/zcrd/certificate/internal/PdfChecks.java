package cn.hrss.zcrd.certificate.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What independent readers say of a PDF the hand-written serializer made: qpdf, iText strict, the xref itself. */
final class PdfChecks {

    private static final Pattern SECTION = Pattern.compile("(?m)^(\\d+) (\\d+)\\s*$");

    private PdfChecks() {}

    /** {@code qpdf --check}: exit 0 (no errors, no warnings) and its report; fails the test otherwise. */
    static String qpdfCheck(byte[] pdf) throws IOException, InterruptedException {
        Path file = Files.createTempFile("pdfcheck", ".pdf");
        try {
            Files.write(file, pdf);
            Process qpdf = new ProcessBuilder("qpdf", "--check", file.toString())
                    .redirectErrorStream(true)
                    .start();
            String report = new String(qpdf.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(qpdf.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(qpdf.exitValue()).as(report).isZero();
            assertThat(report).contains("No syntax or stream encoding errors found");
            return report;
        } finally {
            Files.delete(file);
        }
    }

    /** iText in its conservative mode reads the file without rebuilding or fixing the cross-reference table. */
    static int strictlyReadPages(byte[] pdf) throws IOException {
        PdfReader reader =
                new PdfReader(new ByteArrayInputStream(pdf)).setStrictnessLevel(PdfReader.StrictnessLevel.CONSERVATIVE);
        try (PdfDocument doc = new PdfDocument(reader)) {
            for (int i = 1; i < doc.getNumberOfPdfObjects(); i++) {
                doc.getPdfObject(i); // every object parses
            }
            assertThat(reader.hasRebuiltXref()).as("xref rebuilt").isFalse();
            assertThat(reader.hasFixedXref()).as("xref fixed").isFalse();
            return doc.getNumberOfPages();
        }
    }

    /**
     * Every in-use entry of every cross-reference section (all revisions) points at "N 0 obj" of its own number;
     * every startxref points at "xref". Returns the number of entries checked.
     */
    static int xrefOffsetsPointAtTheirObjects(byte[] pdf) {
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        int checked = 0;
        for (int s = text.indexOf("startxref"); s >= 0; s = text.indexOf("startxref", s + 1)) {
            int xref = Integer.parseInt(text.substring(s + 9).strip().split("\\s+")[0]);
            assertThat(text.startsWith("xref", xref)).as("startxref " + xref).isTrue();
            int trailer = text.indexOf("trailer", xref);
            String table = text.substring(xref + 4, trailer);
            String[] lines = table.strip().split("\\r?\\n");
            int k = 0;
            while (k < lines.length) {
                Matcher head = SECTION.matcher(lines[k++]);
                assertThat(head.matches()).as(lines[k - 1]).isTrue();
                int first = Integer.parseInt(head.group(1));
                int n = Integer.parseInt(head.group(2));
                for (int j = 0; j < n; j++) {
                    String entry = lines[k++];
                    assertThat(entry)
                            .matches("\\d{10} \\d{5} [nf] ?"); // 20 bytes with the line end; strip() took a space
                    if (entry.charAt(17) == 'n') {
                        int offset = Integer.parseInt(entry.substring(0, 10));
                        String expected = (first + j) + " 0 obj";
                        assertThat(text.startsWith(expected, offset))
                                .as("object %d at %d", first + j, offset)
                                .isTrue();
                        checked++;
                    }
                }
            }
        }
        return checked;
    }
}

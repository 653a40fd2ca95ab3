package cn.hrss.zcrd.certificate.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;

/**
 * A seal impression as PDF objects, decoded and compressed once: the image XObject ({@link CertificatePage#SEAL_IMAGE},
 * RGB with the PNG's alpha channel as its soft mask {@link CertificatePage#SEAL_MASK}) and the form XObject that
 * shows it fitted into the layout's seal square ({@link CertificatePage#SEAL_APPEARANCE}: the signature's visible
 * appearance). Rows are stored with the PNG "Up" predictor, which a seal's flat colours compress well with.
 */
final class SealArtwork {

    private SealArtwork() {}

    /**
     * The seal's objects and how to draw it in its square from the square's lower left corner (the appearance
     * stream's content, for the unsigned preview drawn on the page).
     */
    record Prepared(PdfOut.Chunk chunk, String drawing) {}

    static Prepared of(byte[] png, float size) {
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(png));
        } catch (IOException e) {
            throw new UncheckedIOException("Seal image cannot be decoded", e);
        }
        if (image == null) {
            throw new IllegalArgumentException("Seal image is not a PNG");
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean alpha = image.getColorModel().hasAlpha();
        byte[] rgb = new byte[h * (1 + 3 * w)];
        byte[] mask = new byte[h * (1 + w)];
        int[] row = new int[w];
        int[] previous = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            int p = y * (1 + 3 * w);
            int m = y * (1 + w);
            rgb[p++] = 2; // Up
            mask[m++] = 2;
            for (int x = 0; x < w; x++) {
                int c = row[x];
                int u = y == 0 ? 0 : previous[x];
                rgb[p++] = (byte) ((c >> 16) - (u >> 16));
                rgb[p++] = (byte) ((c >> 8) - (u >> 8));
                rgb[p++] = (byte) (c - u);
                mask[m++] = (byte) ((c >>> 24) - (u >>> 24));
            }
            int[] t = previous;
            previous = row;
            row = t;
        }
        PdfOut out = new PdfOut(rgb.length / 4 + 4096, CertificatePage.SEAL_APPEARANCE);
        image(
                out,
                CertificatePage.SEAL_IMAGE,
                w,
                h,
                "/DeviceRGB",
                3,
                rgb,
                alpha ? "/SMask " + CertificatePage.SEAL_MASK + " 0 R" : "");
        image(out, CertificatePage.SEAL_MASK, w, h, "/DeviceGray", 1, alpha ? mask : new byte[] {2, 0}, "");

        float scale = Math.min(size / w, size / h);
        String show = "q " + PdfOut.num(w * scale) + " 0 0 " + PdfOut.num(h * scale) + " "
                + PdfOut.num((size - w * scale) / 2) + " " + PdfOut.num((size - h * scale) / 2) + " cm /Im Do Q";
        out.begin(CertificatePage.SEAL_APPEARANCE)
                .ascii("<</Type/XObject/Subtype/Form/BBox[0 0 ")
                .ascii(PdfOut.num(size))
                .ascii(" ")
                .ascii(PdfOut.num(size))
                .ascii("]/Resources<</XObject<</Im ")
                .ascii(CertificatePage.SEAL_IMAGE)
                .ascii(" 0 R>>>>/Length ")
                .ascii(show.length())
                .ascii(">>stream\n")
                .ascii(show)
                .ascii("\nendstream")
                .end();
        return new Prepared(
                out.toChunk(0, CertificatePage.SEAL_IMAGE, CertificatePage.SEAL_MASK, CertificatePage.SEAL_APPEARANCE),
                show);
    }

    private static void image(
            PdfOut out, int object, int w, int h, String colourSpace, int colours, byte[] rows, String extra) {
        boolean placeholder = rows.length == 2; // unused 1×1 mask of an opaque seal keeps the numbering
        byte[] packed = PdfOut.deflate(rows, Deflater.BEST_COMPRESSION);
        int width = placeholder ? 1 : w;
        out.begin(object)
                .ascii("<</Type/XObject/Subtype/Image/Width ")
                .ascii(width)
                .ascii("/Height ")
                .ascii(placeholder ? 1 : h)
                .ascii("/ColorSpace")
                .ascii(colourSpace)
                .ascii("/BitsPerComponent 8")
                .ascii(extra)
                .ascii("/Filter/FlateDecode/DecodeParms<</Predictor 15/Colors ")
                .ascii(colours)
                .ascii("/BitsPerComponent 8/Columns ")
                .ascii(width)
                .ascii(">>/Length ")
                .ascii(packed.length)
                .ascii(">>stream\n")
                .bytes(packed)
                .ascii("\nendstream")
                .end();
    }
}

package cn.hrss.zcrd.certificate.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Seal and QR code position and size on the certificate page, from
 * {@code seal-templates/certificate-layout.properties} (PDF points, origin bottom left of the A4 page).
 */
public record CertificateLayout(
        int sealPage,
        float sealX,
        float sealY,
        float sealSize,
        Path devSampleSeal,
        float qrX,
        float qrY,
        float qrSize) {

    static CertificateLayout load(Path file) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("Certificate layout " + file + " cannot be read", e);
        }
        return new CertificateLayout(
                Integer.parseInt(p.getProperty("seal.page", "1")),
                Float.parseFloat(p.getProperty("seal.x")),
                Float.parseFloat(p.getProperty("seal.y")),
                Float.parseFloat(p.getProperty("seal.size")),
                Path.of(p.getProperty("seal.dev-sample")),
                Float.parseFloat(p.getProperty("qr.x", "72")),
                Float.parseFloat(p.getProperty("qr.y", "110")),
                Float.parseFloat(p.getProperty("qr.size", "100")));
    }
}

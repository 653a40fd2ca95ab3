package cn.hrss.zcrd.shared;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

/** Files the back-office pages hand out for download. */
public final class Downloads {

    private Downloads() {}

    /** A PKCS#10 certification request (PEM) named {@code fileName}, as the licensed CA takes it. */
    public static StreamedContent certificationRequest(String fileName, String pem) {
        byte[] bytes = pem.getBytes(StandardCharsets.US_ASCII);
        return DefaultStreamedContent.builder()
                .name(fileName)
                .contentType("application/pkcs10")
                .contentLength((long) bytes.length)
                .stream(() -> new ByteArrayInputStream(bytes))
                .build();
    }
}

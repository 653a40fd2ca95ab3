package cn.hrss.zcrd.support;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * A {@code multipart/form-data} body as a browser sends a form with one file: the fields, then the file ({@link #of}).
 * For the test clients that post uploads ({@link BrowserlessSession#submitMultipart}, the declaration tests' portal
 * client, {@code HostileUploadsIT}, which also posts bodies made by hand under their own content type).
 */
public record MultipartForm(String contentType, byte[] body) {

    public static MultipartForm of(
            Map<String, String> fields, String fileField, String fileName, String fileType, byte[] content) {
        String boundary = "----zcrd" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                            + "\"\r\n\r\n" + field.getValue() + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                        + fileName + "\"\r\nContent-Type: " + fileType + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return new MultipartForm("multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    /** A POST of this body with its {@code Content-Type}, to {@code request}'s address. */
    public HttpRequest.Builder post(HttpRequest.Builder request) {
        return request.header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    }
}

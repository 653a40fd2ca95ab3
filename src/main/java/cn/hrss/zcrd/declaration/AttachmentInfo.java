package cn.hrss.zcrd.declaration;

import java.io.Serializable;
import java.time.Instant;

/**
 * An attachment as listed on the detail page.
 *
 * @param originalName the uploader's file name, sanitised (display only)
 * @param storedName   the generated name it is served under
 * @param contentType  {@code application/pdf}, {@code image/jpeg} or {@code image/png}, from the content
 * @param sha256       hex SHA-256 of the stored bytes
 */
public record AttachmentInfo(
        long id,
        AttachmentKind kind,
        String originalName,
        String storedName,
        String contentType,
        long sizeBytes,
        String sha256,
        Instant uploadedAt)
        implements Serializable {}

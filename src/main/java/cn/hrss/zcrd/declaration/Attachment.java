package cn.hrss.zcrd.declaration;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An uploaded piece of evidence (附件材料): its description only. The bytes live in {@code attachment_content}, read
 * only when someone downloads them. The original file name is data for display, never used as a path.
 */
@Entity
@Table(name = "declaration_attachment")
class Attachment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 32)
    private AttachmentKind kind;

    @Column(name = "original_name", nullable = false, length = 100)
    private String originalName;

    @Column(name = "stored_name", nullable = false, length = 64, updatable = false)
    private String storedName;

    @Column(name = "content_type", nullable = false, length = 32)
    private String contentType;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Column(name = "sha256", nullable = false, length = 64)
    private String sha256;

    @Column(name = "uploaded_at", nullable = false)
    private Instant uploadedAt;

    protected Attachment() {}

    Attachment(
            AttachmentKind kind,
            String originalName,
            String storedName,
            String contentType,
            long sizeBytes,
            String sha256,
            Instant uploadedAt) {
        this.kind = kind;
        this.originalName = originalName;
        this.storedName = storedName;
        this.contentType = contentType;
        this.sizeBytes = sizeBytes;
        this.sha256 = sha256;
        this.uploadedAt = uploadedAt;
    }

    Long id() {
        return id;
    }

    AttachmentKind kind() {
        return kind;
    }

    AttachmentInfo toInfo() {
        return new AttachmentInfo(id, kind, originalName, storedName, contentType, sizeBytes, sha256, uploadedAt);
    }
}

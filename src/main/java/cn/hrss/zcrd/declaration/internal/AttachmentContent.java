package cn.hrss.zcrd.declaration.internal;

import cn.hrss.zcrd.shared.StoredBytes;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * The bytes of one attachment, in the database so every application node sees them and nothing is ever served from
 * a folder. A table of its own, read only on download, so listing attachments never loads their content; deleting
 * the attachment row deletes it (ON DELETE CASCADE).
 */
@Entity
@Table(name = "attachment_content")
@AttributeOverride(name = "id", column = @Column(name = "attachment_id"))
@AttributeOverride(name = "bytes", column = @Column(name = "content", nullable = false, columnDefinition = "longblob"))
public class AttachmentContent extends StoredBytes {

    protected AttachmentContent() {}

    public AttachmentContent(long attachmentId, byte[] content) {
        super(attachmentId, content);
    }

    public byte[] content() {
        return bytes();
    }
}

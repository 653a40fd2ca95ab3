package cn.hrss.zcrd.declaration.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.PostLoad;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;

/**
 * The bytes of one attachment, in the database so every application node sees them and nothing is ever served from
 * a folder. A table of its own, read only on download, so listing attachments never loads their content; deleting
 * the attachment row deletes it (ON DELETE CASCADE).
 */
@Entity
@Table(name = "attachment_content")
public class AttachmentContent implements Persistable<Long> {

    @Id
    @Column(name = "attachment_id")
    private Long attachmentId;

    @Lob
    @Column(name = "content", nullable = false, columnDefinition = "longblob")
    private byte[] content;

    @Transient
    private boolean isNew = true;

    protected AttachmentContent() {}

    public AttachmentContent(long attachmentId, byte[] content) {
        this.attachmentId = attachmentId;
        this.content = content.clone();
    }

    @Override
    public Long getId() {
        return attachmentId;
    }

    /** Always new until loaded: the id is the attachment's, so save() must insert without a merge's select. */
    @Override
    public boolean isNew() {
        return isNew;
    }

    @PostLoad
    void loaded() {
        isNew = false;
    }

    public byte[] content() {
        return content.clone();
    }
}

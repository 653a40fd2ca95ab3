package cn.hrss.zcrd.shared;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;

/**
 * Bytes kept in a table of their own, keyed by the id of the row they belong to (an attachment's content, a seal
 * impression's PNG), so every node serves them and listing the owners never loads them. An entity maps {@code id}
 * and {@code bytes} onto its columns with {@code @AttributeOverride}.
 */
@MappedSuperclass
public abstract class StoredBytes implements Persistable<Long> {

    @Id
    @Column(name = "id")
    private Long id;

    @Lob
    @Column(name = "bytes", nullable = false, columnDefinition = "longblob")
    private byte[] bytes;

    @Transient
    private boolean isNew = true;

    protected StoredBytes() {}

    protected StoredBytes(long id, byte[] bytes) {
        this.id = id;
        this.bytes = bytes.clone();
    }

    @Override
    public Long getId() {
        return id;
    }

    /** Always new until loaded: the id is the owner's, so save() must insert without a merge's select. */
    @Override
    public boolean isNew() {
        return isNew;
    }

    @PostLoad
    void loaded() {
        isNew = false;
    }

    /** A copy of the bytes. */
    protected byte[] bytes() {
        return bytes.clone();
    }
}

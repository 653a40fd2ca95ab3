package cn.hrss.zcrd.seal.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.PostLoad;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;

/**
 * The PNG of one seal impression version, as checked by {@link SealImageInspector}. A table of its own, read only
 * when the image is shown or used, so listing versions never loads bytes. Never changed once written.
 */
@Entity
@Table(name = "seal_impression_image")
public class SealImpressionImage implements Persistable<Long> {

    @Id
    @Column(name = "impression_id")
    private Long impressionId;

    @Lob
    @Column(name = "png", nullable = false, updatable = false, columnDefinition = "longblob")
    private byte[] png;

    @Transient
    private boolean isNew = true;

    protected SealImpressionImage() {}

    public SealImpressionImage(long impressionId, byte[] png) {
        this.impressionId = impressionId;
        this.png = png.clone();
    }

    @Override
    public Long getId() {
        return impressionId;
    }

    /** Always new until loaded: the id is the impression's, so save() must insert without a merge's select. */
    @Override
    public boolean isNew() {
        return isNew;
    }

    @PostLoad
    void loaded() {
        isNew = false;
    }

    public byte[] png() {
        return png.clone();
    }
}

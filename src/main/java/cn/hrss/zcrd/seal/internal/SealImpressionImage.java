package cn.hrss.zcrd.seal.internal;

import cn.hrss.zcrd.shared.StoredBytes;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * The PNG of one seal impression version, as checked by {@link SealImageInspector}. A table of its own, read only
 * when the image is shown or used, so listing versions never loads bytes. Never changed once written.
 */
@Entity
@Table(name = "seal_impression_image")
@AttributeOverride(name = "id", column = @Column(name = "impression_id"))
@AttributeOverride(
        name = "bytes",
        column = @Column(name = "png", nullable = false, updatable = false, columnDefinition = "longblob"))
public class SealImpressionImage extends StoredBytes {

    protected SealImpressionImage() {}

    public SealImpressionImage(long impressionId, byte[] png) {
        super(impressionId, png);
    }

    public byte[] png() {
        return bytes();
    }
}

package cn.hrss.zcrd.seal;

/**
 * An approved seal impression version: what the electronic seal and the certificate's visible signature use.
 *
 * @param id      the impression (as in {@link SealImpressionApproved#impressionId()})
 * @param version the unit's seal version (1, 2, …)
 * @param png     the PNG with transparency, as checked on upload (a copy: change it freely)
 * @param width   pixels
 * @param height  pixels
 */
public record ApprovedSeal(long id, long unitId, int version, byte[] png, int width, int height) {

    public ApprovedSeal {
        png = png.clone();
    }

    @Override
    public byte[] png() {
        return png.clone();
    }
}

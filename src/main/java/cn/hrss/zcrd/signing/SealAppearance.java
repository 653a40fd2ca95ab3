package cn.hrss.zcrd.signing;

/**
 * Where and how a signature shows on the page: the seal image is the signature's visible appearance.
 *
 * @param page 1-based page number
 * @param x left edge in PDF points from the page's left
 * @param y bottom edge in PDF points from the page's bottom
 * @param width width in points
 * @param height height in points
 * @param image the seal image (PNG bytes, transparency kept)
 * @param reason signature reason shown by PDF readers
 * @param location signature location shown by PDF readers
 */
public record SealAppearance(
        int page, float x, float y, float width, float height, byte[] image, String reason, String location) {}

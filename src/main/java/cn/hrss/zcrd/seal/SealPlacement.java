package cn.hrss.zcrd.seal;

/**
 * Where the seal sits on the certificate page, in PDF points with the origin at the bottom left, as laid out in
 * {@code seal-templates/}. A page shows the preview by scaling these to its mock-up.
 */
public record SealPlacement(float pageWidth, float pageHeight, float x, float y, float width, float height)
        implements java.io.Serializable {

    public double leftPercent() {
        return percent(x, pageWidth);
    }

    public double bottomPercent() {
        return percent(y, pageHeight);
    }

    public double widthPercent() {
        return percent(width, pageWidth);
    }

    public double heightPercent() {
        return percent(height, pageHeight);
    }

    private static double percent(float part, float whole) {
        return Math.round(part * 10_000.0 / whole) / 100.0;
    }
}

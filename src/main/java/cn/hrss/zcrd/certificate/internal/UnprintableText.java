package cn.hrss.zcrd.certificate.internal;

/**
 * A value of a certificate has a character the certificate font has no glyph for: it would be printed as an empty
 * box (.notdef). Thrown while the page is laid out, before anything is signed; the issuance job interrupts the batch
 * with {@link IssuanceJob#PROBLEM_UNPRINTABLE} and stores nothing of that certificate.
 */
final class UnprintableText extends RuntimeException {

    private final int codePoint;

    UnprintableText(int codePoint) {
        super(String.format("U+%04X has no glyph in the certificate font", codePoint));
        this.codePoint = codePoint;
    }

    int codePoint() {
        return codePoint;
    }
}

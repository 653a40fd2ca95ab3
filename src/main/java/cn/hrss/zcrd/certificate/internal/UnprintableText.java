package cn.hrss.zcrd.certificate.internal;

/**
 * A value of a certificate has a character no certificate font (main or fallback) has a glyph for: it would be
 * printed as an empty box (.notdef). Thrown while the page is laid out, before anything is signed; the issuance job
 * interrupts the batch with {@link IssuanceJob#PROBLEM_UNPRINTABLE} and stores nothing of that certificate.
 */
final class UnprintableText extends RuntimeException {

    private final int codePoint;

    UnprintableText(int codePoint) {
        super(String.format("U+%04X has no glyph in any certificate font (main or fallback)", codePoint));
        this.codePoint = codePoint;
    }

    int codePoint() {
        return codePoint;
    }
}

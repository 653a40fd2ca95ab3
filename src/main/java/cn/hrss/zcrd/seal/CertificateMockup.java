package cn.hrss.zcrd.seal;

/**
 * A seal image placed on a certificate mock-up, for the preview of an impression before and after approval.
 * Implemented by the certificate module, which owns the certificate layout of {@code seal-templates/}; declared here
 * so the seal pages use it without the seal module depending on the certificate module (which depends on seals).
 */
public interface CertificateMockup {

    /** Where the layout puts the seal on the certificate page. */
    SealPlacement sealPlacement();

    /**
     * A one-page certificate PDF with sample data, {@code issuingUnit} as the issuing unit and {@code sealPng} at
     * the seal's place: unsigned, marked as a preview.
     */
    byte[] previewPdf(byte[] sealPng, String issuingUnit);
}

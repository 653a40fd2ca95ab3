package cn.hrss.zcrd.support;

import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.validation.reports.Reports;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The EU DSS validator as an independent judge of the platform's PAdES signatures: the platform root is the only
 * trust anchor and nothing is fetched online, so a signature passes at PAdES-BASELINE-LT only with the time stamp,
 * chain and revocation data it carries itself.
 */
public final class DssValidator {

    /** One signature's verdict. */
    public record Verdict(Indication indication, String subIndication, SignatureLevel level, List<String> errors) {

        public boolean passed() {
            return indication == Indication.TOTAL_PASSED;
        }
    }

    private DssValidator() {}

    /** Validates every signature in {@code pdf}; the verdicts in document order. */
    public static List<Verdict> validate(byte[] pdf, X509Certificate trustAnchor) {
        return validate(pdf, List.of(trustAnchor));
    }

    /** Validates with several trust anchors (e.g. an external CA's root for the seal, the platform's for its TSA). */
    public static List<Verdict> validate(byte[] pdf, List<X509Certificate> trustAnchors) {
        Reports reports = reports(pdf, trustAnchors);
        SimpleReport simple = reports.getSimpleReport();
        return simple.getSignatureIdList().stream()
                .map(id -> new Verdict(
                        simple.getIndication(id),
                        simple.getSubIndication(id) == null
                                ? null
                                : simple.getSubIndication(id).name(),
                        simple.getSignatureFormat(id),
                        simple.getAdESValidationErrors(id).stream()
                                .map(Object::toString)
                                .toList()))
                .toList();
    }

    /** The full DSS reports (XML diagnostic data, detailed and simple report), for a failing test's message. */
    public static Reports reports(byte[] pdf, X509Certificate trustAnchor) {
        return reports(pdf, List.of(trustAnchor));
    }

    public static Reports reports(byte[] pdf, List<X509Certificate> trustAnchors) {
        CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
        trustAnchors.forEach(anchor -> trusted.addCertificate(new CertificateToken(anchor)));
        CommonCertificateVerifier verifier = new CommonCertificateVerifier();
        verifier.setTrustedCertSources(trusted);
        // offline: only what the document carries counts
        verifier.setCrlSource(null);
        verifier.setOcspSource(null);
        verifier.setAIASource(null);
        SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(new InMemoryDocument(pdf));
        validator.setCertificateVerifier(verifier);
        return validator.validateDocument();
    }
}

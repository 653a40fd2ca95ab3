package cn.hrss.zcrd.certificate.internal;

import cn.hrss.zcrd.signing.CertificateAuthority;
import cn.hrss.zcrd.signing.ExternalSealCertificates;
import cn.hrss.zcrd.signing.RevocationLists;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What a certificate PDF carries so that its signature validates offline for years (PAdES-BASELINE-LT): the
 * certificates of the seal and of the time-stamp authority, and CRLs of their issuers dated after the signature's
 * time-stamp (the seal CA issues one a second at most; the root's CRL is read from its file once a minute). They go
 * into the document security store (DSS), appended as an incremental update after the signed revision.
 */
@Component
class LongTermValidationData {

    private static final Duration ROOT_CRL_REREAD = Duration.ofMinutes(1);

    private final RevocationLists revocationLists;
    private final ExternalSealCertificates external;
    private final CertificateAuthority platformCa;
    private final Clock clock;
    private volatile byte[] rootCrl;
    private volatile Instant rootCrlReadAt = Instant.EPOCH;

    LongTermValidationData(
            RevocationLists revocationLists,
            ExternalSealCertificates external,
            CertificateAuthority platformCa,
            Clock clock) {
        this.revocationLists = revocationLists;
        this.external = external;
        this.platformCa = platformCa;
        this.clock = clock;
    }

    /** The DER certificates and CRLs for a signature by {@code sealChain} time-stamped at {@code timeStamped}. */
    Dss dssFor(List<X509Certificate> sealChain, List<X509Certificate> timeStampChain, Instant timeStamped) {
        List<byte[]> crls = new ArrayList<>(2);
        crls.add(revocationLists.sealCaCrlIssuedAfter(timeStamped));
        crls.add(rootCrl());
        if (external.enabled() && external.isIssuedHere(sealChain.get(0))) {
            // a licensed CA's seal certificate: its CA's CRLs speak for it
            crls.addAll(external.crls());
        }
        return new Dss(certificates(List.of(sealChain, timeStampChain)), crls);
    }

    /**
     * The validation data of a document (archive) time-stamp made at {@code timeStamped} by the TSA whose chain is
     * {@code timeStampChain}: that chain, the platform CA and root, and their CRLs issued after the time-stamp.
     */
    Dss dssForTimeStamp(List<X509Certificate> timeStampChain, Instant timeStamped) {
        return new Dss(
                certificates(List.of(timeStampChain)),
                List.of(revocationLists.sealCaCrlIssuedAfter(timeStamped), rootCrl()));
    }

    private List<byte[]> certificates(List<List<X509Certificate>> chains) {
        Map<String, byte[]> certificates = new LinkedHashMap<>();
        // the platform's seal CA and root always: with an external CA's seal they are no longer in the seal chain,
        // yet the platform TSA's certificate chains to them
        List<List<X509Certificate>> all = new ArrayList<>(chains);
        all.add(List.of(platformCa.caCertificate(), platformCa.rootCertificate()));
        for (List<X509Certificate> chain : all) {
            for (X509Certificate certificate : chain) {
                byte[] der = encoded(certificate);
                certificates.putIfAbsent(new String(der, StandardCharsets.ISO_8859_1), der);
            }
        }
        return List.copyOf(certificates.values());
    }

    private byte[] rootCrl() {
        Instant now = clock.instant();
        byte[] current = rootCrl;
        if (current == null || rootCrlReadAt.plus(ROOT_CRL_REREAD).isBefore(now)) {
            current = revocationLists.rootCrl();
            rootCrl = current;
            rootCrlReadAt = now;
        }
        return current;
    }

    private static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The DSS's contents: certificates and CRLs, DER. */
    record Dss(List<byte[]> certificates, List<byte[]> crls) {}
}
